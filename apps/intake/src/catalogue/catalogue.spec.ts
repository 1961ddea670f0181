import { FORM_SCHEMA_DIALECT, field, type FormDefinition } from '@onewindow/forms';
import Ajv2020 from 'ajv/dist/2020';
import { CATALOGUE_SCHEMA, validateCatalogueDocument, type CatalogueDocument, type ServiceItemSpec } from './catalogue-document';
import { DEMO_CATALOGUE_DOCUMENT } from './demo-catalogue.data';
import { exportCatalogue, planImport } from './catalogue-versions';
import type { ServiceBundle } from './service-bundle.entity';
import type { ServiceItem } from './service-item.entity';

/** 食品经营许可申请书, abridged. */
function aForm(extra: FormDefinition['schema']['properties'] = {}): FormDefinition {
  return {
    schema: {
      $schema: FORM_SCHEMA_DIALECT,
      title: '食品经营许可申请书',
      type: 'object',
      additionalProperties: false,
      required: ['businessAddress'],
      properties: { businessAddress: field.element('DE-JYCS'), application: field.material('申请书', 'M01'), ...extra },
    },
    layout: { groups: [{ title: '经营场所', fields: ['businessAddress', 'application', ...Object.keys(extra)] }] },
  };
}

function anItem(overrides: Partial<ServiceItemSpec> = {}): ServiceItemSpec {
  return {
    code: 'DCF-SCJG-XK-001',
    name: '食品经营许可（新办）',
    department: 'DCF-SCJGJ',
    kind: '行政许可',
    handlingType: 'committed',
    legalWorkingDays: 20,
    committedWorkingDays: 5,
    conditions: ['具有与经营的食品品种、数量相适应的经营场所'],
    legalBasis: ['《中华人民共和国食品安全法》第三十五条'],
    fee: { charged: false },
    channels: ['window', 'online'],
    levels: ['district'],
    entrustedToWindow: true,
    handledInDepartmentSystem: false,
    supervisingDepartments: ['DCF-SCJGJ'],
    questions: [],
    materials: [
      {
        code: 'M01',
        name: '食品经营许可申请书',
        form: 'original',
        copies: 1,
        mayFollowLater: false,
        pledgeAllowed: false,
        requirement: '申请人签字或盖章',
      },
    ],
    form: aForm(),
    ...overrides,
  };
}

function aCatalogue(overrides: Partial<CatalogueDocument> = {}): CatalogueDocument {
  return {
    departments: [
      { code: 'DCF-SCJGJ', name: '东昌府区市场监督管理局' },
      { code: 'DCF-WJW', name: '东昌府区卫生健康委员会' },
    ],
    items: [
      anItem(),
      anItem({ code: 'DCF-WJW-XK-003', name: '公共场所卫生许可（新办）', department: 'DCF-WJW', supervisingDepartments: ['DCF-WJW'] }),
    ],
    bundles: [
      {
        code: 'DCF-YJS-KBCYD',
        name: '开办餐饮店',
        description: '一次申请，同时办理',
        leadDepartment: 'DCF-SCJGJ',
        itemCodes: ['DCF-SCJG-XK-001', 'DCF-WJW-XK-003'],
      },
    ],
    ...overrides,
  };
}

/** What the database would hold after importing `document` once. */
function rowsOf(document: CatalogueDocument): { items: ServiceItem[]; bundles: ServiceBundle[] } {
  const plan = planImport(document, { items: [], bundles: [] });
  const createdAt = new Date('2026-03-01T00:00:00Z');
  return {
    items: plan.items.map(({ content, version }) => ({ ...content, id: `id-${content.code}`, version, current: true, createdAt })),
    bundles: plan.bundles.map(({ content, version }) => ({ ...content, id: `id-${content.code}`, version, current: true, createdAt })),
  };
}

