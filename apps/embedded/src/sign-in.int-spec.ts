/**
 * Signing in to the console (统一身份认证) as a browser does, through the console's one address,
 * on real Kafka and PostgreSQL: the session cookie, wrong passwords and the lockout with its
 * expiry (on a controllable clock), sign-out, expiry, accounts an administrator disables or
 * creates, the sign-in audit, and a department's cases kept from another department's approver.
 */
import { ManualClock } from '@onewindow/platform';
import { aUniqueCreditCode } from '@onewindow/domain/testing';
import {
  aConstructionPermitFiling,
  callAtConsole,
  eventually,
  signInAtConsole,
  testDatabaseUrl,
  testKafkaBrokers,
  type ConsoleSession,
} from '@onewindow/testing';
import { startConsolePlatformForTest, type ConsoleTestPlatform } from './testing/console-platform';

type Json = Record<string, unknown>;

describe('signing in to the console', () => {
  // 2026-03-05 (Thu) 10:00 in China.
  const clock = new ManualClock(new Date('2026-03-05T02:00:00.000Z'));
  let console_: ConsoleTestPlatform;
  let url: string;
  let admin: ConsoleSession;
  const logged: string[] = [];
  let stdout: jest.SpyInstance | undefined;

  beforeAll(async () => {
    // Everything the services log during the suite (at info), to look for secrets in it.
    stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      logged.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    });
    console_ = await startConsolePlatformForTest({
      label: 'sign-in',
      databaseUrl: testDatabaseUrl(),
      kafkaBrokers: testKafkaBrokers().join(','),
      clock,
      env: {
        SIGN_IN_MAX_FAILURES: '3',
        SIGN_IN_LOCK_MINUTES: '10',
        SESSION_TTL_MINUTES: '60',
        LOG_LEVEL: 'info',
        DEADLINE_WATCH_INTERVAL_MS: '0',
      },
    });
    url = console_.consoleUrl;
  });

  // Tests move the clock: the administrator signs in afresh for each.
  beforeEach(async () => {
    admin = await sessionOf('admin');
  });

  afterAll(async () => {
    await console_?.stop();
    stdout?.mockRestore();
  });

  async function sessionOf(username: string, password = 'Demo@2026'): Promise<ConsoleSession> {
    const signedIn = await signInAtConsole(url, username, password);
    if (!signedIn.session) throw new Error(`${username} could not sign in: ${signedIn.status} ${signedIn.text}`);
    return signedIn.session;
  }

  const call = (session: ConsoleSession | null, method: string, path: string, body?: unknown) =>
    callAtConsole<Json>(url, session, method, path, body);
  const signIns = async (username: string) =>
    ((await call(admin, 'GET', `/api/identity/sign-ins?username=${username}&pageSize=50`)).body['items'] as Json[])
      .map((row) => row['outcome'])
      .reverse();

  it('signs in with an httpOnly, SameSite=Strict cookie that the gateway turns into the bearer token for every service', async () => {
    const signedIn = await signInAtConsole(url, 'WangShenpi ', 'Demo@2026', {
      'user-agent': 'Mozilla/5.0 (Windows NT 10.0) Chrome/126',
      'x-forwarded-for': '10.37.15.21',
    });
    expect(signedIn.status).toBe(201);
    expect(signedIn.body).toEqual({
      user: {
        id: 'wangshenpi',
        username: 'wangshenpi',
        displayName: '王审批',
        role: 'approver',
        departmentCode: 'DCF-SCJGJ',
        departmentName: '东昌府区市场监督管理局',
        level: 'district',
        mustChangePassword: false,
      },
      expiresAt: '2026-03-05T03:00:00.000Z',
    });
    const cookie = signedIn.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^onewindow_session=[\w-]+\.[\w-]+\.[\w-]+; Max-Age=3600; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Strict$/);
    expect(signedIn.text).not.toContain(cookie.split(';')[0]?.split('=')[1]);

    const session = signedIn.session as ConsoleSession;
    expect((await call(session, 'GET', '/api/identity/sessions/current')).body).toEqual(signedIn.body);
    const queue = await call(session, 'GET', '/api/approval/cases');
    expect(queue.status).toBe(200);
    expect((await call(null, 'GET', '/api/approval/cases')).body).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });

    const [audit] = (await call(admin, 'GET', '/api/identity/sign-ins?username=wangshenpi')).body['items'] as Json[];
    expect(audit).toMatchObject({
      event: 'sign-in',
      username: 'wangshenpi',
      accountId: 'wangshenpi',
      outcome: 'succeeded',
      forwardedFor: expect.stringContaining('10.37.15.21'),
      userAgent: expect.stringContaining('Chrome/126'),
    });
  });

  it('refuses a wrong password and an unknown name alike, and audits both', async () => {
    for (const [username, password] of [
      ['lishouli', 'Demo@2025'],
      ['lishoul', 'Demo@2026'],
    ] as const) {
      const refused = await signInAtConsole(url, username, password);
      expect(refused.status).toBe(401);
      expect(refused.body).toMatchObject({ error: { code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' } });
      expect(refused.headers.get('set-cookie')).toBeNull();
    }
    expect(await signIns('lishouli')).toEqual(['invalid-credentials']);
    expect(await signIns('lishoul')).toEqual(['invalid-credentials']);
    const rows = await console_.query('identity', "SELECT account_id FROM $schema.sign_in_record WHERE username = 'lishoul'");
    expect(rows).toEqual([{ account_id: null }]);
  });

  it('locks the account after repeated wrong passwords, says until when, and lets it in again once the lock runs out', async () => {
    clock.set('2026-03-05T02:30:00.000Z'); // 10:30 in China
    expect((await signInAtConsole(url, 'zhangshenpi', 'wrong-1')).status).toBe(401);
    expect((await signInAtConsole(url, 'zhangshenpi', 'wrong-2')).status).toBe(401);
    const locking = await signInAtConsole(url, 'zhangshenpi', 'wrong-3');
    expect(locking.status).toBe(423);
    expect(locking.body).toMatchObject({ error: { code: 'ACCOUNT_LOCKED', message: '账户已锁定，请于 10:40 后重试或联系管理员' } });

    clock.set('2026-03-05T02:35:00.000Z');
    const whileLocked = await signInAtConsole(url, 'zhangshenpi', 'Demo@2026');
    expect(whileLocked.status).toBe(423);
    expect((await call(admin, 'GET', '/api/identity/accounts/zhangshenpi')).body).toMatchObject({
      lockedUntil: '2026-03-05T02:40:00.000Z',
    });

    clock.set('2026-03-05T02:40:00.000Z');
    expect((await signInAtConsole(url, 'zhangshenpi', 'Demo@2026')).status).toBe(201);
    expect(await signIns('zhangshenpi')).toEqual(['invalid-credentials', 'invalid-credentials', 'locked-now', 'locked', 'succeeded']);
    expect((await call(admin, 'GET', '/api/identity/accounts/zhangshenpi')).body).toMatchObject({ failedAttempts: 0 });
    expect((await call(admin, 'GET', '/api/identity/accounts/zhangshenpi')).body['lockedUntil']).toBeUndefined();
  });

  it('lets an administrator unlock an account before the lock runs out', async () => {
    for (let i = 0; i < 3; i += 1) await signInAtConsole(url, 'zhoushenpi', `wrong-${i}`);
    expect((await signInAtConsole(url, 'zhoushenpi', 'Demo@2026')).status).toBe(423);
    expect((await call(admin, 'POST', '/api/identity/accounts/zhoushenpi/unlock')).status).toBe(200);
    expect((await signInAtConsole(url, 'zhoushenpi', 'Demo@2026')).status).toBe(201);
    const changes = (await call(admin, 'GET', '/api/identity/accounts/zhoushenpi/changes')).body['items'] as Json[];
    expect(changes[0]).toMatchObject({ change: 'unlocked', byId: 'admin', byName: '系统管理员' });
  });

  it('signs out: the session ends, the cookie is cleared, and the old cookie no longer works', async () => {
    const session = await sessionOf('liujianguan');
    const signedOut = await call(session, 'DELETE', '/api/identity/sessions/current');
    expect(signedOut.status).toBe(204);
    expect(signedOut.headers.get('set-cookie')).toMatch(
      /^onewindow_session=; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict$/,
    );
    expect((await call(session, 'GET', '/api/identity/sessions/current')).body).toMatchObject({
      error: { code: 'UNAUTHENTICATED', message: '登录已失效，请重新登录' },
    });
    expect(await signIns('liujianguan')).toEqual(['succeeded', 'succeeded']);
    const [signOut] = await console_.query(
      'identity',
      "SELECT event FROM $schema.sign_in_record WHERE username = 'liujianguan' ORDER BY at DESC, event DESC LIMIT 1",
    );
    expect(signOut).toEqual({ event: 'sign-out' });
    // Signing out again, or without any session, only clears the cookie.
    expect((await call(session, 'DELETE', '/api/identity/sessions/current')).status).toBe(204);
    expect((await call(null, 'DELETE', '/api/identity/sessions/current')).status).toBe(204);
  });

  it('answers every service with 401 TOKEN_EXPIRED once the sign-in has expired', async () => {
    clock.set('2026-03-05T06:00:00.000Z');
    const session = await sessionOf('chenkezhang');
    clock.advance(60 * 60_000);
    const fromSupervision = await call(session, 'GET', '/api/supervision/notices');
    expect(fromSupervision.status).toBe(401);
    expect(fromSupervision.body).toMatchObject({ error: { code: 'TOKEN_EXPIRED', message: '登录已过期，请重新登录' } });
    expect((await call(session, 'GET', '/api/identity/sessions/current')).body).toMatchObject({ error: { code: 'TOKEN_EXPIRED' } });
  });

  it('keeps an account the administrator disabled from signing in, ends its sessions, and protects the administrator from locking themselves out', async () => {
    const session = await sessionOf('zhaochuang');
    const disabled = await call(admin, 'POST', '/api/identity/accounts/zhaochuang/disable');
    expect(disabled.body).toMatchObject({ username: 'zhaochuang', status: 'disabled' });
    expect((await call(session, 'GET', '/api/identity/sessions/current')).status).toBe(401);
    const refused = await signInAtConsole(url, 'zhaochuang', 'Demo@2026');
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'ACCOUNT_DISABLED', message: '账户已停用，请联系管理员' } });
    // The wrong password on a disabled account says no more than any wrong password.
    expect((await signInAtConsole(url, 'zhaochuang', 'Demo@2025')).body).toMatchObject({ error: { code: 'INVALID_CREDENTIALS' } });

    const self = await call(admin, 'POST', '/api/identity/accounts/admin/disable');
    expect(self.status).toBe(422);
    expect(self.body).toMatchObject({ error: { code: 'CANNOT_LOCK_SELF_OUT' } });
    expect((await call(admin, 'PATCH', '/api/identity/accounts/admin', { role: 'manager' })).body).toMatchObject({
      error: { code: 'CANNOT_LOCK_SELF_OUT' },
    });

    await call(admin, 'POST', '/api/identity/accounts/zhaochuang/enable');
    expect((await signInAtConsole(url, 'zhaochuang', 'Demo@2026')).status).toBe(201);
    expect(await signIns('zhaochuang')).toEqual(['succeeded', 'disabled', 'invalid-credentials', 'succeeded']);
  });

  it('lets an administrator create an account whose holder must change the initial password, field errors by path', async () => {
    const invalid = await call(admin, 'POST', '/api/identity/accounts', {
      username: 'Liu Chuang',
      displayName: '刘',
      role: 'approver',
      password: 'short',
    });
    expect(invalid.status).toBe(400);
    expect((invalid.body['error'] as Json)['fields']).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'username' }), expect.objectContaining({ path: 'displayName' })]),
    );
    const misplaced = await call(admin, 'POST', '/api/identity/accounts', {
      username: 'liuchuangkou',
      displayName: '刘窗口',
      role: 'clerk',
      departmentCode: 'DCF-SCJGJ',
      password: 'short',
    });
    expect(((misplaced.body['error'] as Json)['fields'] as Json[]).map((f) => `${f['path']}:${f['code']}`)).toEqual(
      expect.arrayContaining(['departmentCode:SERVICE_CENTRE_REQUIRED', 'password:PASSWORD_RULE']),
    );
    expect((await call(admin, 'GET', '/api/identity/accounts?q=liuchuangkou')).body['total']).toBe(0);

    const created = await call(admin, 'POST', '/api/identity/accounts', {
      username: 'liuchuangkou',
      displayName: '刘窗口',
      role: 'clerk',
      departmentCode: 'DCF-GLJD-BMFW',
      idNumber: '11010519491231002X',
      password: 'Chushi@2026',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      username: 'liuchuangkou',
      role: 'clerk',
      level: 'town',
      departmentName: '古楼街道便民服务中心',
      idNumber: '110105********002X',
      mustChangePassword: true,
      status: 'active',
    });
    expect(Object.keys(created.body)).not.toEqual(expect.arrayContaining([expect.stringMatching(/^password/i)]));
    expect(
      (
        await call(admin, 'POST', '/api/identity/accounts', {
          username: 'liuchuangkou',
          displayName: '刘窗口',
          role: 'clerk',
          departmentCode: 'DCF-GLJD-BMFW',
          password: 'Chushi@2026',
        })
      ).status,
    ).toBe(409);

    const holder = await sessionOf('liuchuangkou', 'Chushi@2026');
    expect(holder.user).toMatchObject({ mustChangePassword: true });
    const weak = await call(holder, 'PUT', '/api/identity/sessions/current/password', {
      currentPassword: 'Chushi@2026',
      newPassword: 'liuchuangkou1',
    });
    expect(weak.body).toMatchObject({
      error: { fields: expect.arrayContaining([expect.objectContaining({ path: 'newPassword', code: 'PASSWORD_RULE' })]) },
    });
    const changed = await call(holder, 'PUT', '/api/identity/sessions/current/password', {
      currentPassword: 'Chushi@2026',
      newPassword: 'Gulou#Window8',
    });
    expect(changed.body).toMatchObject({ user: { mustChangePassword: false } });
    expect((await signInAtConsole(url, 'liuchuangkou', 'Chushi@2026')).status).toBe(401);
    expect((await signInAtConsole(url, 'liuchuangkou', 'Gulou#Window8')).status).toBe(201);
  });

  it("keeps a department's case from another department's approver, through the gateway as anywhere", async () => {
    clock.set('2026-03-05T02:00:00.000Z');
    const clerk = await sessionOf('lishouli');
    const filed = await call(clerk, 'POST', '/api/intake/applications', aConstructionPermitFiling({ creditCode: aUniqueCreditCode() }));
    expect(filed.status).toBe(201);
    const number = String(filed.body['number']);
    const housing = await sessionOf('zhoushenpi');
    const found = await eventually(async () => {
      const queue = await call(housing, 'GET', `/api/approval/cases?applicationNumber=${number}`);
      const [item] = queue.body['items'] as Json[];
      if (!item) throw new Error(`no case for ${number} yet`);
      return item;
    });
    expect(found).toMatchObject({ departmentCode: 'DCF-ZJJ' });
    expect((await call(housing, 'GET', `/api/approval/cases/${String(found['id'])}`)).status).toBe(200);

    const market = await sessionOf('wangshenpi');
    const hidden = await call(market, 'GET', `/api/approval/cases/${String(found['id'])}`);
    expect(hidden.status).toBe(404);
    expect((await call(market, 'GET', `/api/approval/cases?applicationNumber=${number}`)).body).toMatchObject({ total: 0 });
    // A clerk is no approver at all.
    expect((await call(clerk, 'GET', `/api/approval/cases/${String(found['id'])}`)).status).toBe(403);
  });

  it('never writes a password or a token to the logs', () => {
    const text = logged.join('');
    expect(text).toContain('signed in');
    for (const secret of ['Demo@2026', 'Chushi@2026', 'Gulou#Window8']) expect(text).not.toContain(secret);
    // No JWT of any kind: header and claims are base64url JSON, `eyJ…`.
    expect(text).not.toMatch(/eyJ[\w-]{10,}\.eyJ[\w-]{10,}/);
  });
});
