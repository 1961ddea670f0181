/**
 * The enterprise registration mapping written by hand, as a baseline for the benchmarks: what
 * the compiled spec should come close to. It gives the same output as the spec for valid
 * records and throws on the first invalid value instead of listing every error.
 */

export interface DepartmentEnterpriseRecord {
  YWLSH: string;
  SXBM: string;
  SQSJ: number;
  SLSJ: string;
  HZRQ: string;
  ZT: string;
  DJJG: string;
  BZXX?: string | null;
  QYXX: {
    TYSHXYDM: string;
    QYMC: string;
    QYLXDM: string;
    ZCZB: number | string;
    BZ: string;
    CLRQ: string;
    YYQXZ: string;
    YYQXZHI: string;
    ZSXZQH: string;
    ZS: string;
    YZBM?: string | null;
    JYFW: string;
    HYDM: string;
    CYRS?: number | string | null;
    GDDHQH?: string | null;
    GDDH?: string | null;
    DZYX?: string | null;
  };
  FDDBR: { XM: string; XB: string; ZJLX: string; ZJHM: string; YDDH: string; ZW?: string | null };
  LLY: { XM: string; YDDH: string };
  GDXX: {
    GDMC: string;
    GDLX: string;
    ZJLX: string;
    ZJHM: string;
    RJCZE: number | string;
    CZFS: string;
    RJCZRQ: string;
    CZBL: number | string;
  }[];
  ZYRY: { XM: string; ZW: string }[];
}

const STATUS: Readonly<Record<string, string>> = {
  '01': 'received',
  '02': 'in-review',
  '03': 'approved',
  '04': 'rejected',
  '05': 'withdrawn',
  '06': 'in-review',
};
const CURRENCY: Readonly<Record<string, string>> = { '156': 'CNY', '344': 'HKD', '840': 'USD', '978': 'EUR' };
const SHAREHOLDER_KIND: Readonly<Record<string, string>> = {
  自然人股东: 'natural-person',
  企业法人股东: 'legal-person',
  非法人组织股东: 'unincorporated-organisation',
};
const SEX: Readonly<Record<string, string>> = { '0': '未知', '1': '男', '2': '女', '9': '未说明' };
const DIVISION: Readonly<Record<string, string>> = {
  '371500': '聊城市',
  '371502': '东昌府区',
  '371503': '茌平区',
  '371521': '阳谷县',
  '371522': '莘县',
  '371524': '东阿县',
  '371525': '冠县',
  '371526': '高唐县',
  '371581': '临清市',
};
const ID_TYPE: Readonly<Record<string, string>> = {
  '111': '居民身份证',
  '112': '临时居民身份证',
  '113': '户口簿',
  '114': '中国人民解放军军官证',
  '414': '普通护照',
  '511': '台湾居民来往大陆通行证',
  '516': '港澳居民来往内地通行证',
  '553': '外国人永久居留身份证',
  '990': '其他证件',
};
const SHANGHAI_MILLIS = 8 * 3600_000;

