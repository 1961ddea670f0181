import type { MappingSpec } from '@onewindow/mapping';

/**
 * The adapter of the demo 人社局社会保险经办系统, written only as configuration (what an integration
 * engineer writes for a vertical system with no interface): the 职工参保登记 form mapped to the
 * system's fields, the steps a clerk takes in its web pages, and the steps that read its query page.
 */

export const SOCIAL_INSURANCE_ADAPTER_ID = 'dcf-rsj-shbx';
export const SOCIAL_INSURANCE_ITEM = 'DCF-RS-DJ-002';

/** The accepted part (职工参保登记, its 社会保险参保登记表) → the fields the steps type. */
export const RSJ_OUTBOUND: MappingSpec = {
  name: 'dcf-rsj-shbx-outbound',
  version: '2026.1',
  description: '一窗受理职工参保登记 → 人社局社会保险经办系统（行为模拟录入）',
  direction: { source: 'onewindow', target: 'DCF-RSJ 社会保险经办系统' },
  codeTables: [
    {
      name: 'DCF-RSJ 险种',
      version: '2026.1',
      entries: [
        { code: '01', label: '110' },
        { code: '02', label: '310' },
        { code: '03', label: '210' },
        { code: '04', label: '410' },
        { code: '05', label: '510' },
      ],
    },
  ],
  fields: [
    { target: 'DWXX.PTBH', from: 'applicationNumber', label: '一窗受理编号' },
    { target: 'DWXX.TYSHXYDM', from: 'form.data.creditCode', label: '统一社会信用代码' },
    { target: 'DWXX.DWMC', from: 'form.data.organisationName', label: '单位名称', length: { max: 100 } },
    { target: 'DWXX.FDDBR', from: 'form.data.legalRepresentative', label: '法定代表人' },
    { target: 'DWXX.ZSQH', from: 'form.data.domicile.division', label: '住所行政区划' },
    { target: 'DWXX.ZSDZ', from: 'form.data.domicile.detail', label: '住所详细地址' },
    { target: 'DWXX.JBR', from: 'form.data.contactName', label: '经办人' },
    { target: 'DWXX.LXDH', from: 'form.data.contactPhone', label: '联系电话' },
    { target: 'XZ[]', from: 'form.data.insuranceTypes[]', label: '参保险种', codeTable: 'DCF-RSJ 险种' },
    { target: 'RYXX[].XM', from: 'form.data.employees[].name', label: '姓名' },
    { target: 'RYXX[].SFZH', from: 'form.data.employees[].idNumber', label: '身份证号码' },
    { target: 'RYXX[].CBRQ', from: 'form.data.employees[].startDate', label: '参保日期' },
    { target: 'RYXX[].JFGZ', from: 'form.data.employees[].wage', label: '月缴费工资（元）' },
  ],
};

/** What its query page shows (read by the result steps) → the platform's result. */
export const RSJ_RESULT: MappingSpec = {
  name: 'dcf-rsj-shbx-result',
  version: '2026.1',
  description: '人社局社会保险经办系统业务查询页 → 平台办理结果',
  direction: { source: 'DCF-RSJ 社会保险经办系统', target: 'onewindow' },
  emptyStringIsMissing: true,
  codeTables: [
    {
      name: 'DCF-RSJ 办理状态',
      version: '2026.1',
      entries: [
        { code: '已办结', label: 'approved' },
        { code: '不予受理', label: 'refused' },
      ],
    },
  ],
  fields: [
    { target: 'resultId', from: 'caseNumber', label: '业务流水号' },
    { target: 'departmentCaseNumber', from: 'caseNumber', label: '业务流水号' },
    { target: 'outcome', from: 'ZT', label: '办理状态', codeTable: 'DCF-RSJ 办理状态' },
    {
      target: 'decidedAt',
      from: 'BJSJ',
      label: '办结时间',
      date: { from: 'yyyy-MM-dd HH:mm:ss', to: 'iso8601', timeZone: 'Asia/Shanghai' },
    },
    { target: 'licence.number', from: 'DJZH', label: '参保登记证号', required: false },
    { target: 'reason', from: 'YY', label: '不予受理原因', required: false },
    {
      target: 'legalBasis',
      const: '《中华人民共和国社会保险法》第五十七条、第五十八条',
      label: '依据',
      when: { path: 'ZT', equals: '不予受理' },
    },
  ],
};

const INSURANCE_CHECKBOXES = [
  ['企业职工基本养老保险', '110'],
  ['职工基本医疗保险', '310'],
  ['失业保险', '210'],
  ['工伤保险', '410'],
  ['生育保险', '510'],
] as const;

