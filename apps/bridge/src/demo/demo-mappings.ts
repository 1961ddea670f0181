import type { FieldRule, MappingSpec } from '@onewindow/mapping';

/**
 * The mapping specs of the three demo department systems and the demo shared data sources,
 * written as a department's integration engineer would (see docs/connect-a-department-system.md).
 * Outbound specs read the delivery payload: the accepted application part with the application
 * number, acceptance time and applicant.
 */

const SHANGHAI = 'Asia/Shanghai';

const PARTY_KIND = {
  name: '主体类型',
  version: '2024.1',
  entries: [
    { code: '1', label: 'person' },
    { code: '2', label: 'organisation' },
  ],
};

/** How materials were accepted: 已收取, 容缺后补 (with the due date), 告知承诺. */
const MATERIAL_STATUS = {
  name: '材料收取方式',
  version: '2024.1',
  entries: [
    { code: '1', label: 'received' },
    { code: '2', label: 'to-follow' },
    { code: '3', label: 'pledged' },
  ],
};

/** An answer of the form: optional, since parts accepted before forms travelled carry none. */
function answer(target: string, from: string, label: string, more: Partial<FieldRule> = {}): FieldRule {
  return { target, from: `form.data.${from}`, label, required: false, ...more };
}

/** An address answer (GB/T 2260 division code and detail) as two fields of the department's record. */
function address(target: string, from: string, label: string): FieldRule[] {
  return [answer(`${target}.XZQH`, `${from}.division`, `${label}行政区划`), answer(`${target}.XXDZ`, `${from}.detail`, label)];
}

/** 元 (exact decimal text) → 万元, as registration systems keep capital. */
const YUAN_TO_WAN = { from: '元', to: '万元', sourceType: 'string' } as const;

