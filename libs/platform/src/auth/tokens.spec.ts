import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { IsNull } from 'typeorm';
import {
  BaseServiceConfig,
  departmentCondition,
  departmentScope,
  issueToken,
  loadConfig,
  scopeAdmits,
  TokenError,
  TokenVerifier,
  verifyToken,
} from '../index';

const secret = 'a-test-secret-that-is-long-enough-0123456789';
const approver = { id: 'u-1', name: '王审批', role: 'approver' as const, department: 'DCF-SCJGJ' };

describe('signed bearer tokens', () => {
  it('round-trips the role and the department', async () => {
    await expect(verifyToken(issueToken(approver, secret), secret)).resolves.toEqual(approver);
  });

  it('carries the sign-in session and the expiry', async () => {
    const token = issueToken(approver, secret, 600, new Date('2026-03-05T02:00:00Z'), 'session-7');
    const verified = await new TokenVerifier(secret).verify(token, new Date('2026-03-05T02:05:00Z'));
    expect(verified).toMatchObject({ sessionId: 'session-7', expiresAt: new Date('2026-03-05T02:10:00Z'), issuer: 'onewindow' });
  });

  it('refuses a token signed with another secret', async () => {
    const token = issueToken(approver, 'another-secret-that-is-long-enough-987654');
    await expect(verifyToken(token, secret)).rejects.toMatchObject({ code: 'TOKEN_SIGNATURE' });
  });

  it('refuses a token whose claims were altered', async () => {
    const [header, , signature] = issueToken(approver, secret).split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...approver, sub: 'u-1', role: 'admin', iss: 'onewindow', iat: 0, exp: 9_999_999_999 }),
    ).toString('base64url');
    await expect(verifyToken(`${header}.${forged}.${signature}`, secret)).rejects.toMatchObject({ code: 'TOKEN_SIGNATURE' });
  });

  it('refuses an unsigned token (alg none) and text that is no token at all', async () => {
    const payload = Buffer.from(JSON.stringify({ sub: 'u-1', name: 'x', role: 'admin', iss: 'onewindow', exp: 9_999_999_999 })).toString(
      'base64url',
    );
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
    await expect(verifyToken(none, secret)).rejects.toBeInstanceOf(TokenError);
    await expect(verifyToken('not-a-token', secret)).rejects.toMatchObject({ code: 'TOKEN_MALFORMED' });
  });

  it('refuses an expired token', async () => {
    const token = issueToken(approver, secret, 60, new Date('2026-01-01T00:00:00Z'));
    await expect(verifyToken(token, secret, new Date('2026-01-01T00:02:00Z'))).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
  });

  it('will not issue an approver token without a department', () => {
    expect(() => issueToken({ id: 'u-2', name: '无部门', role: 'approver' }, secret)).toThrow('must name a department');
  });
});

