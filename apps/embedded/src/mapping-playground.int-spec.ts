/**
 * 映射调试 over HTTP on the running bridge (real PostgreSQL and Kafka): an integration engineer's
 * sample and spec go in, the mapped records or every problem by path come out, with the mapping
 * CLI's engine; bad requests are refused field by field in Chinese.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import * as iconv from 'iconv-lite';
import { parse as parseYaml } from 'yaml';
import { DEVELOPMENT_TOKEN_SECRET, issueToken } from '@onewindow/platform';
import { callApi, testDatabaseUrl, testKafkaBrokers } from '@onewindow/testing';
import { startServicesForTest, type TestPlatform } from './testing/services-in-process';

type Json = Record<string, unknown>;
const integrator = issueToken(
  { id: 'integrator-playground', name: '钱集成', role: 'integrator', department: 'DCF-WJW' },
  DEVELOPMENT_TOKEN_SECRET,
  3600,
);
const clerk = issueToken({ id: 'clerk-playground', name: '刘窗口', role: 'clerk', level: 'district' }, DEVELOPMENT_TOKEN_SECRET, 3600);

describe('mapping playground on the bridge', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startServicesForTest({
      label: 'playground',
      databaseUrl: testDatabaseUrl(),
      kafkaBrokers: testKafkaBrokers().join(','),
      only: ['bridge'],
      env: { BRIDGE_POLL_INTERVAL_MS: '0' },
    });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  const run = (body: unknown, token = integrator) => callApi<Json>(platform.urls.bridge, token, 'POST', '/mapping/playground', body);

  async function example(id: string): Promise<Json> {
    const examples = await callApi<Json[]>(platform.urls.bridge, integrator, 'GET', '/mapping/playground/examples');
    expect(examples.status).toBe(200);
    const found = examples.body.find((candidate) => candidate['id'] === id);
    if (!found) throw new Error(`no example ${id}`);
    return found;
  }

  it("maps the 市场监管局 example's JSON result", async () => {
    const market = await example('scjgj-result');
    const response = await run({ sampleText: market['sampleText'], format: 'json', specText: market['specText'] });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ ok: true, problems: [], records: [{ resultId: 'SCJG-JG-2026-000321', outcome: 'approved' }] });
  });

  it('maps a GBK XML file sent as its bytes, with the department’s own code tables', async () => {
    const construction = await example('zjj-result');
    const response = await run({
      sampleBase64: construction['sampleBase64'],
      format: 'xml',
      encoding: 'gbk',
      xmlRoot: 'SGXK_JG',
      xmlArrays: ['BZCL.CL'],
      specText: construction['specText'],
      codeTablesText: construction['codeTablesText'],
    });
    expect(response.body).toMatchObject({
      ok: true,
      encoding: 'gbk',
      records: [{ applicationNumber: 'YC20261207000058', outcome: 'approved', licence: { number: '371502202612090101' } }],
    });

    const health = await example('wjw-result');
    const gbk = iconv.encode(
      String(health['sampleText']).replace('准予许可', '暂缓许可').replace('20260306153000', '20260230153000'),
      'gbk',
    );
    const broken = await run({ sampleBase64: gbk.toString('base64'), format: 'xml', xmlRoot: 'WSXK_JG', specText: health['specText'] });
    expect(broken.status).toBe(200);
    expect(broken.body).toMatchObject({ ok: false, encoding: 'gbk', records: [] });
    expect((broken.body['problems'] as Json[]).map((problem) => [problem['path'], problem['code']])).toEqual([
      ['SPJL → outcome', 'code_unmapped'],
      ['PZSJ → decidedAt', 'invalid_date'],
    ]);
    expect((broken.body['problems'] as Json[]).every((problem) => /[\u4e00-\u9fff]/.test(String(problem['message'])))).toBe(true);
  });

  it('lists a broken sample’s and a broken spec’s problems by path, in Chinese', async () => {
    const market = await example('scjgj-result');
    const notJson = await run({ sampleText: '{"BJJG": ', format: 'json', specText: market['specText'] });
    expect(notJson.body).toMatchObject({
      ok: false,
      problems: [{ stage: 'sample', code: 'syntax_error', message: expect.stringContaining('JSON 格式错误') }],
    });
    const badSpec = await run({
      sampleText: market['sampleText'],
      format: 'json',
      specText: 'name: x\nversion: "1"\ndirection: { source: a, target: b }\nfields:\n  - { target: sex, from: XB, codeTable: sexx }\n',
    });
    expect(badSpec.body).toMatchObject({
      ok: false,
      problems: [{ stage: 'spec', path: 'fields[0].codeTable', message: '未定义的代码表"sexx"' }],
    });
  });

  it('refuses a bad request field by field in Chinese, and anyone but an integrator or administrator', async () => {
    const refused = await run({ format: 'yaml', encoding: 'big5', sampleBase64: '***', xmlArrays: ['a b'] });
    expect(refused.status).toBe(400);
    const fields = (refused.body['error'] as { fields: Array<{ path: string; message: string }> }).fields;
    expect(fields.map((field) => field.path).sort()).toEqual(['encoding', 'format', 'sampleBase64', 'specText', 'xmlArrays']);
    expect(fields.every((field) => /[\u4e00-\u9fff]/.test(field.message))).toBe(true);
    expect((await run({ sampleText: '{}', format: 'json', specText: 'x' }, clerk)).status).toBe(403);
  });

  it('publishes the adapters file’s JSON Schema to integrators, which the documented example file follows', async () => {
    const published = await callApi<Json>(platform.urls.bridge, integrator, 'GET', '/adapters/schema');
    expect(published.status).toBe(200);
    expect(published.headers.get('content-type')).toContain('application/schema+json');
    const schema = JSON.parse(published.text) as Json;
    expect(schema['title']).toBe('对接系统配置文件');
    const example = parseYaml(
      readFileSync(join(__dirname, '..', '..', 'bridge', 'src', 'adapters', 'testing', 'adapters.example.yaml'), 'utf8'),
    ) as unknown;
    const editor = new Ajv2020({ strict: false, allErrors: true });
    expect(editor.validate(schema, example)).toBe(true);
    expect(editor.validate(schema, { adapters: [{ id: 'dcf-wjw', name: '卫健委系统', department: { code: 'DCF-WJW' } }] })).toBe(false);
    expect((await callApi(platform.urls.bridge, clerk, 'GET', '/adapters/schema')).status).toBe(403);
  });
});
