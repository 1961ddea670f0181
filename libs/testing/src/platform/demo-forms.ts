/**
 * Application forms (申请表) filled in as a window clerk would, for the demo items the tests,
 * the demo walkthrough and the bench file: realistic answers of 聊城市东昌府区, and the answers
 * filled from shared data (法人库, 投资项目库) with their sources, as the window reports them.
 */

/** The company an application is for: its credit code and name (as 法人库 would give them). */
export interface DemoCompany {
  creditCode: string;
  name: string;
  phone?: string;
}

/** One auto-filled answer as `POST /applications` takes it in `formSources`. */
export interface DemoFormSource {
  path: string;
  source: 'enterprise' | 'person' | 'project';
  sourceName: string;
  fetchedAt: string;
  value: unknown;
}

/** `form` and `formSources` of a filing. */
export interface DemoFormAnswers {
  form: Record<string, unknown>;
  formSources: DemoFormSource[];
}

const LEGAL_PERSONS = '聊城市法人单位基础信息库';
const PROJECTS = '投资项目在线审批监管平台';
const FETCHED_AT = '2026-03-05T01:58:12.000Z';

/** The demo project of 投资项目库, and the companies that build, construct and supervise it. */
export const DEMO_PROJECT = {
  code: '2026-371502-47-01-012345',
  name: '聊城市东昌府区运河古城保护性修缮及配套设施建设项目',
  location: { division: '371502', detail: '古楼街道' },
  scale: '修缮古建筑约2.3万平方米，新建游客服务中心及地下停车场约1.1万平方米',
  totalInvestment: '128000000.00',
};

const CONTRACTOR = { creditCode: '91371502MA3N5T8W29', name: '山东聊建集团有限公司' };
const SUPERVISOR = { creditCode: '91371502MA3P9Q4R72', name: '聊城市建设工程监理有限公司' };

function fromLegalPersons(path: string, value: unknown): DemoFormSource {
  return { path, source: 'enterprise', sourceName: LEGAL_PERSONS, fetchedAt: FETCHED_AT, value };
}

function fromProjects(path: string, value: unknown): DemoFormSource {
  return { path, source: 'project', sourceName: PROJECTS, fetchedAt: FETCHED_AT, value };
}

/** The applicant company block most forms open with, and its answers from 法人库. */
function organisation(company: DemoCompany, legalRepresentative: string): DemoFormAnswers {
  return {
    form: { creditCode: company.creditCode, organisationName: company.name, legalRepresentative },
    formSources: [fromLegalPersons('organisationName', company.name), fromLegalPersons('legalRepresentative', legalRepresentative)],
  };
}

function withForm(base: DemoFormAnswers, form: Record<string, unknown>, formSources: DemoFormSource[] = []): DemoFormAnswers {
  return { form: { ...base.form, ...form }, formSources: [...base.formSources, ...formSources] };
}

/** 建筑工程施工许可申请表 (DCF-ZJ-XK-012): the project from 投资项目库, the builder from 法人库 by its credit code. */
export function aConstructionPermitForm(builder: DemoCompany): DemoFormAnswers {
  return {
    form: {
      projectCode: DEMO_PROJECT.code,
      projectName: DEMO_PROJECT.name,
      site: DEMO_PROJECT.location,
      scale: DEMO_PROJECT.scale,
      buildingArea: 11260.5,
      contractPrice: '46850000.00',
      totalInvestment: DEMO_PROJECT.totalInvestment,
      projectType: '01',
      structure: '02',
      floorsAbove: 3,
      planningPermit: '建字第371502202600018号',
      builder: {
        creditCode: builder.creditCode,
        name: builder.name,
        legalRepresentative: '刘海燕',
        projectLeader: '孙立伟',
        phone: builder.phone ?? '0635-8256789',
      },
      contractor: { ...CONTRACTOR, qualification: '02', projectManager: '马俊峰', managerCertificate: '鲁1372016201812345' },
      supervisor: { ...SUPERVISOR, chiefEngineer: '郑国庆' },
      plannedStart: '2026-05-06',
      plannedCompletion: '2027-10-30',
      drawingReview: '聊审图〔2026〕第0386号',
    },
    formSources: [
      fromProjects('projectName', DEMO_PROJECT.name),
      fromProjects('site', DEMO_PROJECT.location),
      fromProjects('scale', DEMO_PROJECT.scale),
      fromProjects('totalInvestment', DEMO_PROJECT.totalInvestment),
      fromLegalPersons('builder.name', builder.name),
      fromLegalPersons('builder.legalRepresentative', '刘海燕'),
      fromLegalPersons('contractor.name', CONTRACTOR.name),
      fromLegalPersons('supervisor.name', SUPERVISOR.name),
    ],
  };
}

/** 城镇污水排入排水管网许可申请表 (DCF-ZJ-XK-011). */
export function aSewagePermitForm(company: DemoCompany): DemoFormAnswers {
  return withForm(organisation(company, '韩建军'), {
    dischargeAddress: { division: '371502', detail: '柳园街道振兴西路126号' },
    industry: '06',
    dailyDischarge: 35.5,
    pretreatment: true,
    outlets: [{ number: 'WS-01', location: '厂区东门南侧检查井', diameter: 300 }],
    contactName: '周晓燕',
    contactPhone: company.phone ?? '13963512345',
  });
}

/** 食品经营许可申请书 (DCF-SCJG-XK-001). */
export function aFoodLicenceForm(company: DemoCompany): DemoFormAnswers {
  return withForm(
    organisation(company, '王建国'),
    {
      businessAddress: { division: '371502', detail: '古楼街道东关街88号' },
      premisesArea: 186.5,
      ...foodLicenceOwnAnswers(),
      businessScope: '餐饮服务；食品销售',
      employeeCount: 12,
      contactPhone: company.phone ?? '0635-8412345',
    },
    [fromLegalPersons('businessAddress', { division: '371502', detail: '古楼街道东关街88号' })],
  );
}

