import { compileBridgeConfiguration, BridgeConfigurationError } from '../adapters/bridge-configuration';
import { TRANSPORT_KINDS } from '../adapters/transport-kinds';
import type { SettingProblem } from '../adapters/transport';
import { RSJ_OUTBOUND, socialInsuranceAdapter, socialInsuranceSteps } from '../demo/rsj/social-insurance-adapter';
import { parseSteps, planSteps, StepPlanError } from './browser-steps';

function problemsOf(raw: unknown): SettingProblem[] {
  try {
    compileBridgeConfiguration(raw, TRANSPORT_KINDS);
    return [];
  } catch (error) {
    if (error instanceof BridgeConfigurationError) return [...error.problems];
    throw error;
  }
}

const adapter = (transport: Record<string, unknown>, inbound: unknown[] = []) => ({
  adapters: [
    {
      id: 'dcf-rsj-shbx',
      name: '人社局社会保险经办系统',
      department: { code: 'DCF-RSJ', name: '东昌府区人力资源和社会保障局' },
      outbound: { transport, mapping: RSJ_OUTBOUND },
      inbound,
    },
  ],
});

describe('browser adapter steps', () => {
  it('accepts the demo 人社局 adapter as configured', () => {
    expect(
      problemsOf({ adapters: [socialInsuranceAdapter({ url: 'http://127.0.0.1:8080', credentialsFile: '/run/secrets/rsj.yaml' })] }),
    ).toEqual([]);
  });

  it('refuses every wrong step and setting, each with its path in the adapters file', () => {
    const problems = problemsOf(
      adapter({
        kind: 'browser',
        baseUrl: 'not-a-url',
        pool: 0,
        credentials: { username: 'dcf_rsj_jb01', password: 'secret' },
        steps: [
          { goto: '/a' },
          { fill: { label: '单位名称' } },
          { click: { label: 'a', css: '#b' } },
          { hover: { css: '#x' } },
          { read: { css: '#ywlsh' } },
          { fill: { css: '#a', field: 'A' }, timeoutMs: 5 },
        ],
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'adapters[0].outbound.transport.baseUrl', message: '必须是部门系统的 http(s) 地址' },
        { path: 'adapters[0].outbound.transport.pool', message: '必须是 1 到 16 的整数' },
        expect.objectContaining({
          path: 'adapters[0].outbound.transport.credentials',
          message: expect.stringContaining('不能直接写用户名和密码'),
        }),
        { path: 'adapters[0].outbound.transport.steps[1].fill', message: '必须且只能有 field、value、secret 其中之一' },
        { path: 'adapters[0].outbound.transport.steps[2].click', message: '必须且只能用 label、css、text、role 其中之一指明页面元素' },
        expect.objectContaining({ path: 'adapters[0].outbound.transport.steps[3].hover' }),
        { path: 'adapters[0].outbound.transport.steps[4].read.into', message: '必须是非空字符串' },
        { path: 'adapters[0].outbound.transport.steps[5].timeoutMs', message: '必须是 100 到 300000 的整数' },
      ]),
    );
  });

  it('asks a result query for the statuses that mean not decided yet', () => {
    const problems = problemsOf(
      adapter({ kind: 'browser', baseUrl: 'http://rsj.example', steps: [{ goto: '/' }] }, [
        { kind: 'result', transport: { kind: 'browser', baseUrl: 'http://rsj.example', steps: [{ goto: '/cx' }] }, mapping: RSJ_OUTBOUND },
      ]),
    );
    expect(problems).toContainEqual(expect.objectContaining({ path: 'adapters[0].inbound[0].transport.pending' }));
  });

  it('plans the values from the mapped record, unrolls a repeat over its list and checks boxes by code', () => {
    const problems: SettingProblem[] = [];
    const steps = parseSteps(socialInsuranceSteps(), 'steps', problems);
    expect(problems).toEqual([]);
    const plan = planSteps(steps, {
      DWXX: {
        TYSHXYDM: '91371502MA3C4KQ212',
        DWMC: '聊城市东昌府区运河物流有限公司',
        FDDBR: '孙立国',
        ZSQH: '371502',
        ZSDZ: '新区街道东昌东路136号',
        JBR: '张晓燕',
        LXDH: '13906358214',
        PTBH: 'YC20261207000088',
      },
      XZ: ['110', '210'],
      RYXX: [
        { XM: '刘海涛', SFZH: '371502199003152313', CBRQ: '2026-12-01', JFGZ: '5200.00' },
        { XM: '王静', SFZH: '371502199508214524', CBRQ: '2026-12-01', JFGZ: '4600.00' },
      ],
    });
    expect(plan.filter((p) => p.step.action === 'check').map((p) => p.value)).toEqual([true, false, true, false, false]);
    const staff = plan.filter((p) => p.field?.startsWith('RYXX'));
    expect(staff.map((p) => [p.label, p.field, p.value])).toEqual([
      ['18.1.1', 'RYXX[0].XM', '刘海涛'],
      ['18.1.2', 'RYXX[0].SFZH', '371502199003152313'],
      ['18.1.3', 'RYXX[0].CBRQ', '2026-12-01'],
      ['18.1.4', 'RYXX[0].JFGZ', '5200.00'],
      ['18.2.1', 'RYXX[1].XM', '王静'],
      ['18.2.2', 'RYXX[1].SFZH', '371502199508214524'],
      ['18.2.3', 'RYXX[1].CBRQ', '2026-12-01'],
      ['18.2.4', 'RYXX[1].JFGZ', '4600.00'],
    ]);
    expect(plan.find((p) => p.step.submit)?.step.title).toBe('click button“提交”');
  });

  it('refuses to start typing when a required field has no value, naming the step and the field', () => {
    const steps = parseSteps([{ goto: '/cbdj/dwxx' }, { fill: { label: '单位名称', field: 'DWXX.DWMC' } }], 'steps', []);
    expect(() => planSteps(steps, { DWXX: {} })).toThrow(
      new StepPlanError('第 2 步 fill 标签“单位名称” ← DWXX.DWMC：映射后的记录没有字段 DWXX.DWMC 的值', 'DWXX.DWMC', 'steps[1]'),
    );
  });

  it('skips an optional field without a value', () => {
    const steps = parseSteps([{ fill: { label: '传真', field: 'DWXX.CZ', optional: true } }], 'steps', []);
    expect(planSteps(steps, {})).toEqual([expect.objectContaining({ skip: true, field: 'DWXX.CZ' })]);
  });

  it('never resolves a secret into the plan', () => {
    const steps = parseSteps([{ fill: { label: '密码', secret: 'password' } }], 'steps', []);
    expect(planSteps(steps, {})[0]).not.toHaveProperty('value');
  });
});
