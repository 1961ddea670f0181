import {
  FORM_SCHEMA_DIALECT,
  HOUSEHOLD_FORMS,
  field,
  prefill,
  type CodeListEntry,
  type FieldSchema,
  type FormDefinition,
  type SituationRule,
} from '@onewindow/forms';

/**
 * The demo catalogue's application forms (申请表), one per item, after the forms 聊城市 and the
 * Shandong 政务服务网 publish for each item. Fields that are shared data elements (统一社会信用代码,
 * 经营场所, 法定代表人, 联系电话, …) are asked once when items are filed together (一表申请), and
 * those the shared data sources know are filled from them (法人库 by credit code, 人口库 by ID
 * number, 投资项目库 by project code).
 */

type Fields = Record<string, FieldSchema>;

interface FormOptions {
  /** Top-level fields that may be left empty; all others are required. */
  optional?: string[];
  /** 办理情形 rules, each with the group its extra fields are shown in. */
  situations?: SituationInGroup[];
  placeholders?: Record<string, string>;
  multiline?: string[];
  /** Conditions on the form's own answers (JSON Schema `if`/`then`). */
  conditions?: FieldSchema[];
}

interface SituationInGroup {
  group: string;
  rule: SituationRule;
}

/** A form written as its groups in order: each group's title and fields. */
function form(title: string, groups: Array<[string, Fields]>, options: FormOptions = {}): FormDefinition {
  const properties: Fields = Object.assign({}, ...groups.map(([, fields]) => fields));
  const optional = new Set(options.optional ?? []);
  const situations = options.situations ?? [];
  const controls = {
    ...Object.fromEntries(Object.entries(options.placeholders ?? {}).map(([path, placeholder]) => [path, { placeholder }])),
    ...Object.fromEntries((options.multiline ?? []).map((path) => [path, { multiline: true }])),
  };
  return {
    schema: {
      $schema: FORM_SCHEMA_DIALECT,
      title,
      type: 'object',
      additionalProperties: false,
      properties,
      required: Object.keys(properties).filter((name) => !optional.has(name)),
      ...(options.conditions ? { allOf: options.conditions } : {}),
    },
    layout: {
      groups: groups.map(([groupTitle, fields]) => ({
        title: groupTitle,
        fields: [
          ...Object.keys(fields),
          ...situations.filter(({ group }) => group === groupTitle).flatMap(({ rule }) => Object.keys(rule.fields ?? {})),
        ],
      })),
      ...(Object.keys(controls).length > 0 ? { controls } : {}),
    },
    ...(situations.length > 0 ? { situations: situations.map(({ rule }) => rule) } : {}),
  };
}

/** A situation rule whose extra fields are shown in `group`. */
function situation(group: string, rule: SituationRule): SituationInGroup {
  return { group, rule };
}

const codes = (...labels: string[]): CodeListEntry[] => labels.map((label, index) => ({ code: String(index + 1).padStart(2, '0'), label }));

/** The applicant organisation as 法人库 knows it, filled by its credit code. */
function organisation(): Fields {
  return {
    creditCode: field.element('DE-TYSHXYDM'),
    organisationName: field.element('DE-DWMC', prefill('enterprise', 'creditCode', 'applicant.name')),
    legalRepresentative: field.element('DE-FDDBR', prefill('enterprise', 'creditCode', 'enterprise.legalRepresentative')),
  };
}

function contact(): Fields {
  return { contactName: field.element('DE-LXR'), contactPhone: field.element('DE-LXDH') };
}

/** The applicant as 人口库 knows them, filled by the ID number. */
function person(): Fields {
  return {
    residentId: field.element('DE-GMSFHM'),
    personName: field.element('DE-XM', prefill('person', 'residentId', 'applicant.name')),
  };
}

/** Another party of the form (建设单位, 施工单位, …): credit code and the name 法人库 gives for it. */
function party(title: string, path: string, more: Fields = {}, required: string[] = []): FieldSchema {
  return field.group(
    title,
    {
      creditCode: field.creditCode('统一社会信用代码'),
      name: field.text('名称', 100, prefill('enterprise', `${path}.creditCode`, 'applicant.name')),
      ...more,
    },
    ['creditCode', 'name', ...required],
  );
}

/** A person named on the form: name and ID number, and a phone. */
function namedPerson(title: string, extra: Fields = {}, required: string[] = []): FieldSchema {
  return field.group(
    title,
    { name: field.text('姓名', 50), idNumber: field.residentId('身份证号码'), phone: field.phone('联系电话'), ...extra },
    ['name', 'idNumber', ...required],
  );
}

/** A period: its start and an end not before it. */
function period(startTitle: string, endTitle: string): Fields {
  return { startDate: field.date(startTitle), endDate: field.date(endTitle, { 'x-not-before': 'startDate' }) };
}