export function mapEnterpriseRegistrationByHand(record: DepartmentEnterpriseRecord): Record<string, unknown> {
  const enterprise = record.QYXX;
  const legal = record.FDDBR;
  const [industryCode, ...industryName] = enterprise.HYDM.split('|');
  const out: Record<string, unknown> = {
    applicationNo: record.YWLSH,
    itemCode: record.SXBM,
    submittedAt: isoFromEpoch(record.SQSJ),
    acceptedAt: `${record.SLSJ.replace(' ', 'T')}+08:00`,
    approvedOn: chineseDate(record.HZRQ),
    departmentStatus: record.ZT,
    status: lookup(STATUS, record.ZT),
    registrationAuthority: record.DJJG,
  };
  if (present(record.BZXX)) out['remark'] = record.BZXX;
  const domicile: Record<string, unknown> = {
    divisionCode: enterprise.ZSXZQH,
    divisionName: lookup(DIVISION, enterprise.ZSXZQH),
    address: enterprise.ZS,
  };
  if (present(enterprise.YZBM)) domicile['postcode'] = enterprise.YZBM;
  const company: Record<string, unknown> = {
    creditCode: enterprise.TYSHXYDM,
    name: enterprise.QYMC,
    typeCode: enterprise.QYLXDM,
    registeredCapital: { amount: wanYuanToYuan(enterprise.ZCZB), currency: lookup(CURRENCY, enterprise.BZ), unit: '元' },
    establishedOn: chineseDate(enterprise.CLRQ),
    operatingPeriod: {
      from: chineseDate(enterprise.YYQXZ),
      until: enterprise.YYQXZHI === '长期' ? 'indefinite' : chineseDate(enterprise.YYQXZHI),
    },
    domicile,
    businessScope: enterprise.JYFW,
    industry: { code: industryCode, name: industryName.join('|') },
  };
  if (present(enterprise.CYRS)) company['employees'] = Number(enterprise.CYRS);
  if (present(enterprise.GDDHQH) || present(enterprise.GDDH)) company['landline'] = `${enterprise.GDDHQH ?? ''}-${enterprise.GDDH ?? ''}`;
  if (present(enterprise.DZYX)) company['email'] = enterprise.DZYX;
  out['enterprise'] = company;
  const representative: Record<string, unknown> = {
    name: legal.XM,
    sex: legal.XB,
    sexName: lookup(SEX, legal.XB),
    idType: legal.ZJLX,
    idTypeName: lookup(ID_TYPE, legal.ZJLX),
    idNumber: legal.ZJHM,
    mobile: legal.YDDH,
  };
  if (present(legal.ZW)) representative['position'] = legal.ZW;
  out['legalRepresentative'] = representative;
  out['liaison'] = { name: record.LLY.XM, mobile: record.LLY.YDDH };
  out['shareholders'] = record.GDXX.map((holder) => ({
    name: holder.GDMC,
    kind: lookup(SHAREHOLDER_KIND, holder.GDLX),
    idType: holder.ZJLX,
    idTypeName: lookup(ID_TYPE, holder.ZJLX),
    idNumber: holder.ZJHM,
    subscribedCapital: wanYuanToYuan(holder.RJCZE),
    contributionForm: holder.CZFS,
    contributionDueOn: chineseDate(holder.RJCZRQ),
    shareRatio: Number(holder.CZBL) / 100,
  }));
  out['officers'] = record.ZYRY.map((officer) => ({ name: officer.XM, position: officer.ZW }));
  out['source'] = { system: 'DCF-SCJGJ', recordFormat: 'QYDJ-2024' };
  return out;
}

function present<T>(value: T | null | undefined | ''): value is T {
  return value !== undefined && value !== null && value !== '';
}

function lookup(table: Readonly<Record<string, string>>, code: string): string {
  const label = Object.prototype.hasOwnProperty.call(table, code) ? table[code] : undefined;
  if (label === undefined) throw new Error(`unknown code "${code}"`);
  return label;
}

function chineseDate(text: string): string {
  const match = /^(\d{4})年(\d{2})月(\d{2})日$/.exec(text);
  if (!match) throw new Error(`not a date: ${text}`);
  return `${match[1]}-${match[2]}-${match[3]}`;
}

function isoFromEpoch(millis: number): string {
  const local = new Date(millis + SHANGHAI_MILLIS).toISOString();
  const [withoutZone] = local.split(local.endsWith('.000Z') ? '.000Z' : 'Z');
  return `${withoutZone}+08:00`;
}

/** Two decimals at most, as the spec's `decimals: 2, rounding: exact`; float scaling is exact enough for these magnitudes. */
function wanYuanToYuan(value: number | string): number {
  const yuan = Math.round(Number(value) * 1_000_000) / 100;
  if (!Number.isFinite(yuan)) throw new Error(`not a number: ${String(value)}`);
  return yuan;
}