/** 市场监管局企业登记系统 (JSON over HTTP): the case as its REST API takes it. */
export const SCJGJ_OUTBOUND: MappingSpec = {
  name: 'dcf-scjgj-qydj-outbound',
  version: '2026.1',
  description: '一窗受理办件 → 市场监管局企业登记系统收件接口',
  direction: { source: 'onewindow', target: 'DCF-SCJGJ 企业登记系统' },
  codeTables: [
    PARTY_KIND,
    MATERIAL_STATUS,
    {
      name: 'DCF-SCJGJ 营业期限',
      version: '2024.1',
      entries: [
        { code: '1', label: 'LONG' },
        { code: '2', label: 'FIXED' },
      ],
    },
    {
      name: 'DCF-SCJGJ 出资方式',
      version: '2024.1',
      entries: [
        { code: '1', label: '01' },
        { code: '2', label: '02' },
        { code: '3', label: '03' },
        { code: '4', label: '04' },
        { code: '5', label: '05' },
      ],
    },
  ],
  fields: [
    { target: 'BJXX.PTBJBH', from: 'partId', label: '平台办件编号' },
    { target: 'BJXX.SLBH', from: 'applicationNumber', label: '受理编号' },
    { target: 'BJXX.SXBM', from: 'itemCode', label: '事项编码' },
    { target: 'BJXX.SXMC', from: 'itemName', label: '事项名称' },
    {
      target: 'BJXX.SLSJ',
      from: 'acceptedAt',
      label: '受理时间',
      date: { from: 'iso8601', to: 'yyyy-MM-dd HH:mm:ss', timeZone: SHANGHAI },
    },
    {
      target: 'BJXX.CNBJRQ',
      from: 'promisedDeadline',
      label: '承诺办结日期',
      date: { from: 'yyyy-MM-dd', to: 'yyyyMMdd', timeZone: SHANGHAI },
    },
    { target: 'SQR.ZTLX', from: 'applicant.kind', label: '主体类型', codeTable: '主体类型', lookup: 'label-to-code' },
    { target: 'SQR.MC', from: 'applicant.name', label: '申请人名称' },
    { target: 'SQR.ZJHM', from: 'applicant.identifier', label: '统一社会信用代码/身份证号' },
    { target: 'SQR.LXDH', from: 'applicant.phone', label: '联系电话', required: false },
    { target: 'RQCL[].CLBM', from: 'deficiencies[].materialCode', label: '容缺材料编码' },
    { target: 'RQCL[].CLMC', from: 'deficiencies[].materialName', label: '容缺材料名称' },
    {
      target: 'RQCL[].BJQX',
      from: 'deficiencies[].dueDate',
      label: '补交期限',
      date: { from: 'yyyy-MM-dd', to: 'yyyyMMdd', timeZone: SHANGHAI },
    },
    // 公司登记（备案）申请书 (DCF-SCJG-DJ-001)
    answer('QYXX.QYMC', 'organisationName', '企业名称', { length: { max: 100 } }),
    answer('QYXX.QYLX', 'enterpriseType', '企业类型'),
    ...address('QYXX.ZS', 'domicile', '住所'),
    ...address('QYXX.JYCS', 'businessAddress', '经营场所'),
    answer('QYXX.ZCZB', 'registeredCapital', '注册资本（万元）', { number: YUAN_TO_WAN }),
    answer('QYXX.JYFW', 'businessScope', '经营范围', { length: { max: 2000 } }),
    answer('QYXX.YYQX', 'operatingTerm', '营业期限', { codeTable: 'DCF-SCJGJ 营业期限', lookup: 'label-to-code' }),
    answer('QYXX.CYRS', 'employeeCount', '从业人数', { range: { min: 0 } }),
    answer('FDDBR.XM', 'legalRepresentative', '法定代表人'),
    answer('FDDBR.ZJHM', 'legalRepresentativeId', '法定代表人身份证号码'),
    answer('ZZJG', 'governance', '组织机构'),
    answer('GDXX[].GDMC', 'shareholders[].name', '股东名称'),
    answer('GDXX[].ZJHM', 'shareholders[].identifier', '股东证照号码'),
    answer('GDXX[].RJCZE', 'shareholders[].subscribedCapital', '认缴出资额（万元）', { number: YUAN_TO_WAN }),
    answer('GDXX[].CZFS', 'shareholders[].contributionMethod', '出资方式', { codeTable: 'DCF-SCJGJ 出资方式', lookup: 'label-to-code' }),
    answer('GDXX[].CZQX', 'shareholders[].contributionDate', '出资期限', {
      date: { from: 'yyyy-MM-dd', to: 'yyyyMMdd', timeZone: SHANGHAI },
    }),
    answer('HHR[].MC', 'partners[].name', '合伙人名称'),
    answer('HHR[].ZRFS', 'partners[].liability', '承担责任方式'),
    answer('HHR[].RJCZE', 'partners[].contribution', '认缴出资额（万元）', { number: YUAN_TO_WAN }),
    // 个体工商户登记（备案）申请书 (DCF-SCJG-DJ-002)
    answer('GTH.JYZXM', 'operatorName', '经营者姓名'),
    answer('GTH.JYZSFZH', 'operatorId', '经营者身份证号码'),
    answer('GTH.ZCXS', 'householdForm', '组成形式'),
    answer('GTH.ZH', 'tradeName', '字号名称'),
    answer('GTH.ZJSE', 'capital', '资金数额（万元）', { number: YUAN_TO_WAN }),
    answer('GTH.JTCY[].XM', 'familyMembers[].name', '家庭成员姓名'),
    answer('GTH.JTCY[].SFZH', 'familyMembers[].idNumber', '家庭成员身份证号码'),
    // Both: the contact, the materials as accepted, and where each answer came from.
    answer('LXR.XM', 'contactName', '联系人'),
    answer('LXR.DH', 'contactPhone', '联系电话'),
    { target: 'CLQD[].CLBM', from: 'materials[].materialCode', label: '材料编码', required: false },
    { target: 'CLQD[].CLMC', from: 'materials[].materialName', label: '材料名称', required: false },
    {
      target: 'CLQD[].SQFS',
      from: 'materials[].status',
      label: '材料收取方式',
      required: false,
      codeTable: '材料收取方式',
      lookup: 'label-to-code',
    },
    { target: 'SJLY[].LM', from: 'form.fields[].label', label: '栏目', required: false },
    { target: 'SJLY[].NR', from: 'form.fields[].text', label: '填写内容', required: false },
    { target: 'SJLY[].LY', from: 'form.fields[].source.sourceName', label: '数据来源', required: false },
    {
      target: 'SJLY[].SFXG',
      from: 'form.fields[].source.changed',
      label: '是否修改',
      required: false,
      boolean: { true: 'Y', false: 'N', to: 'text' },
    },
  ],
};