const SEX = [
  { code: '1', label: '男' },
  { code: '2', label: '女' },
];
const VEHICLE_PLATE = '^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][A-HJ-NP-Z0-9]{5,6}$';
const plate = (title: string) =>
  field.text(title, 8, { minLength: 7, pattern: VEHICLE_PLATE, 'x-pattern-message': '应为机动车号牌，如 鲁P12345' });

export const DEMO_FORMS: Record<string, FormDefinition> = {
  // ── 市场监督管理 ──────────────────────────────────────────────────────────────
  'DCF-SCJG-XK-001': form(
    '食品经营许可申请书',
    [
      [
        '申请人',
        {
          ...organisation(),
          businessAddress: field.element('DE-JYCS', prefill('enterprise', 'creditCode', 'enterprise.address')),
          premisesArea: field.element('DE-JYCSMJ'),
        },
      ],
      [
        '经营项目',
        {
          operatorType: field.code('主体业态', codes('食品销售经营者', '餐饮服务经营者', '单位食堂')),
          businessItems: field.codes(
            '经营项目',
            codes('预包装食品销售', '散装食品销售', '热食类食品制售', '冷食类食品制售', '生食类食品制售', '自制饮品制售', '半成品制售'),
          ),
          businessScope: field.element('DE-JYFW', prefill('enterprise', 'creditCode', 'enterprise.businessScope')),
          onlineSales: field.yesNo('是否网络经营'),
          seats: field.number('就餐座位数', '个', 0, { minimum: 0, maximum: 5000 }),
        },
      ],
      [
        '食品安全管理',
        {
          foodSafetyManager: namedPerson('食品安全管理人员', {}, ['phone']),
          employeeCount: field.element('DE-CYRS'),
          staff: field.repeat(
            '从业人员健康情况',
            { name: field.text('姓名', 50), healthCertificate: field.text('健康证明编号', 30), validUntil: field.date('有效期至') },
            ['name', 'healthCertificate', 'validUntil'],
            { min: 1, max: 100 },
          ),
          rules: field.material('食品安全管理制度', 'M03', { description: '容缺或告知承诺时写“后补”或“承诺”' }),
        },
      ],
      ['联系人', contact()],
    ],
    { optional: ['seats', 'rules', 'contactName'], multiline: ['businessScope'] },
  ),

  'DCF-SCJG-DJ-001': form(
    '公司登记（备案）申请书',
    [
      [
        '企业基本信息',
        {
          organisationName: field.element('DE-DWMC', { title: '企业名称', description: '已自主申报的企业名称' }),
          enterpriseType: field.element('DE-QYLX'),
          domicile: field.element('DE-ZS'),
          businessAddress: field.element('DE-JYCS', { description: '与住所不一致时填写' }),
          registeredCapital: field.element('DE-ZCZB'),
          businessScope: field.element('DE-JYFW'),
          operatingTerm: field.code('营业期限', [
            { code: 'LONG', label: '长期' },
            { code: 'FIXED', label: '固定期限' },
          ]),
          employeeCount: field.element('DE-CYRS'),
        },
      ],
      [
        '法定代表人',
        {
          legalRepresentative: field.element('DE-FDDBR', { description: '个人独资企业填写投资人，合伙企业填写执行事务合伙人' }),
          legalRepresentativeId: field.element('DE-FDDBRSFZH'),
        },
      ],
      ['联系人', contact()],
    ],
    {
      optional: ['businessAddress', 'contactName'],
      multiline: ['businessScope'],
      situations: [
        situation('法定代表人', {
          when: { question: 'Q1', answers: ['LLC'] },
          fields: {
            shareholders: field.repeat(
              '股东（发起人）出资情况',
              {
                name: field.text('股东名称或姓名', 100),
                identifier: field.text('证照号码', 18, {
                  minLength: 18,
                  pattern: '^[0-9A-Z]{18}$',
                  'x-pattern-message': '应为18位统一社会信用代码或公民身份号码',
                }),
                subscribedCapital: field.money('认缴出资额'),
                contributionMethod: field.code('出资方式', codes('货币', '实物', '知识产权', '土地使用权', '股权')),
                contributionDate: field.date('出资期限'),
              },
              ['name', 'identifier', 'subscribedCapital', 'contributionMethod', 'contributionDate'],
              { min: 1, max: 50 },
            ),
            governance: field.code('组织机构', codes('设董事会', '不设董事会，设一名董事')),
          },
          require: ['shareholders', 'governance'],
        }),
        situation('法定代表人', {
          when: { question: 'Q1', answers: ['PARTNERSHIP'] },
          fields: {
            partners: field.repeat(
              '合伙人',
              {
                name: field.text('合伙人名称或姓名', 100),
                liability: field.code('承担责任方式', codes('无限责任', '有限责任')),
                contribution: field.money('认缴出资额'),
              },
              ['name', 'liability', 'contribution'],
              { min: 2, max: 50 },
            ),
          },
          require: ['partners'],
        }),
      ],
    },
  ),

  'DCF-SCJG-DJ-002': form(
    '个体工商户登记（备案）申请书',
    [
      [
        '经营者',
        {
          operatorId: field.element('DE-JYZSFZH'),
          operatorName: field.element('DE-JYZXM', prefill('person', 'operatorId', 'applicant.name')),
          householdForm: field.code('组成形式', HOUSEHOLD_FORMS),
          familyMembers: field.repeat(
            '参加经营的家庭成员',
            { name: field.text('姓名', 50), idNumber: field.residentId('身份证号码') },
            ['name', 'idNumber'],
            { min: 1, max: 10 },
          ),
        },
      ],
      [
        '经营信息',
        {
          tradeName: field.element('DE-ZXDZ'),
          businessAddress: field.element('DE-JYCS'),
          businessScope: field.element('DE-JYFW'),
          capital: field.money('资金数额'),
          employeeCount: field.element('DE-CYRS'),
        },
      ],
      ['联系方式', { contactPhone: field.element('DE-LXDH') }],
    ],
    {
      optional: ['tradeName', 'familyMembers'],
      multiline: ['businessScope'],
      // 家庭经营 lists the family members who take part.
      conditions: [
        { if: { properties: { householdForm: { const: '2' } }, required: ['householdForm'] }, then: { required: ['familyMembers'] } },
      ],
    },
  ),

  'DCF-SCJG-XK-002': form(
    '药品经营许可证申请表',
    [
      [
        '企业信息',
        {
          ...organisation(),
          businessAddress: field.element('DE-JYCS'),
          premisesArea: field.element('DE-JYCSMJ', { title: '营业场所面积' }),
          warehouseArea: field.number('仓库面积', '平方米', 2, { minimum: 0 }),
        },
      ],
      [
        '经营范围',
        {
          drugCategories: field.codes(
            '经营类别',
            codes('处方药', '甲类非处方药', '乙类非处方药', '中药饮片', '中成药', '化学药制剂', '生物制品'),
          ),
          qualityManager: namedPerson(
            '质量负责人',
            { qualification: field.code('专业技术资格', codes('执业药师', '主管药师', '药师', '中药师')) },
            ['qualification'],
          ),
        },
      ],
      ['联系人', contact()],
    ],
    {
      optional: ['warehouseArea', 'contactName'],
      situations: [
        situation('经营范围', {
          when: { question: 'Q1', answers: ['YES'] },
          fields: {
            pharmacists: field.repeat(
              '执业药师',
              { name: field.text('姓名', 50), registrationNumber: field.text('执业药师注册证编号', 30) },
              ['name', 'registrationNumber'],
              { min: 1, max: 20 },
            ),
          },
          require: ['pharmacists'],
        }),
      ],
    },
  ),

  'DCF-GA-BA-003': form('印章刻制备案表', [
    ['单位信息', organisation()],
    [
      '刻制印章',
      {
        seals: field.repeat(
          '印章',
          {
            sealType: field.code('印章类型', codes('单位专用章', '财务专用章', '发票专用章', '合同专用章', '法定代表人名章')),
            quantity: field.number('数量', '枚', 0, { minimum: 1, maximum: 5 }),
            material: field.code('印章材质', codes('铜质', '原子', '橡胶', '牛角')),
          },
          ['sealType', 'quantity', 'material'],
          { min: 1, max: 10 },
        ),
        engraver: field.text('刻制单位', 100, { description: '在公安机关备案的印章刻制企业' }),
      },
    ],
    ['经办人', contact()],
  ]),

  // ── 卫生健康 ──────────────────────────────────────────────────────────────────
  'DCF-WJW-XK-003': form(
    '公共场所卫生许可申请表',
    [
      [
        '申请单位',
        {
          ...organisation(),
          premisesName: field.element('DE-ZXDZ', { title: '场所名称' }),
          businessAddress: field.element('DE-JYCS', prefill('enterprise', 'creditCode', 'enterprise.address')),
        },
      ],
      [
        '场所情况',
        {
          premisesArea: field.element('DE-JYCSMJ'),
          placeTypes: field.codes(
            '场所类别',
            codes('住宿场所', '沐浴场所', '美容美发场所', '游泳场所', '文化娱乐场所', '商场（店）', '餐饮场所'),
          ),
          centralAirConditioning: field.yesNo('是否使用集中空调通风系统'),
          employeeCount: field.element('DE-CYRS'),
          certifiedStaff: field.number('取得健康合格证明人数', '人', 0, { minimum: 0 }),
        },
      ],
      ['联系人', contact()],
    ],
    { optional: ['contactName'] },
  ),

  'DCF-WJW-XK-004': form('医疗机构执业登记申请书', [
    [
      '机构信息',
      {
        ...organisation(),
        clinicName: field.text('医疗机构名称', 100),
        clinicType: field.code('诊所类别', codes('普通诊所', '中医诊所', '口腔诊所', '医疗美容诊所', '中西医结合诊所')),
        businessAddress: field.element('DE-JYCS', { title: '执业地址' }),
        premisesArea: field.element('DE-JYCSMJ', { title: '建筑面积' }),
        beds: field.number('床位', '张', 0, { minimum: 0, maximum: 20 }),
        departments: field.codes('诊疗科目', codes('内科', '外科', '妇科', '儿科', '中医科', '口腔科', '医疗美容科', '预防保健科')),
      },
    ],
    [
      '人员',
      {
        principal: namedPerson('主要负责人', { licenceNumber: field.text('医师执业证书编码', 30) }, ['licenceNumber', 'phone']),
        doctors: field.repeat(
          '执业医师',
          { name: field.text('姓名', 50), licenceNumber: field.text('医师执业证书编码', 30), specialty: field.text('执业范围', 50) },
          ['name', 'licenceNumber', 'specialty'],
          { min: 1, max: 30 },
        ),
      },
    ],
  ]),

  'DCF-WJW-FW-005': form(
    '出生医学证明首次签发登记表',
    [
      [
        '新生儿',
        {
          newborn: field.group(
            '新生儿',
            {
              name: field.text('姓名', 50),
              sex: field.code('性别', SEX),
              birthDate: field.date('出生日期'),
              birthWeight: field.number('出生体重', '克', 0, { minimum: 300, maximum: 8000 }),
              birthPlace: field.text('出生地点（医疗机构）', 100),
            },
            ['name', 'sex', 'birthDate', 'birthWeight', 'birthPlace'],
          ),
        },
      ],
      ['父母', { mother: namedPerson('母亲', {}, ['phone']), father: namedPerson('父亲') }],
    ],
    { optional: ['father'] },
  ),

  // ── 消防 ─────────────────────────────────────────────────────────────────────
  'DCF-XF-JC-002': form(
    '公众聚集场所投入使用、营业消防安全检查申报表',
    [
      [
        '申请单位',
        { ...organisation(), premisesName: field.element('DE-ZXDZ', { title: '场所名称' }), businessAddress: field.element('DE-JYCS') },
      ],
      [
        '场所情况',
        {
          premisesArea: field.element('DE-JYCSMJ', { title: '使用面积' }),
          occupancy: field.code(
            '场所类型',
            codes('商场市场', '宾馆饭店', '餐饮场所', '体育场馆', '公共娱乐场所', '医院', '养老机构', '学校幼儿园'),
          ),
          floors: field.text('所在楼层', 30, { description: '如：地上1—2层' }),
          acceptanceNumber: field.text('建设工程消防验收（备案）文号', 50),
          exits: field.number('安全出口数量', '个', 0, { minimum: 1, maximum: 50 }),
          sprinklers: field.yesNo('是否设有自动喷水灭火系统'),
          fireSafetyManager: namedPerson('消防安全管理人', {}, ['phone']),
        },
      ],
      ['联系人', contact()],
    ],
    { optional: ['acceptanceNumber', 'contactName'] },
  ),

  // ── 住房和城乡建设 ────────────────────────────────────────────────────────────
  'DCF-ZJ-XK-011': form(
    '城镇污水排入排水管网许可申请表',
    [
      [
        '排水户',
        {
          ...organisation(),
          dischargeAddress: field.address('排水户地址'),
          industry: field.code('行业类别', codes('餐饮', '洗浴', '洗车', '医疗', '工业', '建筑施工', '其他')),
        },
      ],
      [
        '排水情况',
        {
          dailyDischarge: field.number('日排水量', '立方米', 1, { maximum: 100000 }),
          pretreatment: field.yesNo('是否建有预处理设施'),
          outlets: field.repeat(
            '排放口',
            {
              number: field.text('排放口编号', 10),
              location: field.text('位置', 100),
              diameter: field.number('管径', '毫米', 0, { minimum: 50, maximum: 3000 }),
            },
            ['number', 'location', 'diameter'],
            { min: 1, max: 20 },
          ),
          drawings: field.material('排水管网图纸', 'M02'),
        },
      ],
      ['联系人', contact()],
    ],
    { optional: ['drawings', 'contactName'] },
  ),

  'DCF-ZJ-XK-012': form(
    '建筑工程施工许可申请表',
    [
      [
        '工程概况',
        {
          projectCode: field.element('DE-XMDM'),
          projectName: field.element('DE-XMMC', prefill('project', 'projectCode', 'project.name')),
          site: field.element('DE-JSDZ', prefill('project', 'projectCode', 'project.location')),
          scale: field.text('建设规模', 500, { description: '主要建设内容及规模', ...prefill('project', 'projectCode', 'project.scale') }),
          buildingArea: field.element('DE-JZMJ'),
          contractPrice: field.element('DE-HTJG'),
          totalInvestment: field.element('DE-ZTZ', prefill('project', 'projectCode', 'project.totalInvestmentYuan')),
          projectType: field.code('工程类别', codes('房屋建筑工程', '市政基础设施工程')),
          structure: field.code('结构类型', codes('砖混结构', '框架结构', '框架—剪力墙结构', '剪力墙结构', '钢结构')),
          floorsAbove: field.number('地上层数', '层', 0, { minimum: 0, maximum: 200 }),
          planningPermit: field.text('建设工程规划许可证编号', 50),
        },
      ],
      [
        '建设单位',
        {
          builder: party(
            '建设单位',
            'builder',
            {
              legalRepresentative: field.text(
                '法定代表人',
                50,
                prefill('enterprise', 'builder.creditCode', 'enterprise.legalRepresentative'),
              ),
              projectLeader: field.text('项目负责人', 50),
              phone: field.phone('联系电话'),
            },
            ['legalRepresentative', 'projectLeader', 'phone'],
          ),
        },
      ],
      [
        '施工与监理',
        {
          contractor: party(
            '施工单位',
            'contractor',
            {
              qualification: field.code('资质等级', codes('施工总承包特级', '施工总承包一级', '施工总承包二级', '施工总承包三级')),
              projectManager: field.text('项目经理', 50),
              managerCertificate: field.text('建造师注册证书编号', 30),
            },
            ['qualification', 'projectManager', 'managerCertificate'],
          ),
          supervisor: party('监理单位', 'supervisor', { chiefEngineer: field.text('总监理工程师', 50) }, ['chiefEngineer']),
        },
      ],
      [
        '工期',
        {
          plannedStart: field.date('计划开工日期'),
          plannedCompletion: field.date('计划竣工日期', { 'x-not-before': 'plannedStart' }),
          drawingReview: field.material('施工图设计文件审查合格书编号', 'M05', { description: '容缺受理时可后补' }),
        },
      ],
    ],
    {
      optional: ['totalInvestment', 'structure', 'floorsAbove', 'supervisor', 'drawingReview'],
      multiline: ['scale'],
      placeholders: { projectCode: '2026-371502-47-01-012345', projectName: '与立项（备案）文件一致' },
    },
  ),

  'DCF-ZF-XK-003': form(
    '临时占用城市道路申请表',
    [
      ['申请人', { ...organisation(), ...contact() }],
      [
        '占用情况',
        {
          roadName: field.text('占用道路名称', 50),
          location: field.address('占用地点'),
          area: field.number('占用面积', '平方米', 2, { maximum: 10000 }),
          purpose: field.code('占用用途', codes('施工作业', '物料堆放', '临时设摊', '其他')),
          carriageway: field.yesNo('是否占用机动车道'),
          ...period('占用起始日期', '占用截止日期'),
        },
      ],
    ],
    { optional: ['contactName'] },
  ),

  // ── 行政审批服务局 ────────────────────────────────────────────────────────────
  'DCF-SPJ-GG-005': form(
    '户外广告设施设置申请表',
    [
      ['申请单位', { ...organisation(), ...contact() }],
      [
        '设施情况',
        {
          location: field.address('设置地点'),
          facilityType: field.code('设施形式', codes('墙体广告', '立柱广告', '屋顶广告', '电子显示屏', '店招标牌')),
          width: field.number('宽度', '米', 2, { maximum: 100 }),
          height: field.number('高度', '米', 2, { maximum: 50 }),
          illuminated: field.yesNo('是否设置照明'),
          ...period('设置起始日期', '设置截止日期'),
        },
      ],
    ],
    { optional: ['contactName'] },
  ),

  'DCF-SPJ-YC-006': form(
    '烟草专卖零售许可证申请表',
    [
      [
        '经营者',
        {
          operatorId: field.element('DE-JYZSFZH'),
          operatorName: field.element('DE-JYZXM', prefill('person', 'operatorId', 'applicant.name')),
          creditCode: field.element('DE-TYSHXYDM', { description: '已领取营业执照的填写' }),
          tradeName: field.element('DE-ZXDZ'),
        },
      ],
      [
        '经营场所',
        {
          businessAddress: field.element('DE-JYCS'),
          premisesArea: field.element('DE-JYCSMJ'),
          shopType: field.code('业态', codes('食杂店', '便利店', '超市', '商场', '烟酒商店', '娱乐服务类', '其他')),
          distanceToSchool: field.number('与最近中小学校的距离', '米', 0, { minimum: 0, maximum: 100000 }),
        },
      ],
      ['联系方式', { contactPhone: field.element('DE-LXDH') }],
    ],
    { optional: ['creditCode', 'tradeName'] },
  ),

  // ── 公安 ─────────────────────────────────────────────────────────────────────
  'DCF-GA-DJ-001': form('出生登记申报表', [
    [
      '出生人',
      {
        newborn: field.group(
          '出生人',
          {
            name: field.text('姓名', 50),
            sex: field.code('性别', SEX),
            birthDate: field.date('出生日期'),
            birthCertificate: field.text('出生医学证明编号', 10, {
              minLength: 10,
              pattern: '^[A-Z][0-9]{9}$',
              'x-pattern-message': '应为1位大写字母和9位数字，如 Q370012345',
            }),
          },
          ['name', 'sex', 'birthDate', 'birthCertificate'],
        ),
        householdAddress: field.address('落户地址'),
      },
    ],
    [
      '申报人',
      {
        declarant: namedPerson('申报人（父或母）', { relation: field.code('与出生人关系', codes('父亲', '母亲')) }, ['relation', 'phone']),
      },
    ],
  ]),

  'DCF-GA-ZJ-002': form('居民身份证申领登记表', [
    [
      '申领人',
      {
        ...person(),
        householdAddress: field.element('DE-JSDZ', { title: '户籍地址', ...prefill('person', 'residentId', 'person.householdAddress') }),
      },
    ],
    [
      '申领事项',
      {
        reason: field.code('换领原因', codes('有效期满', '证件损坏', '登记项目变更')),
        delivery: field.code('领取方式', codes('窗口领取', '邮寄送达')),
        contactPhone: field.element('DE-LXDH'),
      },
    ],
  ]),

  // ── 人力资源和社会保障 ────────────────────────────────────────────────────────
  'DCF-RS-FW-001': form(
    '社会保障卡申领登记表',
    [
      ['申领人', { ...person(), sex: field.code('性别', SEX), contactPhone: field.element('DE-LXDH') }],
      [
        '银行与寄送',
        {
          bank: field.code('服务银行', codes('中国工商银行', '中国农业银行', '中国银行', '中国建设银行', '山东省农村信用社')),
          mailingAddress: field.address('通讯地址'),
        },
      ],
    ],
    {
      situations: [
        situation('申领人', {
          when: { question: 'Q1', answers: ['MINOR'] },
          fields: {
            guardian: namedPerson('监护人', { relation: field.code('与申领人关系', codes('父亲', '母亲', '其他监护人')) }, ['relation']),
          },
          require: ['guardian'],
        }),
      ],
    },
  ),

  'DCF-RS-DJ-002': form('社会保险参保登记表（单位）', [
    ['参保单位', { ...organisation(), domicile: field.element('DE-ZS', prefill('enterprise', 'creditCode', 'enterprise.address')) }],
    [
      '参保人员',
      {
        insuranceTypes: field.codes('参保险种', codes('企业职工基本养老保险', '职工基本医疗保险', '失业保险', '工伤保险', '生育保险')),
        employees: field.repeat(
          '参保职工',
          {
            name: field.text('姓名', 50),
            idNumber: field.residentId('身份证号码'),
            startDate: field.date('参保日期'),
            wage: field.money('月缴费工资'),
          },
          ['name', 'idNumber', 'startDate', 'wage'],
          { min: 1, max: 500 },
        ),
      },
    ],
    ['经办人', contact()],
  ]),

  'DCF-RS-JY-003': form('就业创业证申领登记表', [
    [
      '申领人',
      {
        ...person(),
        householdAddress: field.element('DE-JSDZ', { title: '户籍地址', ...prefill('person', 'residentId', 'person.householdAddress') }),
        contactPhone: field.element('DE-LXDH'),
      },
    ],
    [
      '就业情况',
      {
        education: field.code('文化程度', codes('初中及以下', '高中（中专）', '大专', '本科', '研究生')),
        status: field.code('就业状态', codes('登记失业', '灵活就业', '自主创业', '单位就业')),
      },
    ],
  ]),

  // ── 医疗保障 ──────────────────────────────────────────────────────────────────
  'DCF-YB-DJ-001': form(
    '城乡居民基本医疗保险参保登记表',
    [
      [
        '参保人',
        {
          ...person(),
          householdAddress: field.element('DE-JSDZ', { title: '户籍地址', ...prefill('person', 'residentId', 'person.householdAddress') }),
        },
      ],
      [
        '参保信息',
        {
          category: field.code('人员类别', codes('普通居民', '学生儿童', '低保对象', '特困人员', '重度残疾人')),
          contactPhone: field.element('DE-LXDH'),
        },
      ],
    ],
    {
      situations: [
        situation('参保信息', {
          when: { question: 'Q1', answers: ['NEWBORN'] },
          fields: {
            birthCertificate: field.text('出生医学证明编号', 10, {
              minLength: 10,
              pattern: '^[A-Z][0-9]{9}$',
              'x-pattern-message': '应为1位大写字母和9位数字，如 Q370012345',
            }),
          },
          require: ['birthCertificate'],
        }),
      ],
    },
  ),

  'DCF-YB-BA-002': form(
    '异地就医备案登记表',
    [
      ['参保人', { ...person(), contactPhone: field.element('DE-LXDH') }],
      [
        '备案信息',
        {
          reason: field.code('备案类型', codes('异地安置退休', '异地长期居住', '常驻异地工作', '异地转诊就医', '临时外出就医')),
          destination: field.address('就医地'),
          ...period('备案开始日期', '备案结束日期'),
        },
      ],
    ],
    { optional: ['endDate'] },
  ),

  // ── 民政 ─────────────────────────────────────────────────────────────────────
  'DCF-MZ-QR-001': form(
    '最低生活保障申请书',
    [
      [
        '申请人',
        {
          ...person(),
          householdAddress: field.element('DE-JSDZ', { title: '户籍地址', ...prefill('person', 'residentId', 'person.householdAddress') }),
          contactPhone: field.element('DE-LXDH'),
        },
      ],
      [
        '家庭情况',
        {
          members: field.repeat(
            '共同生活的家庭成员',
            {
              name: field.text('姓名', 50),
              idNumber: field.residentId('身份证号码'),
              relation: field.code('与申请人关系', codes('本人', '配偶', '子女', '父母', '其他')),
              monthlyIncome: field.money('月收入', { 'x-min': '0' }),
              health: field.code('健康状况', codes('健康', '慢性病', '重病', '残疾')),
            },
            ['name', 'idNumber', 'relation', 'monthlyIncome', 'health'],
            { min: 1, max: 12 },
          ),
          housing: field.code('住房情况', codes('自有住房', '租赁住房', '借住', '其他')),
          reason: field.text('申请理由', 500),
        },
      ],
    ],
    { multiline: ['reason'] },
  ),

  'DCF-MZ-BA-002': form('养老机构备案书', [
    ['举办者', organisation()],
    [
      '机构情况',
      {
        institutionName: field.text('养老机构名称', 100),
        businessAddress: field.element('DE-JYCS', { title: '服务场所地址' }),
        buildingArea: field.element('DE-JZMJ'),
        beds: field.number('床位数', '张', 0, { minimum: 1, maximum: 5000 }),
        nature: field.code('机构性质', codes('营利性', '非营利性')),
      },
    ],
    ['联系人', contact()],
  ]),

  // ── 税务 ─────────────────────────────────────────────────────────────────────
  'DCF-SW-DJ-001': form('新办纳税人涉税事项综合申请表', [
    ['纳税人', { ...organisation(), domicile: field.element('DE-ZS', prefill('enterprise', 'creditCode', 'enterprise.address')) }],
    [
      '涉税事项',
      {
        taxpayerType: field.code('增值税纳税人类型', codes('小规模纳税人', '一般纳税人')),
        accounting: field.code('会计核算方式', codes('独立核算', '非独立核算')),
        invoices: field.codes('申领发票种类', codes('增值税普通发票（电子）', '增值税专用发票（电子）', '机动车销售统一发票')),
        financialOfficer: namedPerson('财务负责人', {}, ['phone']),
      },
    ],
    ['办税人', { taxAgent: namedPerson('办税人员', {}, ['phone']) }],
  ]),

  // ── 不动产登记 ────────────────────────────────────────────────────────────────
  'DCF-BDC-DJ-001': form(
    '不动产登记申请书（转移登记）',
    [
      [
        '不动产',
        {
          location: field.address('坐落'),
          certificateNumber: field.text('不动产权证书号', 40, { description: '如：鲁（2021）聊城市不动产权第0012345号' }),
          area: field.number('建筑面积', '平方米', 2, { maximum: 100000 }),
          price: field.money('成交价格'),
          ownership: field.code('共有情况', codes('单独所有', '共同共有', '按份共有')),
        },
      ],
      ['转让方与受让方', { seller: namedPerson('转让方（出卖人）'), buyer: namedPerson('受让方（买受人）', {}, ['phone']) }],
    ],
    {
      situations: [
        situation('转让方与受让方', {
          when: { question: 'Q1', answers: ['AGENT'] },
          fields: {
            agent: namedPerson('代理人', { notarialCertificate: field.text('委托书公证书编号', 40) }, ['notarialCertificate', 'phone']),
          },
          require: ['agent'],
        }),
      ],
    },
  ),

  // ── 交通运输 ──────────────────────────────────────────────────────────────────
  'DCF-JT-XK-001': form('道路货物运输经营申请表', [
    [
      '申请人',
      {
        ...organisation(),
        businessAddress: field.element('DE-JYCS'),
        operationScope: field.codes(
          '申请经营范围',
          codes('普通货运', '货物专用运输（集装箱）', '货物专用运输（冷藏保鲜）', '大型物件运输'),
        ),
      },
    ],
    [
      '车辆与人员',
      {
        vehicles: field.repeat(
          '拟投入车辆',
          {
            plateNumber: plate('号牌号码'),
            vehicleType: field.code('车辆类型', codes('重型厢式货车', '重型仓栅式货车', '重型半挂牵引车', '中型厢式货车', '轻型厢式货车')),
            loadTons: field.number('核定载质量', '吨', 2, { maximum: 100 }),
          },
          ['plateNumber', 'vehicleType', 'loadTons'],
          { min: 1, max: 200 },
        ),
        drivers: field.repeat(
          '驾驶人员',
          { name: field.text('姓名', 50), idNumber: field.residentId('身份证号码'), qualification: field.text('从业资格证号', 30) },
          ['name', 'idNumber', 'qualification'],
          { min: 1, max: 200 },
        ),
      },
    ],
    ['联系人', contact()],
  ]),

  // ── 生态环境 ──────────────────────────────────────────────────────────────────
  'DCF-HB-XK-001': form('排污许可证申请表', [
    [
      '排污单位',
      {
        ...organisation(),
        site: field.address('生产经营场所地址'),
        industry: field.text('行业类别', 50),
        category: field.code('管理类别', codes('重点管理', '简化管理')),
      },
    ],
    [
      '排放口',
      {
        outlets: field.repeat(
          '主要排放口',
          {
            code: field.text('排放口编号', 10, {
              pattern: '^(DA|DW)[0-9]{3}$',
              'x-pattern-message': '废气排放口为DA加3位数字，废水为DW加3位数字',
            }),
            pollutants: field.text('主要污染物', 100),
            standard: field.text('执行排放标准', 100),
          },
          ['code', 'pollutants', 'standard'],
          { min: 1, max: 50 },
        ),
      },
    ],
    ['联系人', contact()],
  ]),

  'DCF-HB-SP-002': form('建设项目环境影响报告表审批申请', [
    [
      '建设项目',
      {
        projectCode: field.element('DE-XMDM'),
        projectName: field.element('DE-XMMC', prefill('project', 'projectCode', 'project.name')),
        site: field.element('DE-JSDZ', prefill('project', 'projectCode', 'project.location')),
        totalInvestment: field.element('DE-ZTZ', prefill('project', 'projectCode', 'project.totalInvestmentYuan')),
        environmentalInvestment: field.money('环保投资'),
      },
    ],
    ['建设单位与编制单位', { ...organisation(), preparer: party('报告表编制单位', 'preparer') }],
    ['联系人', contact()],
  ]),

  // ── 教育和体育 ────────────────────────────────────────────────────────────────
  'DCF-JY-XK-001': form('民办幼儿园设立申请书', [
    ['举办者', { ...organisation(), funding: field.money('开办资金') }],
    [
      '园所情况',
      {
        schoolName: field.text('幼儿园名称', 100),
        businessAddress: field.element('DE-JYCS', { title: '园址' }),
        buildingArea: field.element('DE-JZMJ', { title: '园舍建筑面积' }),
        outdoorArea: field.number('户外活动场地面积', '平方米', 2),
        classes: field.number('拟设班数', '个', 0, { minimum: 1, maximum: 30 }),
        enrolment: field.number('拟招生规模', '人', 0, { minimum: 1, maximum: 1000 }),
        principal: namedPerson('拟任园长', { qualification: field.text('教师资格证书编号', 30) }, ['qualification']),
      },
    ],
  ]),

  'DCF-TY-XK-002': form('经营高危险性体育项目（游泳）许可申请表', [
    ['申请单位', { ...organisation(), businessAddress: field.element('DE-JYCS', { title: '场馆地址' }) }],
    [
      '场地与人员',
      {
        poolArea: field.number('水面面积', '平方米', 2, { maximum: 20000 }),
        minDepth: field.number('最浅水深', '米', 2, { maximum: 10 }),
        maxDepth: field.number('最深水深', '米', 2, { maximum: 10 }),
        lifeguards: field.repeat(
          '救生员',
          { name: field.text('姓名', 50), certificate: field.text('救生员职业资格证书编号', 30) },
          ['name', 'certificate'],
          { min: 1, max: 50 },
        ),
        instructors: field.number('社会体育指导员人数', '人', 0, { minimum: 0 }),
        openingHours: field.text('开放时间', 50, { description: '如：每日9:00—21:00' }),
      },
    ],
    ['联系人', contact()],
  ]),

  // ── 综合行政执法（城市管理） ─────────────────────────────────────────────────────
  'DCF-ZF-XK-001': form('城市建筑垃圾处置核准申请表', [
    [
      '申请单位',
      {
        ...organisation(),
        projectName: field.element('DE-XMMC', { title: '工程名称' }),
        site: field.element('DE-JSDZ', { title: '工程地址' }),
      },
    ],
    [
      '处置情况',
      {
        volume: field.number('预计产生量', '立方米', 1, { maximum: 10000000 }),
        disposalSite: field.text('消纳场所', 100),
        transporter: party('运输单位', 'transporter'),
        vehicles: field.repeat('运输车辆', { plateNumber: plate('号牌号码') }, ['plateNumber'], { min: 1, max: 100 }),
        ...period('处置起始日期', '处置截止日期'),
      },
    ],
    ['联系人', contact()],
  ]),

  'DCF-ZF-XK-002': form(
    '城市大型户外广告设置临时许可申请表',
    [
      ['申请单位', { ...organisation(), ...contact() }],
      [
        '广告情况',
        {
          location: field.address('设置地点'),
          content: field.text('广告内容', 200),
          area: field.number('广告面积', '平方米', 2, { maximum: 2000 }),
          ...period('设置起始日期', '设置截止日期'),
        },
      ],
    ],
    { optional: ['contactName'] },
  ),
};
