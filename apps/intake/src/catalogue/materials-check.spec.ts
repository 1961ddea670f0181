import type { MaterialSpec } from './catalogue-document';
import { checkMaterials, requiredMaterials, type ItemUnderCheck, type MaterialCheckEntry } from './materials-check';

function aMaterial(code: string, overrides: Partial<MaterialSpec> = {}): MaterialSpec {
  return {
    code,
    name: `材料${code}`,
    form: 'original',
    copies: 1,
    mayFollowLater: false,
    pledgeAllowed: false,
    requirement: `材料${code}的要求`,
    ...overrides,
  };
}

/** 企业设立登记 with one situation question: the kind of company selects the articles or the partnership agreement. */
const companyRegistration: ItemUnderCheck = {
  code: 'DJ-001',
  name: '企业设立登记',
  questions: [
    {
      code: 'Q1',
      text: '企业类型',
      options: [
        { code: 'LLC', label: '有限责任公司' },
        { code: 'PARTNERSHIP', label: '合伙企业' },
      ],
    },
  ],
  materials: [
    aMaterial('M01', { name: '登记申请书' }),
    aMaterial('M02', { name: '公司章程', when: { question: 'Q1', answers: ['LLC'] } }),
    aMaterial('M03', { name: '合伙协议', when: { question: 'Q1', answers: ['PARTNERSHIP'] } }),
    aMaterial('M04', { name: '住所使用证明', pledgeAllowed: true }),
  ],
};

const foodPermit: ItemUnderCheck = {
  code: 'XK-001',
  name: '食品经营许可',
  questions: [],
  materials: [aMaterial('M01', { name: '申请书' }), aMaterial('M03', { name: '食品安全管理制度', mayFollowLater: true })],
};

const provided = (itemCode: string, materialCode: string): MaterialCheckEntry => ({ itemCode, materialCode, finding: 'provided' });

describe('the situation (办理情形) selects the material list', () => {
  it('requires only the materials of the chosen answers', () => {
    const { materials, problems } = requiredMaterials(companyRegistration, { Q1: 'PARTNERSHIP' }, 'situations');
    expect(problems).toEqual([]);
    expect(materials.map((m) => m.code)).toEqual(['M01', 'M03', 'M04']);
  });

  it('asks for every unanswered question and refuses an answer that is not an option', () => {
    expect(requiredMaterials(companyRegistration, {}, 'situations.DJ-001').problems).toEqual([
      { field: 'situations.DJ-001.Q1', message: '请回答办理情形问题：企业类型' },
    ]);
    expect(requiredMaterials(companyRegistration, { Q1: 'SOLE' }, 's').problems[0]?.message).toBe(
      '“企业类型”的选项只能是 LLC（有限责任公司）、PARTNERSHIP（合伙企业）',
    );
  });
});

