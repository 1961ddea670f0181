import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { harnessEnv, replaceMarkedSection } from './harness-env';

describe('the bench and chaos harness settings', () => {
  it('reads sizes as positive whole numbers, with a fallback when unset', () => {
    const { int } = harnessEnv({ CHAOS_APPLICATIONS: '10000', EMPTY: '' }, 'npm run chaos');
    expect(int('CHAOS_APPLICATIONS', 150)).toBe(10_000);
    expect(int('EMPTY', 150)).toBe(150);
    expect(() => harnessEnv({ CHAOS_APPLICATIONS: '1.5' }, 'npm run chaos').int('CHAOS_APPLICATIONS', 150)).toThrow(
      'CHAOS_APPLICATIONS must be a positive integer, got "1.5"',
    );
  });

  it('says which command sets what is missing', () => {
    expect(() => harnessEnv({}, 'npm run bench').required('KAFKA_BROKERS')).toThrow(
      'KAFKA_BROKERS is not set: run through `npm run bench`',
    );
  });

  it('rewrites only the marked section of the README', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'harness-')), 'README.md');
    writeFileSync(file, 'before\n<!-- chaos:start -->\nold\n<!-- chaos:end -->\nafter\n');
    replaceMarkedSection(file, 'chaos', '| new |');
    expect(readFileSync(file, 'utf8')).toBe('before\n<!-- chaos:start -->\n| new |\n<!-- chaos:end -->\nafter\n');
    replaceMarkedSection(file, 'bench', '| ignored |');
    expect(readFileSync(file, 'utf8')).toContain('| new |');
  });
});
