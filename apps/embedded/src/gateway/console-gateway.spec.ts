import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APPLICANT_SESSION_COOKIE, SESSION_COOKIE } from '@onewindow/platform';
import { startConsoleGateway, type ConsoleGateway } from './console-gateway';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A stand-in service that records what reached it and answers as the test says. */
async function aService(
  answer: (seen: Seen, response: import('node:http').ServerResponse) => void,
): Promise<{ url: string; seen: Seen[]; server: Server }> {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const record = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      seen.push(record);
      answer(record, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

const json = (response: import('node:http').ServerResponse, status: number, body: unknown) =>
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

describe('the console gateway', () => {
  let gateway: ConsoleGateway;
  let consoleDir: string;
  let intake: Awaited<ReturnType<typeof aService>>;
  let release: () => void = () => undefined;
  const servers: Server[] = [];

  beforeAll(async () => {
    consoleDir = mkdtempSync(join(tmpdir(), 'onewindow-console-'));
    mkdirSync(join(consoleDir, 'assets'));
    writeFileSync(join(consoleDir, 'index.html'), '<!doctype html><title>一窗受理</title>');
    writeFileSync(join(consoleDir, 'assets', 'index-3f9a1c.js'), 'console.log("控制台")');
    intake = await aService((seen, response) => {
      if (seen.url.startsWith('/exports')) {
        // A large answer in two parts; the second waits until the browser has the first.
        response.writeHead(200, { 'content-type': 'text/csv' });
        response.write('申请编号,事项\n'.repeat(2000));
        release = () => response.end('YC20260305001,食品经营许可\n');
        return;
      }
      if (seen.url.startsWith('/slow')) return void setTimeout(() => json(response, 200, {}), 2_000).unref();
      json(response, 201, { received: seen.body ? JSON.parse(seen.body) : null });
    });
    servers.push(intake.server);
    const down = await aService(() => undefined);
    await new Promise((resolve) => down.server.close(resolve));
    gateway = await startConsoleGateway({
      host: '127.0.0.1',
      port: 0,
      services: { intake: intake.url, approval: down.url },
      consoleDir,
      proxyTimeoutMs: 500,
    });
  });

  afterAll(async () => {
    await gateway?.close();
    for (const server of servers) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    rmSync(consoleDir, { recursive: true, force: true });
  });

  it('passes /api/<service>/… to the service without the prefix, body and query intact', async () => {
    const response = await fetch(`${gateway.url}/api/intake/applications?page=2`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ applicant: { name: '聊城市东昌府区鲁西小厨餐饮店' } }),
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ received: { applicant: { name: '聊城市东昌府区鲁西小厨餐饮店' } } });
    expect(intake.seen.at(-1)).toMatchObject({ method: 'POST', url: '/applications?page=2' });
  });

  it('turns the session cookie into a bearer token, and keeps a caller’s own Authorization', async () => {
    await fetch(`${gateway.url}/api/intake/catalogue`, { headers: { cookie: `lang=zh; ${SESSION_COOKIE}=aaa.bbb.ccc` } });
    expect(intake.seen.at(-1)?.headers['authorization']).toBe('Bearer aaa.bbb.ccc');
    await fetch(`${gateway.url}/api/intake/catalogue`, {
      headers: { authorization: 'Bearer ddd.eee.fff', cookie: `${SESSION_COOKIE}=aaa.bbb.ccc` },
    });
    expect(intake.seen.at(-1)?.headers['authorization']).toBe('Bearer ddd.eee.fff');
    await fetch(`${gateway.url}/api/intake/catalogue`);
    expect(intake.seen.at(-1)?.headers['authorization']).toBeUndefined();
  });

  it('sends the applicant’s session only for the public pages’ calls that ask for it, the staff one otherwise', async () => {
    const cookie = `${SESSION_COOKIE}=aaa.bbb.ccc; ${APPLICANT_SESSION_COOKIE}=ggg.hhh.iii`;
    await fetch(`${gateway.url}/api/intake/progress/mine`, { headers: { cookie, 'x-onewindow-session': 'applicant' } });
    expect(intake.seen.at(-1)?.headers['authorization']).toBe('Bearer ggg.hhh.iii');
    await fetch(`${gateway.url}/api/intake/applications`, { headers: { cookie } });
    expect(intake.seen.at(-1)?.headers['authorization']).toBe('Bearer aaa.bbb.ccc');
    await fetch(`${gateway.url}/api/intake/progress/mine`, {
      headers: { cookie: `${SESSION_COOKIE}=aaa.bbb.ccc`, 'x-onewindow-session': 'applicant' },
    });
    expect(intake.seen.at(-1)?.headers['authorization']).toBeUndefined();
  });

  it('forwards the request id (or gives one) and the browser’s address', async () => {
    const given = await fetch(`${gateway.url}/api/intake/catalogue`, { headers: { 'x-request-id': 'req-window-7' } });
    expect(given.headers.get('x-request-id')).toBe('req-window-7');
    expect(intake.seen.at(-1)?.headers).toMatchObject({ 'x-request-id': 'req-window-7', 'x-forwarded-for': '127.0.0.1' });
    const fresh = await fetch(`${gateway.url}/api/intake/catalogue`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(intake.seen.at(-1)?.headers['x-request-id']).toBe(fresh.headers.get('x-request-id'));
  });

  it('streams a large answer: the browser has its first part before the service has finished', async () => {
    const response = await fetch(`${gateway.url}/api/intake/exports/applications.csv`);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value);
    // Only now may the service finish: a gateway that buffered whole answers would wait here forever.
    release();
    for (let part = await reader.read(); !part.done; part = await reader.read()) text += decoder.decode(part.value);
    expect(text.startsWith('申请编号,事项\n')).toBe(true);
    expect(text.endsWith('YC20260305001,食品经营许可\n')).toBe(true);
  });

  it('answers a service that is down with 503 in the platform’s error shape, in Chinese', async () => {
    const response = await fetch(`${gateway.url}/api/approval/cases`, { headers: { 'x-request-id': 'req-down-1' } });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      error: { code: 'SERVICE_UNAVAILABLE', message: '审批服务暂时无法访问，请稍后再试', fields: [], requestId: 'req-down-1' },
    });
  });

  it('answers a service too slow to answer with 504', async () => {
    const response = await fetch(`${gateway.url}/api/intake/slow`);
    expect(response.status).toBe(504);
    expect(await response.json()).toMatchObject({ error: { code: 'GATEWAY_TIMEOUT', message: '综合受理服务响应超时，请稍后再试' } });
  });

  it('answers an unknown API path with 404 in the error shape', async () => {
    const response = await fetch(`${gateway.url}/api/payments/orders`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'NOT_FOUND', message: '未找到请求的接口' } });
  });

  it('serves the console: index.html for every page address, fresh; assets cached for good', async () => {
    const page = await fetch(`${gateway.url}/window/desk?tab=today`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(await page.text()).toContain('一窗受理');
    const asset = await fetch(`${gateway.url}/assets/index-3f9a1c.js`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${gateway.url}/assets/missing.js`)).status).toBe(404);
  });
});

describe('the console gateway before the console is built', () => {
  it('says how to build it', async () => {
    const gateway = await startConsoleGateway({
      host: '127.0.0.1',
      port: 0,
      services: {},
      consoleDir: join(tmpdir(), 'onewindow-no-console-here'),
    });
    try {
      const response = await fetch(`${gateway.url}/`);
      expect(response.status).toBe(503);
      expect(await response.text()).toContain('控制台尚未构建');
    } finally {
      await gateway.close();
    }
  });
});