/** 市场监管局企业登记系统 → platform: an approval result posted to the webhook. */
export const SCJGJ_RESULT: MappingSpec = {
  name: 'dcf-scjgj-qydj-result',
  version: '2026.1',
  description: '市场监管局企业登记系统办结结果 → 平台审批结果',
  direction: { source: 'DCF-SCJGJ 企业登记系统', target: 'onewindow' },
  emptyStringIsMissing: true,
  codeTables: [
    {
      name: 'DCF-SCJGJ 办结结果',
      version: '2024.1',
      entries: [
        { code: '1', label: 'approved' },
        { code: '2', label: 'refused' },
      ],
    },
  ],
  fields: [
    { target: 'resultId', from: 'BJJG.JGBH', label: '结果编号' },
    { target: 'partId', from: 'BJJG.PTBJBH', label: '平台办件编号' },
    { target: 'outcome', from: 'BJJG.BJJGDM', label: '办结结果代码', codeTable: 'DCF-SCJGJ 办结结果' },
    { target: 'decidedAt', from: 'BJJG.BJSJ', label: '办结时间', date: { from: 'yyyy-MM-dd HH:mm:ss', to: 'iso8601', timeZone: SHANGHAI } },
    { target: 'licence.number', from: 'BJJG.ZZBH', label: '证照编号', required: false },
    {
      target: 'licence.validUntil',
      from: 'BJJG.YXQZ',
      label: '有效期至',
      required: false,
      date: { from: 'yyyy年MM月dd日', to: 'yyyy-MM-dd', timeZone: SHANGHAI },
    },
    { target: 'licence.scope', from: 'BJJG.JYFW', label: '经营范围', required: false },
    { target: 'reason', from: 'BJJG.BYXKYY', label: '不予许可原因', required: false },
    { target: 'legalBasis', from: 'BJJG.FLYJ', label: '法律依据', required: false },
  ],
};

/** 市场监管局 → platform: an administrative penalty (行政处罚) posted to the webhook. */
export const SCJGJ_SUPERVISION_RECORD: MappingSpec = {
  name: 'dcf-scjgj-qydj-supervision-record',
  version: '2026.1',
  description: '市场监管局行政处罚信息 → 平台监管记录',
  direction: { source: 'DCF-SCJGJ 企业登记系统', target: 'onewindow' },
  emptyStringIsMissing: true,
  fields: [
    { target: 'sourceRecordId', from: 'XZCF.AJBH', label: '案件编号' },
    { target: 'kind', const: 'penalty' },
    { target: 'holder.kind', const: 'organisation' },
    { target: 'holder.name', from: 'XZCF.DSRMC', label: '当事人名称' },
    { target: 'holder.identifier', from: 'XZCF.TYSHXYDM', label: '统一社会信用代码' },
    { target: 'title', from: 'XZCF.WFXW', label: '违法行为' },
    { target: 'documentNumber', from: 'XZCF.CFJDSWH', label: '处罚决定书文号' },
    { target: 'details', from: 'XZCF.CFNR', label: '处罚内容', required: false },
    {
      target: 'decidedOn',
      from: 'XZCF.CFJDRQ',
      label: '处罚决定日期',
      date: { from: 'yyyy年MM月dd日', to: 'yyyy-MM-dd', timeZone: SHANGHAI },
    },
    {
      target: 'validUntil',
      from: 'XZCF.GSJZRQ',
      label: '公示截止日期',
      required: false,
      date: { from: 'yyyy年MM月dd日', to: 'yyyy-MM-dd', timeZone: SHANGHAI },
    },
    { target: 'withdrawn', const: true, when: { path: 'XZCF.ZT', equals: '2' } },
    { target: 'withdrawn', const: false },
  ],
};