describe('the materials check at the window', () => {
  const today = '2026-03-05';

  it('accepts a complete file, with a deficiency (容缺) and a pledge (告知承诺) where the catalogue allows them', () => {
    const result = checkMaterials({
      items: [companyRegistration, foodPermit],
      answers: { 'DJ-001': { Q1: 'LLC' } },
      entries: [
        provided('DJ-001', 'M01'),
        provided('DJ-001', 'M02'),
        { itemCode: 'DJ-001', materialCode: 'M04', finding: 'pledged' },
        provided('XK-001', 'M01'),
        { itemCode: 'XK-001', materialCode: 'M03', finding: 'to-follow', dueDate: '2026-03-20' },
      ],
      today,
      dueWithinDays: 60,
    });
    expect(result).toEqual({
      outcome: 'accepted',
      received: [
        { itemCode: 'DJ-001', materialCode: 'M01', materialName: '登记申请书' },
        { itemCode: 'DJ-001', materialCode: 'M02', materialName: '公司章程' },
        { itemCode: 'XK-001', materialCode: 'M01', materialName: '申请书' },
      ],
      deficiencies: [{ itemCode: 'XK-001', materialCode: 'M03', materialName: '食品安全管理制度', dueDate: '2026-03-20' }],
      pledges: [{ itemCode: 'DJ-001', materialCode: 'M04', materialName: '住所使用证明' }],
    });
  });

  it('refuses 容缺 and 告知承诺 to a blacklisted applicant, saying why and asking for the material', () => {
    const result = checkMaterials({
      items: [companyRegistration, foodPermit],
      answers: { 'DJ-001': { Q1: 'LLC' } },
      entries: [
        { itemCode: 'DJ-001', materialCode: 'M04', finding: 'pledged' },
        { itemCode: 'XK-001', materialCode: 'M03', finding: 'to-follow', dueDate: '2026-03-20' },
      ],
      allOtherMaterialsProvided: true,
      today,
      dueWithinDays: 60,
      creditBar: '列入失信名单（拖欠农民工工资（2026-02-01））',
    });
    expect(result).toEqual({
      outcome: 'invalid',
      problems: [
        {
          field: 'materials[0].finding',
          code: 'CREDIT_NO_TOLERANCE',
          message: '申请人列入失信名单（拖欠农民工工资（2026-02-01）），不适用告知承诺，请提交“住所使用证明”，按一般程序受理',
        },
        expect.objectContaining({
          field: 'materials[1].finding',
          code: 'CREDIT_NO_TOLERANCE',
          message: expect.stringContaining('不适用容缺受理，请提交“食品安全管理制度”'),
        }),
      ],
    });
  });

  it('puts every missing and faulty material of every item on one notice (一次性告知)', () => {
    const result = checkMaterials({
      items: [companyRegistration, foodPermit],
      answers: { 'DJ-001': { Q1: 'LLC' } },
      entries: [
        { itemCode: 'DJ-001', materialCode: 'M02', finding: 'faulty', problem: '缺少股东签字' },
        provided('DJ-001', 'M04'),
        provided('XK-001', 'M01'),
      ],
      today,
      dueWithinDays: 60,
    });
    expect(result.outcome).toBe('notice');
    if (result.outcome !== 'notice') return;
    expect(result.lines.map((line) => [line.itemCode, line.materialCode, line.problem])).toEqual([
      ['DJ-001', 'M01', '未提交'],
      ['DJ-001', 'M02', '缺少股东签字'],
      ['XK-001', 'M03', '未提交'],
    ]);
    expect(result.lines[0]?.requirement).toBe('材料M01的要求');
  });

  it('counts materials not listed as provided only when the clerk says every other material is there', () => {
    const base = { items: [foodPermit], answers: {}, entries: [], today, dueWithinDays: 60 };
    expect(checkMaterials(base).outcome).toBe('notice');
    expect(checkMaterials({ ...base, allOtherMaterialsProvided: true }).outcome).toBe('accepted');
  });

  it('refuses, field by field, what does not fit the catalogue, and decides nothing', () => {
    const result = checkMaterials({
      items: [companyRegistration, foodPermit],
      answers: { 'DJ-001': { Q1: 'PARTNERSHIP' }, 'NOT-IN-APPLICATION': {} },
      entries: [
        provided('DJ-001', 'M02'),
        { itemCode: 'DJ-001', materialCode: 'M01', finding: 'to-follow', dueDate: '2026-03-20' },
        { itemCode: 'XK-001', materialCode: 'M01', finding: 'pledged' },
        { itemCode: 'XK-001', materialCode: 'M03', finding: 'to-follow', dueDate: '2026-03-05' },
        { itemCode: 'XK-001', materialCode: 'M03', finding: 'faulty' },
        provided('ZZ-999', 'M01'),
      ],
      today,
      dueWithinDays: 60,
    });
    expect(result).toEqual({
      outcome: 'invalid',
      problems: [
        { field: 'situations.NOT-IN-APPLICATION', message: '申请中没有事项 NOT-IN-APPLICATION' },
        { field: 'materials[0].materialCode', message: '材料 M02 不属于事项“企业设立登记”所选办理情形的材料清单' },
        { field: 'materials[1].finding', message: '材料“登记申请书”不适用容缺受理' },
        { field: 'materials[2].finding', message: '材料“申请书”不适用告知承诺' },
        { field: 'materials[3].dueDate', message: '补交期限必须晚于今天' },
        { field: 'materials[4].materialCode', message: '材料“食品安全管理制度”重复登记' },
        { field: 'materials[4].problem', message: '请写明材料“食品安全管理制度”存在的问题' },
        { field: 'materials[5].itemCode', message: '申请中没有事项 ZZ-999' },
      ],
    });
  });

  it('bounds a 容缺 due date: after today, and no later than the configured days after it', () => {
    const toFollow = (dueDate: string) =>
      checkMaterials({
        items: [foodPermit],
        answers: {},
        entries: [{ itemCode: 'XK-001', materialCode: 'M03', finding: 'to-follow', dueDate }],
        allOtherMaterialsProvided: true,
        today,
        dueWithinDays: 30,
      });
    expect(toFollow('2026-04-04').outcome).toBe('accepted');
    for (const dueDate of ['2026-04-05', '2099-01-01']) {
      expect(toFollow(dueDate)).toEqual({
        outcome: 'invalid',
        problems: [{ field: 'materials[0].dueDate', message: '补交期限不能晚于2026-04-04（受理后30天内）' }],
      });
    }
  });
});