/** The steps a 人社局 clerk takes for one 职工参保登记: two pages, the staff added one by one in an iframe. */
export function socialInsuranceSteps(labels: { unitName?: string } = {}): unknown[] {
  return [
    { goto: '/cbdj/dwxx' },
    { fill: { label: '统一社会信用代码', field: 'DWXX.TYSHXYDM' } },
    { fill: { label: labels.unitName ?? '单位名称', field: 'DWXX.DWMC' } },
    { fill: { label: '法定代表人', field: 'DWXX.FDDBR' } },
    { select: { label: '住所行政区划', field: 'DWXX.ZSQH' } },
    { fill: { label: '住所详细地址', field: 'DWXX.ZSDZ' } },
    { fill: { label: '经办人', field: 'DWXX.JBR' } },
    { fill: { label: '联系电话', field: 'DWXX.LXDH' } },
    { fill: { label: '一窗受理编号', field: 'DWXX.PTBH' } },
    { click: { role: 'button', name: '下一步' } },
    { assert: { text: '第二步：参保信息', error: { css: '.error' } } },
    ...INSURANCE_CHECKBOXES.map(([label, code]) => ({ check: { label, field: 'XZ', value: code } })),
    { frame: { css: 'iframe#ryxx' } },
    {
      repeat: {
        field: 'RYXX',
        steps: [
          { fill: { label: '姓名', field: 'XM' } },
          { fill: { label: '身份证号码', field: 'SFZH' } },
          { fill: { label: '参保日期', field: 'CBRQ' } },
          { fill: { label: '月缴费工资', field: 'JFGZ' } },
          { click: { role: 'button', name: '添加人员' } },
          { assert: { text: '已添加', error: { css: '.error' } } },
        ],
      },
    },
    { frame: 'main' },
    { click: { role: 'button', name: '提交' }, submit: true },
    { assert: { text: '提交成功', error: { css: '.error' } } },
    { read: { css: '#ywlsh', into: 'caseNumber' } },
  ];
}

/** The steps that read one case on its query page (业务查询) by its 业务流水号. */
export const SOCIAL_INSURANCE_QUERY_STEPS = [
  { goto: '/cx' },
  { fill: { label: '业务流水号', field: 'caseNumber' } },
  { click: { role: 'button', name: '查询' } },
  { read: { css: '#jg_zt', into: 'ZT' } },
  { read: { css: '#jg_djzh', into: 'DJZH' } },
  { read: { css: '#jg_yy', into: 'YY' } },
  { read: { css: '#jg_bjsj', into: 'BJSJ' } },
];

const LOGIN = {
  when: { css: 'input#mm' },
  steps: [
    { fill: { label: '用户名', secret: 'username' } },
    { fill: { label: '密码', secret: 'password' } },
    { click: { role: 'button', name: '登录' } },
  ],
};

export interface SocialInsuranceAdapterOptions {
  url: string;
  /** A secrets file with `username` and `password` (YAML or JSON). */
  credentialsFile: string;
  chromiumPath?: string;
  pool?: number;
  stepTimeoutMs?: number;
  pollIntervalMs?: number;
  maxAttempts?: number;
  backoffMs?: number;
  /** The label the steps look for 单位名称 by (a test renames it to show a changed page). */
  unitNameLabel?: string;
}

/** The adapter's entry in the adapters file (the same shape as YAML). */
export function socialInsuranceAdapter(options: SocialInsuranceAdapterOptions): Record<string, unknown> {
  const browser = {
    kind: 'browser',
    baseUrl: options.url,
    ...(options.chromiumPath ? { chromiumPath: options.chromiumPath } : {}),
    pool: options.pool ?? 2,
    stepTimeoutMs: options.stepTimeoutMs ?? 10_000,
    credentials: { file: options.credentialsFile },
    login: LOGIN,
  };
  return {
    id: SOCIAL_INSURANCE_ADAPTER_ID,
    name: '人社局社会保险经办系统',
    department: { code: 'DCF-RSJ', name: '东昌府区人力资源和社会保障局' },
    itemCodes: [SOCIAL_INSURANCE_ITEM],
    outbound: {
      transport: { ...browser, steps: socialInsuranceSteps(options.unitNameLabel ? { unitName: options.unitNameLabel } : {}) },
      mapping: RSJ_OUTBOUND,
      maxAttempts: options.maxAttempts ?? 5,
      backoffMs: options.backoffMs ?? 1000,
    },
    inbound: [
      {
        kind: 'result',
        transport: {
          ...browser,
          steps: SOCIAL_INSURANCE_QUERY_STEPS,
          pending: { field: 'ZT', values: ['受理中'] },
          pollIntervalMs: options.pollIntervalMs ?? 60_000,
        },
        mapping: RSJ_RESULT,
      },
    ],
  };
}