describe('a catalogue file', () => {
  it('is accepted when every rule holds', () => {
    expect(validateCatalogueDocument(aCatalogue())).toEqual([]);
  });

  it('lists every problem with its path, not only the first', () => {
    const broken = aCatalogue({
      items: [
        anItem({
          committedWorkingDays: 30,
          supervisingDepartments: ['DCF-NOWHERE'],
          fee: { charged: true },
          questions: [
            {
              code: 'Q1',
              text: '经营项目',
              options: [
                { code: 'A', label: '预包装食品' },
                { code: 'B', label: '热食类' },
              ],
            },
          ],
          materials: [
            {
              code: 'M01',
              name: '申请书',
              form: 'original',
              copies: 1,
              mayFollowLater: false,
              pledgeAllowed: false,
              requirement: '签字',
              when: { question: 'Q2', answers: ['A'] },
            },
            {
              code: 'M02',
              name: '',
              form: 'photo' as never,
              copies: 1,
              mayFollowLater: false,
              pledgeAllowed: false,
              requirement: '签字',
              when: { question: 'Q1', answers: ['C'] },
            },
          ],
        }),
      ],
      bundles: [
        {
          code: 'DCF-YJS-KBCYD',
          name: '开办餐饮店',
          description: '—',
          leadDepartment: 'DCF-SCJGJ',
          itemCodes: ['DCF-SCJG-XK-001', 'DCF-WJW-XK-003'],
        },
      ],
    });
    expect(validateCatalogueDocument(broken)).toEqual([
      { path: 'items[0].committedWorkingDays', message: '承诺时限（30个工作日）不能超过法定时限（20个工作日）' },
      { path: 'items[0].fee.amountFen', message: '收费事项必须填写金额（单位：分，正整数）' },
      { path: 'items[0].fee.basis', message: '收费事项必须填写收费依据' },
      { path: 'items[0].supervisingDepartments[0]', message: '部门编码 DCF-NOWHERE 未在 departments 中定义' },
      { path: 'items[0].materials[0].when.question', message: '情形问题 Q2 未在 questions 中定义' },
      { path: 'items[0].materials[1].name', message: '必须填写' },
      { path: 'items[0].materials[1].form', message: '材料形式只能是 original、copy、original-and-copy、electronic 之一' },
      { path: 'items[0].materials[1].when.answers[0]', message: '选项 C 不是该情形问题的选项' },
      { path: 'bundles[0].itemCodes[1]', message: '事项 DCF-WJW-XK-003 不在本目录中' },
    ]);
  });

  it('asks for a missing department code instead of naming "undefined" as an unknown department', () => {
    const withoutDepartments = aCatalogue({
      items: [anItem({ department: undefined as never }), aCatalogue().items[1] as ServiceItemSpec],
      bundles: [
        {
          code: 'DCF-YJS-KBCYD',
          name: '开办餐饮店',
          description: '—',
          leadDepartment: 7 as never,
          itemCodes: ['DCF-SCJG-XK-001', 'DCF-WJW-XK-003'],
        },
      ],
    });
    expect(validateCatalogueDocument(withoutDepartments)).toEqual([
      { path: 'items[0].department', message: '必须填写主管部门编码（departments 中的一个）' },
      { path: 'bundles[0].leadDepartment', message: '必须填写牵头部门编码（departments 中的一个）' },
    ]);
  });

  it('checks each item’s form like the rest, every problem with its path under the item', () => {
    const broken = aCatalogue({
      items: [
        anItem({ form: aForm({ seats: { type: 'integer', title: '就餐座位数' }, kind: field.code('主体业态', []) }) }),
        anItem({
          code: 'DCF-WJW-XK-003',
          name: '公共场所卫生许可（新办）',
          department: 'DCF-WJW',
          supervisingDepartments: ['DCF-WJW'],
          form: undefined as never,
        }),
      ],
    });
    expect(validateCatalogueDocument(broken)).toEqual([
      { path: 'items[0].form.schema.properties.kind.x-codes', message: '不是有效的 JSON Schema 2020-12：至少需要1项' },
      { path: 'items[1].form', message: '每个事项都必须有申请表（form）' },
    ]);
    const unlabelled = aCatalogue({
      items: [anItem({ form: aForm({ seats: { type: 'integer', title: '就餐座位数' } }) }), aCatalogue().items[1] as ServiceItemSpec],
    });
    expect(validateCatalogueDocument(unlabelled)).toEqual([
      { path: 'items[0].form.schema.properties.seats.x-unit', message: '数字栏目必须注明单位（x-unit），如 平方米、人' },
      { path: 'items[0].form.schema.properties.seats.x-precision', message: '数字栏目必须注明小数位数（x-precision）' },
    ]);
  });

  it('names each entry of the wrong shape and each broken rule of its fields, in the order the file is written', () => {
    const document = aCatalogue() as unknown as { departments: unknown[]; items: Array<Record<string, unknown>>; bundles: unknown[] };
    document.departments.push('东昌府区应急管理局');
    document.items[0] = {
      ...document.items[0],
      fee: { charged: true, amountFen: 12.5, basis: ' ' },
      channels: [],
      copies: 1,
      levels: ['province'],
    };
    document.items[1] = { ...document.items[1], legalWorkingDays: 400, questions: 'none', entrustedToWindow: '是' };
    expect(validateCatalogueDocument(document)).toEqual([
      { path: 'departments[2]', message: '部门必须是一个对象' },
      { path: 'items[0].fee.amountFen', message: '收费事项必须填写金额（单位：分，正整数）' },
      { path: 'items[0].fee.basis', message: '收费事项必须填写收费依据' },
      { path: 'items[0].channels', message: '至少选择一个办理渠道' },
      { path: 'items[0].levels[0]', message: '受理层级只能是 district、town、village 之一' },
      { path: 'items[1].legalWorkingDays', message: '时限必须是0到365之间的整数（工作日）' },
      { path: 'items[1].entrustedToWindow', message: '必须是 true 或 false' },
      { path: 'items[1].questions', message: '办理情形必须是列表（没有情形时为空列表）' },
    ]);
  });

  it('publishes its shape as a JSON Schema an editor validates the demo catalogue against', () => {
    // An editor knows nothing of the x- message keywords; it validates with the standard ones.
    const editor = new Ajv2020({ strict: false, allErrors: true });
    expect(editor.validate(CATALOGUE_SCHEMA, DEMO_CATALOGUE_DOCUMENT)).toBe(true);
    expect(editor.validate(CATALOGUE_SCHEMA, { ...DEMO_CATALOGUE_DOCUMENT, bundles: [{ code: 'x' }] })).toBe(false);
  });

  it('refuses something that is not a catalogue at all', () => {
    expect(validateCatalogueDocument('items: []')).toEqual([
      { path: '', message: '文件内容必须是一个对象，包含 departments、items 和 bundles' },
    ]);
    expect(validateCatalogueDocument({})).toEqual([
      { path: 'departments', message: '必须是一个列表' },
      { path: 'items', message: '必须是一个列表' },
      { path: 'bundles', message: '必须是一个列表' },
    ]);
  });
});

