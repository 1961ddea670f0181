import { CHANNELS, HANDLING_TYPES, LEVELS } from '@onewindow/contracts';

/** 事项类型 */
export const ITEM_KINDS = ['行政许可', '行政确认', '行政给付', '行政裁决', '其他行政权力', '公共服务'] as const;
/** 原件 / 复印件 / 原件和复印件 / 电子材料 */
export const MATERIAL_FORMS = ['original', 'copy', 'original-and-copy', 'electronic'] as const;

const CODE_MESSAGE = '编码只能由大写字母、数字和连字符组成';
const code = (pattern: string) => ({ type: 'string', pattern, 'x-message': CODE_MESSAGE });
const TEXT_LIMIT = 2_000;
/** A text that must say something: blank or whitespace is not filled in. */
const text = {
  type: 'string',
  pattern: '\\S',
  maxLength: TEXT_LIMIT,
  'x-messages': { required: '必须填写', type: '必须填写', pattern: '必须填写' },
};
const oneOf = (values: readonly string[], what: string) => ({ enum: [...values], 'x-message': `${what}只能是 ${values.join('、')} 之一` });
const someOf = (values: readonly string[], what: string) => ({
  type: 'array',
  minItems: 1,
  items: oneOf(values, what),
  'x-message': `至少选择一个${what}`,
});
const flag = { type: 'boolean', 'x-message': '必须是 true 或 false' };
const listOf = (items: object, max: number, extra: object = {}) => ({
  type: 'array',
  maxItems: max,
  items,
  'x-messages': { type: '必须是一个列表', required: '必须是一个列表', maxItems: `最多${max}项，实际{actual}项` },
  ...extra,
});
const textList = (extra: object = {}) => ({
  type: 'array',
  items: { type: 'string', pattern: '\\S', 'x-message': '必须是非空文字' },
  'x-message': '必须是文字列表',
  ...extra,
});
/** A reference to one of the file's departments: the schema asks for it, the cross-reference check that it exists. */
const departmentCode = (what: string) => ({
  type: 'string',
  description: `${what}（departments 中的一个）`,
  'x-message': `必须填写${what}（departments 中的一个）`,
});
const workingDays = { type: 'integer', minimum: 0, maximum: 365, 'x-message': '时限必须是0到365之间的整数（工作日）' };

/**
 * The catalogue file's shape (事项标准库), JSON Schema 2020-12: the one definition the import checks
 * with and the one an editor validates a file against (`GET /catalogue/schema`). What a schema cannot
 * say — codes unique, departments, 情形 and items referred to that must exist, 承诺时限 within 法定时限,
 * each item's 申请表 — `validateCatalogueDocument` checks after it.
 */