describe("an external identity provider's tokens (OIDC, the province's 统一身份认证)", () => {
  const issuer = 'https://tyrz.shandong.gov.cn/realms/sdzw';
  let server: Server;
  let jwksUri: string;
  let sign: (claims: JWTPayload, options?: { expiresIn?: string; audience?: string }) => Promise<string>;

  beforeAll(async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'sdzw-2026', alg: 'RS256', use: 'sig' };
    server = createServer((_request, response) =>
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/protocol/openid-connect/certs`;
    sign = (claims, options = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'sdzw-2026' })
        .setIssuer(issuer)
        .setAudience(options.audience ?? 'onewindow-console')
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? '10m')
        .sign(privateKey);
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  function verifierFor(env: Record<string, string>): TokenVerifier {
    const config = loadConfig(BaseServiceConfig, {
      env: { AUTH_OIDC_ISSUER: issuer, AUTH_OIDC_JWKS_URI: jwksUri, AUTH_OIDC_AUDIENCE: 'onewindow-console', ...env },
    });
    return new TokenVerifier(config.authTokenSecret, config.externalIdentityProvider());
  }

  it("accepts the provider's RS256 token, mapping its claims and role names to ours", async () => {
    const verifier = verifierFor({
      AUTH_OIDC_ROLE_MAP: 'shenpi=approver',
      AUTH_OIDC_DEPARTMENT_CLAIM: 'org_code',
      AUTH_OIDC_NAME_CLAIM: 'preferred_name',
    });
    const token = await sign({ sub: '37150219800101001X', preferred_name: '王审批', role: 'shenpi', org_code: 'DCF-SCJGJ' });
    await expect(verifier.verify(token, new Date())).resolves.toMatchObject({
      user: { id: '37150219800101001X', name: '王审批', role: 'approver', department: 'DCF-SCJGJ' },
      issuer,
    });
  });

  it("still accepts OneWindow's own tokens beside the provider's", async () => {
    await expect(
      verifierFor({}).verify(issueToken(approver, loadConfig(BaseServiceConfig, { env: {} }).authTokenSecret), new Date()),
    ).resolves.toMatchObject({ user: approver });
  });

  it('refuses a token for another audience, one signed with a shared secret, an unknown role, and an expired one', async () => {
    const verifier = verifierFor({});
    await expect(
      verifier.verify(await sign({ sub: 'x', name: '张三', role: 'clerk' }, { audience: 'another-app' }), new Date()),
    ).rejects.toMatchObject({ code: 'TOKEN_CLAIMS' });
    const symmetric = await new SignJWT({ sub: 'x', name: '张三', role: 'clerk' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(issuer)
      .setAudience('onewindow-console')
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(secret));
    await expect(verifier.verify(symmetric, new Date())).rejects.toBeInstanceOf(TokenError);
    await expect(verifier.verify(await sign({ sub: 'x', name: '张三', role: 'village-head' }), new Date())).rejects.toMatchObject({
      code: 'TOKEN_CLAIMS',
    });
    const expired = await sign({ sub: 'x', name: '张三', role: 'clerk' }, { expiresIn: '1s' });
    await expect(verifier.verify(expired, new Date(Date.now() + 120_000))).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
  });

  it('says the provider cannot be reached when its keys cannot be fetched', async () => {
    const config = loadConfig(BaseServiceConfig, { env: { AUTH_OIDC_ISSUER: issuer, AUTH_OIDC_JWKS_URI: 'http://127.0.0.1:9/certs' } });
    const verifier = new TokenVerifier(config.authTokenSecret, config.externalIdentityProvider());
    await expect(verifier.verify(await sign({ sub: 'x', name: '张三', role: 'clerk' }), new Date())).rejects.toMatchObject({
      code: 'TOKEN_UNVERIFIABLE',
    });
  });

  it('is configured all or nothing: an issuer without its JWKS is refused at start-up', () => {
    expect(() => loadConfig(BaseServiceConfig, { env: { AUTH_OIDC_ISSUER: issuer } })).toThrow(
      'AUTH_OIDC_ISSUER and AUTH_OIDC_JWKS_URI must be set together',
    );
    expect(() => loadConfig(BaseServiceConfig, { env: { AUTH_OIDC_ROLE_MAP: 'shenpi=boss' } })).toThrow('AUTH_OIDC_ROLE_MAP');
  });
});

describe('department scope', () => {
  it('limits an approver to their own department', () => {
    expect(departmentScope(approver)).toEqual({ kind: 'department', code: 'DCF-SCJGJ' });
  });

  it('lets admin and centre management see every department', () => {
    expect(departmentScope({ id: 'a', name: '管理员', role: 'admin' })).toEqual({ kind: 'all' });
    expect(departmentScope({ id: 'm', name: '监察', role: 'manager' })).toEqual({ kind: 'all' });
  });

  it('gives a role without a department nothing rather than everything', () => {
    const scope = departmentScope({ id: 'c', name: '李受理', role: 'clerk' });
    expect(scope).toEqual({ kind: 'none' });
    expect(departmentCondition(scope)).toEqual({ departmentCode: IsNull() });
    expect(scopeAdmits(scope, 'DCF-SCJGJ')).toBe(false);
  });
});