/** 卫生健康委公共场所卫生许可系统 (XML files in GBK): the application as its importer reads it. */
export const WJW_OUTBOUND: MappingSpec = {
  name: 'dcf-wjw-wsxk-outbound',
  version: '2026.1',
  description: '一窗受理办件 → 卫健委卫生许可系统导入文件',
  direction: { source: 'onewindow', target: 'DCF-WJW 卫生许可系统' },
  codeTables: [
    {
      name: 'DCF-WJW 场所类别',
      version: '2023.2',
      entries: [
        { code: 'ZS', label: '01' },
        { code: 'MY', label: '02' },
        { code: 'MR', label: '03' },
        { code: 'YY', label: '04' },
        { code: 'WY', label: '05' },
        { code: 'SC', label: '06' },
        { code: 'CY', label: '07' },
      ],
    },
  ],
  fields: [
    { target: 'SQXX.PTBH', from: 'partId', label: '平台编号' },
    { target: 'SQXX.SLBH', from: 'applicationNumber', label: '受理编号' },
    { target: 'SQXX.SXMC', from: 'itemName', label: '事项名称' },
    { target: 'SQXX.SLRQ', from: 'acceptedAt', label: '受理日期', date: { from: 'iso8601', to: 'yyyy年MM月dd日', timeZone: SHANGHAI } },
    {
      target: 'SQXX.CNRQ',
      from: 'promisedDeadline',
      label: '承诺日期',
      date: { from: 'yyyy-MM-dd', to: 'yyyy年MM月dd日', timeZone: SHANGHAI },
    },
    { target: 'DWXX.DWMC', from: 'applicant.name', label: '单位名称' },
    { target: 'DWXX.XYDM', from: 'applicant.identifier', label: '统一社会信用代码' },
    { target: 'DWXX.LXDH', from: 'applicant.phone', label: '联系电话', required: false },
    // 公共场所卫生许可申请表
    answer('DWXX.FDDBR', 'legalRepresentative', '法定代表人'),
    answer('CSXX.CSMC', 'premisesName', '场所名称'),
    ...address('CSXX.CSDZ', 'businessAddress', '场所地址'),
    answer('CSXX.MJ', 'premisesArea', '场所面积（平方米）', {
      number: { decimals: 2, rounding: 'exact', output: 'string' },
      range: { min: 0.01 },
    }),
    answer('CSXX.CSLB.LB[]', 'placeTypes[]', '场所类别', { codeTable: 'DCF-WJW 场所类别', lookup: 'label-to-code' }),
    answer('CSXX.JZKT', 'centralAirConditioning', '是否使用集中空调通风系统', { boolean: { true: '是', false: '否', to: 'text' } }),
    answer('CSXX.CYRS', 'employeeCount', '从业人员数'),
    answer('CSXX.JKZMRS', 'certifiedStaff', '取得健康合格证明人数'),
    answer('LXR.XM', 'contactName', '联系人'),
    answer('LXR.DH', 'contactPhone', '联系电话'),
  ],
};