export const CATALOGUE_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://onewindow.example/schemas/catalogue.schema.json',
  title: '事项目录文件',
  type: 'object',
  required: ['departments', 'items', 'bundles'],
  'x-message': '文件内容必须是一个对象，包含 departments、items 和 bundles',
  properties: {
    departments: listOf(
      {
        type: 'object',
        'x-message': '部门必须是一个对象',
        required: ['code', 'name'],
        properties: { code: code('^[A-Z0-9][A-Z0-9-]{1,39}$'), name: text },
      },
      500,
    ),
    items: listOf({ $ref: '#/$defs/item' }, 5_000),
    bundles: listOf({ $ref: '#/$defs/bundle' }, 500),
  },
  $defs: {
    item: {
      type: 'object',
      'x-message': '事项必须是一个对象',
      required: [
        'code',
        'name',
        'department',
        'kind',
        'handlingType',
        'legalWorkingDays',
        'committedWorkingDays',
        'conditions',
        'legalBasis',
        'fee',
        'channels',
        'levels',
        'entrustedToWindow',
        'handledInDepartmentSystem',
        'supervisingDepartments',
        'questions',
        'materials',
        'form',
      ],
      properties: {
        code: code('^[A-Z0-9][A-Z0-9-]{1,39}$'),
        name: text,
        department: departmentCode('主管部门编码'),
        kind: oneOf(ITEM_KINDS, '事项类型'),
        handlingType: oneOf(HANDLING_TYPES, '办件类型'),
        legalWorkingDays: workingDays,
        committedWorkingDays: workingDays,
        conditions: textList(),
        legalBasis: textList({ minItems: 1, 'x-messages': { minItems: '至少填写一条设定依据' } }),
        fee: { $ref: '#/$defs/fee' },
        channels: someOf(CHANNELS, '办理渠道'),
        levels: someOf(LEVELS, '受理层级'),
        entrustedToWindow: flag,
        handledInDepartmentSystem: flag,
        supervisingDepartments: { type: 'array', 'x-message': '监管部门必须是部门编码列表（可以为空）' },
        questions: {
          type: 'array',
          maxItems: 10,
          items: { $ref: '#/$defs/question' },
          'x-messages': {
            type: '办理情形必须是列表（没有情形时为空列表）',
            required: '办理情形必须是列表（没有情形时为空列表）',
            maxItems: '最多10个情形问题',
          },
        },
        materials: listOf({ $ref: '#/$defs/material' }, 60, {
          minItems: 1,
          'x-messages': {
            type: '必须是一个列表',
            required: '必须是一个列表',
            minItems: '至少需要一份申请材料',
            maxItems: '最多60项，实际{actual}项',
          },
        }),
        form: { description: '申请表（见 @onewindow/forms）', 'x-messages': { required: '每个事项都必须有申请表（form）' } },
      },
    },
    fee: {
      type: 'object',
      'x-message': '收费信息必须填写（不收费写 charged: false）',
      required: ['charged'],
      properties: { charged: flag },
      if: { required: ['charged'], properties: { charged: { const: true } } },
      then: {
        required: ['amountFen', 'basis'],
        properties: {
          amountFen: { type: 'integer', exclusiveMinimum: 0, 'x-message': '收费事项必须填写金额（单位：分，正整数）' },
          basis: { type: 'string', pattern: '\\S', 'x-message': '收费事项必须填写收费依据' },
        },
      },
    },
    question: {
      type: 'object',
      'x-message': '情形问题必须是一个对象',
      required: ['code', 'text', 'options'],
      properties: {
        code: code('^[A-Z0-9][A-Z0-9-]{0,19}$'),
        text,
        options: {
          type: 'array',
          minItems: 2,
          maxItems: 20,
          'x-message': '每个情形问题需要2到20个选项',
          items: {
            type: 'object',
            'x-message': '选项必须是一个对象',
            required: ['code', 'label'],
            properties: { code: code('^[A-Z0-9][A-Z0-9-]{0,19}$'), label: text },
          },
        },
      },
    },
    material: {
      type: 'object',
      'x-message': '材料必须是一个对象',
      required: ['code', 'name', 'requirement', 'form', 'copies', 'mayFollowLater', 'pledgeAllowed'],
      properties: {
        code: code('^[A-Z0-9][A-Z0-9-]{0,19}$'),
        name: text,
        requirement: text,
        form: oneOf(MATERIAL_FORMS, '材料形式'),
        copies: { type: 'integer', minimum: 0, maximum: 20, 'x-message': '份数必须是0到20之间的整数' },
        mayFollowLater: flag,
        pledgeAllowed: flag,
        when: {
          type: 'object',
          'x-message': '适用情形必须写成 { question, answers }',
          required: ['answers'],
          properties: { answers: { type: 'array', minItems: 1, 'x-message': '至少列出一个适用的选项' } },
        },
      },
    },
    bundle: {
      type: 'object',
      'x-message': '一件事必须是一个对象',
      required: ['code', 'name', 'description', 'leadDepartment', 'itemCodes'],
      properties: {
        code: code('^[A-Z0-9][A-Z0-9-]{1,39}$'),
        name: text,
        description: text,
        leadDepartment: departmentCode('牵头部门编码'),
        itemCodes: { type: 'array', minItems: 2, 'x-message': '一件事至少包含两个事项' },
      },
    },
  },
} as const;