function foodLicenceOwnAnswers(): Record<string, unknown> {
  return {
    operatorType: '02',
    businessItems: ['01', '03', '06'],
    onlineSales: true,
    seats: 60,
    foodSafetyManager: { name: '李秀梅', idNumber: '37150219900809022X', phone: '13806356789' },
    staff: [
      { name: '李秀梅', healthCertificate: 'LC2026-004512', validUntil: '2027-02-28' },
      { name: '陈德福', healthCertificate: 'LC2026-004513', validUntil: '2027-02-28' },
    ],
  };
}

/** 印章刻制备案表 (DCF-GA-BA-003). */
export function aSealEngravingForm(company: DemoCompany): DemoFormAnswers {
  return withForm(organisation(company, '赵立新'), {
    seals: [
      { sealType: '01', quantity: 1, material: '01' },
      { sealType: '02', quantity: 1, material: '02' },
    ],
    engraver: '聊城市东昌府区诚信印章刻制有限公司',
    contactName: '赵立新',
    contactPhone: company.phone ?? '13706358888',
  });
}

/** 临时占用城市道路申请表 (DCF-ZF-XK-003). */
export function aRoadOccupationForm(company: DemoCompany): DemoFormAnswers {
  return withForm(organisation(company, '孙志刚'), {
    contactPhone: company.phone ?? '13506351234',
    roadName: '柳园南路',
    location: { division: '371502', detail: '柳园街道柳园南路东侧人行道' },
    area: 30,
    purpose: '01',
    carriageway: false,
    startDate: '2026-04-01',
    endDate: '2026-04-30',
  });
}

/** 公司登记（备案）申请书 (DCF-SCJG-DJ-001) of a limited company (办理情形 Q1 = LLC). */
export function aCompanyRegistrationForm(company: DemoCompany): DemoFormAnswers {
  return { form: { ...companyRegistrationShared(company), ...companyRegistrationOwnAnswers() }, formSources: [] };
}

function companyRegistrationShared(company: DemoCompany): Record<string, unknown> {
  return {
    organisationName: company.name,
    enterpriseType: '1100',
    domicile: { division: '371502', detail: '古楼街道东关街88号' },
    registeredCapital: '500000.00',
    businessScope: '餐饮服务；食品销售',
    employeeCount: 12,
    legalRepresentative: '王建国',
    legalRepresentativeId: '37150219781121013X',
    contactPhone: company.phone ?? '0635-8412345',
  };
}

function companyRegistrationOwnAnswers(): Record<string, unknown> {
  return {
    operatingTerm: 'LONG',
    shareholders: [
      {
        name: '王建国',
        identifier: '37150219781121013X',
        subscribedCapital: '300000.00',
        contributionMethod: '01',
        contributionDate: '2036-12-31',
      },
      {
        name: '李秀梅',
        identifier: '37150219900809022X',
        subscribedCapital: '200000.00',
        contributionMethod: '01',
        contributionDate: '2036-12-31',
      },
    ],
    governance: '02',
  };
}

const FORMS: Record<string, (company: DemoCompany) => DemoFormAnswers> = {
  'DCF-ZJ-XK-012': aConstructionPermitForm,
  'DCF-ZJ-XK-011': aSewagePermitForm,
  'DCF-SCJG-XK-001': aFoodLicenceForm,
  'DCF-SCJG-DJ-001': aCompanyRegistrationForm,
  'DCF-GA-BA-003': aSealEngravingForm,
  'DCF-ZF-XK-003': aRoadOccupationForm,
};

/** The filled form of one of the demo items the tests file (see `FORMS`). */
export function aDemoForm(itemCode: string, company: DemoCompany): DemoFormAnswers {
  const form = FORMS[itemCode];
  if (!form) throw new Error(`No demo form answers for ${itemCode}: add them to libs/testing/src/platform/demo-forms.ts`);
  return form(company);
}

/**
 * 开办餐饮店一表申请 (bundle DCF-YJS-KBCYD): what the four items share is asked once (经营场所,
 * 法定代表人, 联系电话, …), what each alone asks is under its item code. 办理情形: a limited company.
 */
export function aRestaurantBundleForm(company: DemoCompany): DemoFormAnswers {
  const address = { division: '371502', detail: '古楼街道东关街88号' };
  return {
    form: {
      ...companyRegistrationShared(company),
      creditCode: company.creditCode,
      businessAddress: address,
      premisesArea: 186.5,
      tradeName: '水城人家',
      contactName: '李秀梅',
      'DCF-SCJG-DJ-001': companyRegistrationOwnAnswers(),
      'DCF-SCJG-XK-001': foodLicenceOwnAnswers(),
      'DCF-WJW-XK-003': { placeTypes: ['07'], centralAirConditioning: false, certifiedStaff: 12 },
      'DCF-XF-JC-002': {
        occupancy: '03',
        floors: '地上1—2层',
        acceptanceNumber: '聊东消验字〔2025〕第0127号',
        exits: 2,
        sprinklers: true,
        fireSafetyManager: { name: '王建国', idNumber: '37150219781121013X', phone: '13806351111' },
      },
    },
    formSources: [
      fromLegalPersons('organisationName', company.name),
      fromLegalPersons('legalRepresentative', '王建国'),
      fromLegalPersons('businessAddress', address),
      fromLegalPersons('businessScope', '餐饮服务；食品销售'),
    ],
  };
}

/** 办理情形 answers of the restaurant bundle: a limited company. */
export const RESTAURANT_BUNDLE_SITUATIONS = { 'DCF-SCJG-DJ-001': { Q1: 'LLC' } };
