/**
 * The catalogue as the administrator's console reads it, over HTTP on intake (real PostgreSQL and
 * Kafka): the departments to filter by, and every version of an item after an import changed it.
 */
import Ajv2020 from 'ajv/dist/2020';
import { DEVELOPMENT_TOKEN_SECRET, issueToken } from '@onewindow/platform';
import { callApi, testDatabaseUrl, testKafkaBrokers } from '@onewindow/testing';
import { startServicesForTest, type TestPlatform } from './testing/services-in-process';

type Json = Record<string, unknown>;
const admin = issueToken({ id: 'admin-catalogue', name: '平台管理员', role: 'admin' }, DEVELOPMENT_TOKEN_SECRET, 3600);

describe('the catalogue for the administrator', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startServicesForTest({
      label: 'catalogue-admin',
      databaseUrl: testDatabaseUrl(),
      kafkaBrokers: testKafkaBrokers().join(','),
      only: ['intake'],
      env: { DEADLINE_WATCH_INTERVAL_MS: '0' },
    });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  const call = <T = Json>(method: string, path: string, body?: unknown, token: string | null = admin) =>
    callApi<T>(platform.urls.intake, token, method, path, body);

  it('lists the departments with current items, each with its count', async () => {
    const departments = await call<Json[]>('GET', '/catalogue/departments', undefined, null);
    expect(departments.status).toBe(200);
    expect(departments.body).toContainEqual({ code: 'DCF-SCJGJ', name: '东昌府区市场监督管理局', items: expect.any(Number) });
    const listed = await call<{ total: number }>('GET', '/catalogue/items?department=DCF-SCJGJ&pageSize=100', undefined, null);
    expect(departments.body.find((department) => department['code'] === 'DCF-SCJGJ')?.['items']).toBe(listed.body.total);
  });

  it('lists every version of an item newest first once an import changed it, and names an unknown item in Chinese', async () => {
    const exported = await call('GET', '/catalogue/export?format=json');
    const catalogue = JSON.parse(exported.text) as { items: Array<Json & { code: string; name: string }> };
    const permit = catalogue.items.find((item) => item.code === 'DCF-ZJ-XK-012')!;
    const imported = await call('POST', '/catalogue/import', {
      format: 'json',
      content: JSON.stringify({ ...catalogue, items: [{ ...permit, conditions: ['已办理用地规划许可', '施工图审查合格'] }], bundles: [] }),
    });
    expect(imported.status).toBe(200);
    const versions = await call<Json[]>('GET', '/catalogue/items/DCF-ZJ-XK-012/versions', undefined, null);
    expect(versions.status).toBe(200);
    expect(versions.body.map((version) => [version['version'], version['current']])).toEqual([
      [2, true],
      [1, false],
    ]);
    const unknown = await call('GET', '/catalogue/items/DCF-NONE-001/versions', undefined, null);
    expect(unknown.status).toBe(404);
    expect((unknown.body['error'] as Json)['message']).toBe('事项“DCF-NONE-001”不存在');
  });

  it('publishes the catalogue file’s JSON Schema, which the exported file follows; an import that breaks it is refused by path in Chinese and changes nothing', async () => {
    const published = await call('GET', '/catalogue/schema', undefined, null);
    expect(published.status).toBe(200);
    expect(published.headers.get('content-type')).toContain('application/schema+json');
    const schema = JSON.parse(published.text) as Json;
    expect(schema['title']).toBe('事项目录文件');
    const exported = JSON.parse((await call('GET', '/catalogue/export?format=json')).text) as {
      items: Json[];
      departments: Json[];
      bundles: Json[];
    };
    // What an editor does with the published schema: standard keywords only.
    const editor = new Ajv2020({ strict: false, allErrors: true });
    expect(editor.validate(schema, exported)).toBe(true);

    const before = await call<{ total: number }>('GET', '/catalogue/items?pageSize=1', undefined, null);
    const broken = {
      ...exported,
      items: [{ ...exported.items[0], legalWorkingDays: '二十', channels: ['fax'] }, ...exported.items.slice(1)],
    };
    const refused = await call('POST', '/catalogue/import', { format: 'json', content: JSON.stringify(broken) });
    expect(refused.status).toBe(422);
    expect((refused.body['error'] as { fields: Json[] }).fields).toEqual([
      expect.objectContaining({ path: 'items[0].legalWorkingDays', message: '时限必须是0到365之间的整数（工作日）' }),
      expect.objectContaining({
        path: 'items[0].channels[0]',
        message: '办理渠道只能是 window、online、mobile、self-service、village-agent 之一',
      }),
    ]);
    const after = await call<{ total: number }>('GET', '/catalogue/items?pageSize=1', undefined, null);
    expect(after.body.total).toBe(before.body.total);
  });

  it('tells the administrator in Chinese where a YAML file cannot be read, and says what a missing department is', async () => {
    const unreadable = await call('POST', '/catalogue/import', { format: 'yaml', content: 'departments: [\n  - code: DCF-SCJGJ\n' });
    expect(unreadable.status).toBe(422);
    expect((unreadable.body['error'] as { fields: Json[] }).fields).toEqual([
      { path: 'content', code: 'UNPARSABLE', message: '文件无法解析为YAML：第2行第3列，方括号或花括号内不能再写换行的“- ”列表' },
    ]);
    const exported = JSON.parse((await call('GET', '/catalogue/export?format=json')).text) as {
      items: Json[];
      departments: Json[];
      bundles: Json[];
    };
    const { department: _department, ...withoutDepartment } = exported.items[0];
    const refused = await call('POST', '/catalogue/import', {
      format: 'json',
      content: JSON.stringify({ ...exported, items: [withoutDepartment, ...exported.items.slice(1)] }),
    });
    expect(refused.status).toBe(422);
    expect((refused.body['error'] as { fields: Json[] }).fields).toEqual([
      expect.objectContaining({ path: 'items[0].department', message: '必须填写主管部门编码（departments 中的一个）' }),
    ]);
  });
});
