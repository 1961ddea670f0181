import { loadConfig } from '@onewindow/platform';
import { createServer } from 'node:net';
import { DemoUrlsConfig, demoUrls } from './demo-urls';
import { runDemo } from './demo-walkthrough';

describe('npm run demo', () => {
  it('finds the embedded platform on the ports ONEWINDOW_PORT_OFFSET shifted', () => {
    expect(demoUrls(loadConfig(DemoUrlsConfig, { env: { ONEWINDOW_PORT_OFFSET: '100' } }))).toEqual({
      intake: 'http://127.0.0.1:3101',
      approval: 'http://127.0.0.1:3102',
      supervision: 'http://127.0.0.1:3103',
    });
    expect(
      demoUrls(loadConfig(DemoUrlsConfig, { env: { ONEWINDOW_PORT_OFFSET: '100', INTAKE_URL: 'http://intake.example:8080' } })).intake,
    ).toBe('http://intake.example:8080');
  });

  it('says which service it could not reach and what to do, not a bare "fetch failed"', async () => {
    // A port nobody listens on: taken, then released.
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = server.address() as { port: number };
        server.close(() => resolve(free));
      });
    });
    const url = `http://127.0.0.1:${port}`;
    await expect(runDemo({ intake: url, approval: url, supervision: url }, 'a-secret-of-at-least-thirty-two-characters')).rejects.toThrow(
      `无法连接 ${url}（ECONNREFUSED）：请先用 npm start 启动平台`,
    );
  });
});