/** 卫健委 → platform: a result file (XML, GBK). */
export const WJW_RESULT: MappingSpec = {
  name: 'dcf-wjw-wsxk-result',
  version: '2026.1',
  description: '卫健委卫生许可系统结果文件 → 平台审批结果',
  direction: { source: 'DCF-WJW 卫生许可系统', target: 'onewindow' },
  emptyStringIsMissing: true,
  codeTables: [
    {
      name: 'DCF-WJW 审批结论',
      version: '2023.2',
      entries: [
        { code: '准予许可', label: 'approved' },
        { code: '不予许可', label: 'refused' },
      ],
    },
  ],
  fields: [
    { target: 'resultId', from: 'JGBH', label: '结果编号' },
    { target: 'partId', from: 'PTBH', label: '平台编号' },
    { target: 'outcome', from: 'SPJL', label: '审批结论', codeTable: 'DCF-WJW 审批结论' },
    { target: 'decidedAt', from: 'PZSJ', label: '批准时间', date: { from: 'yyyyMMddHHmmss', to: 'iso8601', timeZone: SHANGHAI } },
    { target: 'licence.number', from: 'XKZH', label: '许可证号', required: false },
    {
      target: 'licence.validUntil',
      from: 'YXQZ',
      label: '有效期至',
      required: false,
      date: { from: 'yyyyMMdd', to: 'yyyy-MM-dd', timeZone: SHANGHAI },
    },
    { target: 'licence.scope', from: 'XKXM', label: '许可项目', required: false },
    { target: 'reason', from: 'BYXKLY', label: '不予许可理由', required: false },
    { target: 'legalBasis', from: 'YJ', label: '依据', required: false },
  ],
};

/** 消防救援大队监督检查系统 (its own PostgreSQL tables): the row written into its intake table. */
export const XFJY_OUTBOUND: MappingSpec = {
  name: 'dcf-xfjy-jdjc-outbound',
  version: '2026.1',
  description: '一窗受理办件 → 消防监督检查系统受理信息表 xf_slxx',
  direction: { source: 'onewindow', target: 'DCF-XFJY 监督检查系统' },
  fields: [
    { target: 'ptbjbh', from: 'partId', label: '平台办件编号' },
    { target: 'slbh', from: 'applicationNumber', label: '受理编号' },
    { target: 'sxbm', from: 'itemCode', label: '事项编码' },
    { target: 'sxmc', from: 'itemName', label: '事项名称' },
    { target: 'dwmc', from: 'applicant.name', label: '单位名称' },
    { target: 'tyshxydm', from: 'applicant.identifier', label: '统一社会信用代码' },
    { target: 'lxdh', from: 'applicant.phone', label: '联系电话', required: false },
    { target: 'slsj', from: 'acceptedAt', label: '受理时间', date: { from: 'iso8601', to: 'yyyy-MM-dd HH:mm:ss', timeZone: SHANGHAI } },
    { target: 'cnbjrq', from: 'promisedDeadline', label: '承诺办结日期' },
    // 公众聚集场所投入使用、营业消防安全检查申报表
    answer('csmc', 'premisesName', '场所名称', { length: { max: 100 } }),
    answer('csqh', 'businessAddress.division', '场所地址行政区划'),
    answer('csdz', 'businessAddress.detail', '场所地址', { length: { max: 200 } }),
    answer('symj', 'premisesArea', '使用面积（平方米）', { number: { decimals: 2, rounding: 'exact', output: 'string' } }),
    answer('cslx', 'occupancy', '场所类型'),
    answer('szlc', 'floors', '所在楼层'),
    answer('ysbawh', 'acceptanceNumber', '建设工程消防验收（备案）文号'),
    answer('aqcks', 'exits', '安全出口数量', { range: { min: 1, max: 50 } }),
    answer('zdpsxt', 'sprinklers', '是否设有自动喷水灭火系统', { boolean: { true: 1, false: 0, to: 'text' } }),
    answer('xfglr', 'fireSafetyManager.name', '消防安全管理人'),
    answer('xfglrsfzh', 'fireSafetyManager.idNumber', '消防安全管理人身份证号码'),
    answer('xfglrdh', 'fireSafetyManager.phone', '消防安全管理人电话'),
    answer('lxr', 'contactName', '联系人'),
  ],
};

