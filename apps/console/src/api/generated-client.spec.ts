// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const consoleRoot = join(__dirname, '..', '..');
const committed = join(consoleRoot, 'src', 'api', 'generated');

function filesUnder(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(folder, path), readFileSync(path, 'utf8'));
    }
  };
  walk(folder);
  return files;
}

describe("the generated API client (the console's side of the OpenAPI contract)", () => {
  const fresh = mkdtempSync(join(tmpdir(), 'console-api-client-'));
  afterAll(() => rmSync(fresh, { recursive: true, force: true }));

  it('is what docs/openapi/*.json generate today: run `npm run api:generate` after `npm run openapi`', () => {
    execFileSync(process.execPath, [join(consoleRoot, 'scripts', 'generate-api.mjs'), '--out', fresh], { stdio: 'pipe' });
    const expected = filesUnder(fresh);
    const actual = filesUnder(committed);
    const stale = [...new Set([...expected.keys(), ...actual.keys()])].filter((file) => expected.get(file) !== actual.get(file)).sort();
    expect(stale).toEqual([]);
  }, 60_000);
});
