/**
 * The dry run an integration engineer runs before switching an adapter on: the steps in real
 * headless chromium against the demo 人社局 system, each step's outcome printed, paused before
 * the final submit unless told to submit.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { socialInsuranceAdapter } from '../demo/rsj/social-insurance-adapter';
import { startSocialInsuranceSystem, type SocialInsuranceSystem } from '../demo/rsj/social-insurance-system';
import { aSocialInsurancePart } from '../demo/testing/social-insurance-part';
import { runBrowserDryRun } from './dry-run.cli';

describe('the browser adapter dry run', () => {
  let system: SocialInsuranceSystem;
  let folder: string;
  let adaptersFile: string;
  let sampleFile: string;

  beforeAll(async () => {
    system = await startSocialInsuranceSystem();
    folder = await mkdtemp(join(tmpdir(), 'dry-run-'));
    adaptersFile = join(folder, 'adapters.json');
    sampleFile = join(folder, 'part.json');
    // Credentials from the environment this time (the demo's adapter reads a secrets file).
    const adapter = socialInsuranceAdapter({ url: system.url, credentialsFile: 'unused', stepTimeoutMs: 4000 });
    const withEnv = JSON.parse(
      JSON.stringify(adapter).replaceAll('{"file":"unused"}', '{"usernameEnv":"RSJ_USERNAME","passwordEnv":"RSJ_PASSWORD"}'),
    ) as Record<string, unknown>;
    await writeFile(adaptersFile, JSON.stringify({ adapters: [withEnv] }));
    await writeFile(sampleFile, JSON.stringify(aSocialInsurancePart()));
  });

  afterAll(async () => {
    await system?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  async function dryRun(...options: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await runBrowserDryRun([adaptersFile, 'dcf-rsj-shbx', sampleFile, ...options], {
      stdout: (text) => (out += text),
      stderr: (text) => (err += text),
      environment: { RSJ_USERNAME: system.account.username, RSJ_PASSWORD: system.account.password },
    });
    return { code, out, err };
  }

  it('prints every step and pauses before the final submit, typing nothing into the system’s store', async () => {
    const { code, out } = await dryRun();
    expect(code).toBe(0);
    expect(out).toContain('✓ 3       fill 标签“单位名称” ← DWXX.DWMC');
    expect(out).toContain('✓ 18.2.1  fill 标签“姓名” ← XM');
    expect(out).toContain('⏸ 20      click button“提交”  最终提交前暂停（加 --submit 才提交）');
    expect(out).toContain('paused before the final submit');
    expect(out).not.toContain(system.account.password);
    expect(system.cases()).toHaveLength(0);
  });

  it('submits with --submit and prints the case number read back', async () => {
    const { code, out } = await dryRun('--submit');
    expect(code).toBe(0);
    expect(out).toMatch(/读取 read: \{"caseNumber":"RSCB371502\d{8}"\}/);
    expect(system.cases()).toHaveLength(1);
  });

  it('reads a case on the query page with --result', async () => {
    const [stored] = system.cases();
    const caseFile = join(folder, 'case.json');
    await writeFile(caseFile, JSON.stringify({ caseNumber: stored?.ywlsh }));
    let out = '';
    const code = await runBrowserDryRun([adaptersFile, 'dcf-rsj-shbx', caseFile, '--result'], {
      stdout: (text) => (out += text),
      stderr: () => undefined,
      environment: { RSJ_USERNAME: system.account.username, RSJ_PASSWORD: system.account.password },
    });
    expect(code).toBe(0);
    expect(out).toContain('"ZT":"受理中"');
  });

  it('names the step and field that fail on a changed page, and exits 1', async () => {
    system.relabel('法定代表人', '法人代表');
    const { code, err } = await dryRun();
    system.relabel('法定代表人', '法定代表人');
    expect(code).toBe(1);
    expect(err).toContain('第 4 步（steps[3]）fill 标签“法定代表人” ← DWXX.FDDBR 失败：页面已改变：找不到标签“法定代表人”');
  });

  it('says where the credentials should come from when they are missing', async () => {
    const code = await runBrowserDryRun([adaptersFile, 'dcf-rsj-shbx', sampleFile], {
      stdout: () => undefined,
      stderr: (text) => expect(text).toContain('RSJ_USERNAME and RSJ_PASSWORD must be set'),
      environment: {},
    });
    expect(code).toBe(1);
  });
});