/** 消防 → platform: a row of its result table xf_spjg. */
export const XFJY_RESULT: MappingSpec = {
  name: 'dcf-xfjy-jdjc-result',
  version: '2026.1',
  description: '消防监督检查系统检查结论表 xf_spjg → 平台审批结果',
  direction: { source: 'DCF-XFJY 监督检查系统', target: 'onewindow' },
  emptyStringIsMissing: true,
  codeTables: [
    {
      name: 'DCF-XFJY 检查结论',
      version: '2022.1',
      entries: [
        { code: '01', label: 'approved' },
        { code: '02', label: 'refused' },
      ],
    },
  ],
  fields: [
    { target: 'resultId', from: 'jgbh', label: '结果编号' },
    { target: 'partId', from: 'ptbjbh', label: '平台办件编号' },
    { target: 'outcome', from: 'jcjl', label: '检查结论代码', codeTable: 'DCF-XFJY 检查结论' },
    { target: 'decidedAt', from: 'jlsj', label: '结论时间', date: { from: 'yyyy-MM-dd HH:mm:ss', to: 'iso8601', timeZone: SHANGHAI } },
    { target: 'licence.number', from: 'wsbh', label: '文书编号', required: false },
    { target: 'reason', from: 'bhgyy', label: '不合格原因', required: false },
    { target: 'legalBasis', from: 'flyj', label: '法律依据', required: false },
  ],
};

/** 消防 → platform: a row of its penalty table xf_cfjl (行政处罚 and 失信 records). */
export const XFJY_SUPERVISION_RECORD: MappingSpec = {
  name: 'dcf-xfjy-jdjc-supervision-record',
  version: '2026.1',
  description: '消防监督检查系统处罚记录表 xf_cfjl → 平台监管记录',
  direction: { source: 'DCF-XFJY 监督检查系统', target: 'onewindow' },
  emptyStringIsMissing: true,
  codeTables: [
    {
      name: 'DCF-XFJY 记录类型',
      version: '2022.1',
      entries: [
        { code: 'CF', label: 'penalty' },
        { code: 'SX', label: 'blacklist' },
        { code: 'JC', label: 'inspection' },
      ],
    },
  ],
  fields: [
    { target: 'sourceRecordId', from: 'cfbh', label: '处罚编号' },
    { target: 'kind', from: 'jllx', label: '记录类型', codeTable: 'DCF-XFJY 记录类型' },
    { target: 'holder.kind', const: 'organisation' },
    { target: 'holder.name', from: 'dwmc', label: '单位名称' },
    { target: 'holder.identifier', from: 'tyshxydm', label: '统一社会信用代码' },
    { target: 'title', from: 'cfsy', label: '处罚事由' },
    { target: 'documentNumber', from: 'wsh', label: '文书号', required: false },
    { target: 'details', from: 'cfnr', label: '处罚内容', required: false },
    { target: 'decidedOn', from: 'cfrq', label: '处罚日期', date: { from: 'yyyyMMdd', to: 'yyyy-MM-dd', timeZone: SHANGHAI } },
    {
      target: 'validUntil',
      from: 'jzrq',
      label: '截止日期',
      required: false,
      date: { from: 'yyyyMMdd', to: 'yyyy-MM-dd', timeZone: SHANGHAI },
    },
    { target: 'withdrawn', const: true, when: { path: 'zt', equals: '已撤销' } },
    { target: 'withdrawn', const: false },
  ],
};

