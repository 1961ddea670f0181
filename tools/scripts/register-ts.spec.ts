import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

const root = join(__dirname, '..', '..');

/**
 * The tools (`npm run token`, `openapi`, `asyncapi`, `bench`, `chaos`) run the TypeScript sources
 * through `register-ts.cjs`, where Node resolves `./x` to `x.js` or `x.json` before `x.ts`: a module
 * with a JSON file of the same name beside it is shadowed there, though jest and the build find it.
 */
describe('the sources as the tools load them', () => {
  it('have no TypeScript module shadowed by a JSON file of the same name', () => {
    const tracked = execFileSync('git', ['ls-files', '*.ts'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
    const shadowed = tracked.filter((file) => !file.endsWith('.d.ts') && existsSync(join(root, file.replace(/\.ts$/, '.json'))));
    expect(shadowed).toEqual([]);
  });

  it('load the mapping library with its published spec schema', () => {
    const loaded = spawnSync(
      process.execPath,
      ['-r', './tools/scripts/register-ts.cjs', '-e', "process.stdout.write(typeof require('@onewindow/mapping').MAPPING_SPEC_SCHEMA)"],
      { cwd: root, encoding: 'utf8' },
    );
    expect(loaded.stderr).toBe('');
    expect(loaded.stdout).toBe('object');
  });
});