describe('importing a catalogue', () => {
  it('writes version 1 of everything new', () => {
    const plan = planImport(aCatalogue(), { items: [], bundles: [] });
    expect(plan.items.map((entry) => [entry.content.code, entry.version])).toEqual([
      ['DCF-SCJG-XK-001', 1],
      ['DCF-WJW-XK-003', 1],
    ]);
    expect(plan.items[0]?.content.supervisingDepartments).toEqual([{ code: 'DCF-SCJGJ', name: '东昌府区市场监督管理局' }]);
    expect(plan.bundles).toEqual([
      expect.objectContaining({ version: 1, content: expect.objectContaining({ leadDepartmentName: '东昌府区市场监督管理局' }) }),
    ]);
  });

  it('writes a new version only of what changed, so accepted applications keep theirs', () => {
    const current = rowsOf(aCatalogue());
    const edited = aCatalogue();
    edited.items[0] = anItem({ committedWorkingDays: 3 });
    const plan = planImport(edited, current);
    expect(plan.items.map((entry) => [entry.content.code, entry.version, entry.content.committedWorkingDays])).toEqual([
      ['DCF-SCJG-XK-001', 2, 3],
    ]);
    expect(plan.unchanged).toEqual({ items: 1, bundles: 1 });
  });

  it('makes a new version of an item whose form alone changed', () => {
    const current = rowsOf(aCatalogue());
    const edited = aCatalogue();
    edited.items[1] = { ...(edited.items[1] as ServiceItemSpec), form: aForm({ seats: field.number('就餐座位数', '个', 0) }) };
    const plan = planImport(edited, current);
    expect(plan.items.map((entry) => [entry.content.code, entry.version])).toEqual([['DCF-WJW-XK-003', 2]]);
    expect(Object.keys(plan.items[0]?.content.form?.schema.properties ?? {})).toContain('seats');
  });

  it('takes back its own export unchanged', () => {
    const current = rowsOf(aCatalogue());
    const exported = exportCatalogue(current.items, current.bundles);
    expect(validateCatalogueDocument(exported)).toEqual([]);
    expect(planImport(exported, current)).toEqual({ items: [], bundles: [], unchanged: { items: 2, bundles: 1 } });
  });
});