/** 聊城市法人单位基础信息库 → application form fields. */
export const ENTERPRISE_LOOKUP: MappingSpec = {
  name: 'lc-frk-enterprise-prefill',
  version: '2026.1',
  description: '法人单位基础信息 → 申请表预填字段',
  direction: { source: '聊城市法人单位基础信息库', target: 'onewindow 申请表' },
  emptyStringIsMissing: true,
  fields: [
    { target: 'applicant.kind', const: 'organisation' },
    { target: 'applicant.name', from: 'QYMC', label: '企业名称' },
    { target: 'applicant.identifier', from: 'TYSHXYDM', label: '统一社会信用代码' },
    { target: 'enterprise.type', from: 'QYLX', label: '企业类型' },
    { target: 'enterprise.legalRepresentative', from: 'FDDBR', label: '法定代表人' },
    {
      target: 'enterprise.registeredCapitalYuan',
      from: 'ZCZB',
      label: '注册资本',
      number: { from: '万元', to: '元', decimals: 2, rounding: 'exact' },
    },
    {
      target: 'enterprise.establishedOn',
      from: 'CLRQ',
      label: '成立日期',
      date: { from: 'yyyy年MM月dd日', to: 'yyyy-MM-dd', timeZone: SHANGHAI },
    },
    { target: 'enterprise.address', from: 'ZS', label: '住所' },
    { target: 'enterprise.businessScope', from: 'JYFW', label: '经营范围', required: false },
    { target: 'enterprise.registrationAuthority', from: 'DJJG', label: '登记机关' },
    { target: 'applicant.phone', from: 'LXDH', label: '联系电话', required: false },
  ],
};

/** 聊城市人口基础信息库 → application form fields. */
export const PERSON_LOOKUP: MappingSpec = {
  name: 'lc-rkk-person-prefill',
  version: '2026.1',
  description: '人口基础信息 → 申请表预填字段',
  direction: { source: '聊城市人口基础信息库', target: 'onewindow 申请表' },
  codeTables: [
    { ref: 'GB/T 2261.1', version: '2003' },
    { ref: 'GB/T 2260', version: '2023' },
  ],
  fields: [
    { target: 'applicant.kind', const: 'person' },
    { target: 'applicant.name', from: 'XM', label: '姓名' },
    { target: 'applicant.identifier', from: 'GMSFHM', label: '公民身份号码' },
    { target: 'person.sex', from: 'XB', label: '性别', codeTable: 'GB/T 2261.1' },
    { target: 'person.birthDate', from: 'CSRQ', label: '出生日期', date: { from: 'yyyyMMdd', to: 'yyyy-MM-dd', timeZone: SHANGHAI } },
    { target: 'person.householdDivision', from: 'HJSZQH', label: '户籍所在区划', codeTable: 'GB/T 2260' },
    { target: 'person.householdAddress', from: 'HJDZ', label: '户籍地址' },
  ],
};

/** 山东省投资项目在线审批监管平台（聊城） → application form fields. */
export const PROJECT_LOOKUP: MappingSpec = {
  name: 'sd-tzxm-project-prefill',
  version: '2026.1',
  description: '投资项目信息 → 申请表预填字段',
  direction: { source: '投资项目在线审批监管平台', target: 'onewindow 申请表' },
  fields: [
    { target: 'project.code', from: 'XMDM', label: '项目代码' },
    { target: 'project.name', from: 'XMMC', label: '项目名称' },
    { target: 'project.owner', from: 'XMDW', label: '项目单位' },
    { target: 'project.ownerCreditCode', from: 'XMDWDM', label: '项目单位统一社会信用代码' },
    { target: 'project.location', from: 'JSDD', label: '建设地点' },
    {
      target: 'project.totalInvestmentYuan',
      from: 'ZTZ',
      label: '总投资',
      number: { from: '万元', to: '元', decimals: 2, rounding: 'exact' },
    },
    { target: 'project.scale', from: 'JSGMJNR', label: '建设规模及内容' },
    { target: 'project.approvalType', from: 'XMLX', label: '项目类型' },
  ],
};
