import { field } from '../definition/fields';
import type { CodeListEntry, FieldSchema } from '../definition/form-definition';

/**
 * 数据元: a piece of data defined once for every form (name, definition, type, format, unit), after
 * the 政务服务 data element catalogues. An item's field refers to one by code (`x-element`); a
 * bundle's 一表申请 asks a top-level element-bound field once and gives its value to every item
 * that asks for it.
 */
export interface DataElement {
  /** 数据元标识符, e.g. `DE-TYSHXYDM`. */
  code: string;
  /** 中文名称 */
  name: string;
  /** The field's name in a merged (一表申请) form, e.g. `creditCode`. */
  key: string;
  /** 定义 */
  definition: string;
  schema: FieldSchema;
}

/** 企业类型, after the 市场主体登记 classification (GB/T 12402 simplified for the window). */
export const ENTERPRISE_TYPES: CodeListEntry[] = [
  { code: '1100', label: '有限责任公司' },
  { code: '1200', label: '股份有限公司' },
  { code: '4000', label: '个人独资企业' },
  { code: '4100', label: '合伙企业' },
  { code: '9600', label: '个体工商户' },
  { code: '9100', label: '农民专业合作社' },
];

/** 组成形式 of a 个体工商户. */
export const HOUSEHOLD_FORMS: CodeListEntry[] = [
  { code: '1', label: '个人经营' },
  { code: '2', label: '家庭经营' },
];

const element = (code: string, name: string, key: string, definition: string, schema: FieldSchema): DataElement => ({
  code,
  name,
  key,
  definition,
  schema: { ...schema, title: name },
});

export const DATA_ELEMENTS: readonly DataElement[] = [
  element(
    'DE-TYSHXYDM',
    '统一社会信用代码',
    'creditCode',
    '按GB 32100赋予法人和其他组织的18位身份识别代码',
    field.creditCode('统一社会信用代码'),
  ),
  element('DE-DWMC', '单位名称', 'organisationName', '法人或其他组织经登记的全称', field.text('单位名称', 100)),
  element('DE-QYLX', '企业类型', 'enterpriseType', '市场主体登记的企业类型', field.code('企业类型', ENTERPRISE_TYPES)),
  element('DE-ZS', '住所', 'domicile', '营业执照登记的住所（主要办事机构所在地）', field.address('住所')),
  element('DE-JYCS', '经营场所', 'businessAddress', '实际从事经营活动的场所地址', field.address('经营场所')),
  element('DE-JYCSMJ', '经营场所面积', 'premisesArea', '经营场所的使用面积', field.number('经营场所面积', '平方米', 2)),
  element('DE-FDDBR', '法定代表人', 'legalRepresentative', '依法代表法人行使职权的负责人姓名', field.text('法定代表人', 50)),
  element(
    'DE-FDDBRSFZH',
    '法定代表人身份证号码',
    'legalRepresentativeId',
    '法定代表人的公民身份号码',
    field.residentId('法定代表人身份证号码'),
  ),
  element('DE-JYZXM', '经营者姓名', 'operatorName', '个体工商户经营者的姓名', field.text('经营者姓名', 50)),
  element('DE-JYZSFZH', '经营者身份证号码', 'operatorId', '个体工商户经营者的公民身份号码', field.residentId('经营者身份证号码')),
  element('DE-ZXDZ', '字号名称', 'tradeName', '个体工商户或门店使用的字号（招牌）名称', field.text('字号名称', 60)),
  element('DE-LXR', '联系人', 'contactName', '办理本申请的联系人姓名', field.text('联系人', 50)),
  element('DE-LXDH', '联系电话', 'contactPhone', '联系人的手机号码或带区号的固定电话', field.phone('联系电话')),
  element(
    'DE-YZBM',
    '邮政编码',
    'postcode',
    '通信地址的6位邮政编码',
    field.text('邮政编码', 6, { minLength: 6, pattern: '^[0-9]{6}$', 'x-pattern-message': '应为6位数字' }),
  ),
  element(
    'DE-CYRS',
    '从业人数',
    'employeeCount',
    '在本单位从业的人员总数',
    field.number('从业人数', '人', 0, { minimum: 0, maximum: 100000 }),
  ),
  element('DE-ZCZB', '注册资本', 'registeredCapital', '登记的注册资本（出资额）', field.money('注册资本')),
  element('DE-JYFW', '经营范围', 'businessScope', '依法登记或申请的经营项目', field.text('经营范围', 2000)),
  element('DE-XMDM', '项目代码', 'projectCode', '投资项目在线审批监管平台赋予的项目代码', field.projectCode('项目代码')),
  element('DE-XMMC', '项目名称', 'projectName', '投资项目的名称', field.text('项目名称', 200)),
  element('DE-JSDZ', '建设地址', 'constructionAddress', '建设工程所在地', field.address('建设地址')),
  element('DE-JZMJ', '建筑面积', 'buildingArea', '建设工程的总建筑面积', field.number('建筑面积', '平方米', 2, { maximum: 10_000_000 })),
  element('DE-HTJG', '合同价格', 'contractPrice', '施工合同约定的价格', field.money('合同价格')),
  element('DE-ZTZ', '总投资', 'totalInvestment', '投资项目的总投资额', field.money('总投资')),
  element('DE-XM', '姓名', 'personName', '自然人的姓名', field.text('姓名', 50)),
  element('DE-GMSFHM', '公民身份号码', 'residentId', '按GB 11643赋予的18位公民身份号码', field.residentId('公民身份号码')),
];

const BY_CODE = new Map(DATA_ELEMENTS.map((element) => [element.code, element]));

export function findDataElement(code: string): DataElement | undefined {
  return BY_CODE.get(code);
}
