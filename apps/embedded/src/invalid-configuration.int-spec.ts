/** A service started with bad configuration stops at once and says which variable is wrong. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..', '..');

describe('start-up with invalid configuration', () => {
  it.each([
    ['HTTP_PORT', { HTTP_PORT: 'abc' }, 'HTTP_PORT must be a number (got "abc")'],
    ['KAFKA_BROKERS', { KAFKA_BROKERS: 'not a broker' }, 'KAFKA_BROKERS must be a comma-separated list of host:port'],
    ['AUTH_TOKEN_SECRET', { NODE_ENV: 'production' }, 'AUTH_TOKEN_SECRET must be set to a secret of your own in production'],
    ['EVENT_BUS', { EVENT_BUS: 'carrier-pigeon' }, 'EVENT_BUS must be kafka or in-process (got "carrier-pigeon")'],
  ])('fails with a message naming %s, before touching the database or the broker', (_variable, env, message) => {
    const main = join(root, 'dist', 'intake', 'main.js');
    expect(existsSync(main)).toBe(true);
    const run = spawnSync(process.execPath, [main, 'serve'], {
      env: { PATH: process.env['PATH'] ?? '', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(78);
    expect(run.stderr).toContain('intake: Invalid configuration:');
    expect(run.stderr).toContain(message);
  });
});
