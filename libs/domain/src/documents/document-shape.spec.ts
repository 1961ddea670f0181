import { compileDocumentShape, inDocumentOrder } from './document-shape';

const checkRoster = compileDocumentShape({
  type: 'object',
  required: ['windows', 'centre'],
  'x-message': '文件内容必须是一个对象',
  properties: {
    centre: { type: 'string', pattern: '\\S', 'x-messages': { required: '请填写中心名称', pattern: '中心名称不能为空白' } },
    windows: {
      type: 'array',
      maxItems: 2,
      'x-messages': { maxItems: '最多2个窗口，实际{actual}个' },
      items: {
        type: 'object',
        required: ['number', 'kind'],
        properties: {
          number: { type: 'integer', minimum: 1, maximum: 99 },
          kind: { enum: ['综合窗口', '出件窗口'] },
          opensAt: { type: 'string', maxLength: 5 },
        },
      },
    },
  },
});

describe('a document checked against its published schema', () => {
  it('has no problems when it follows the schema', () => {
    expect(checkRoster({ centre: '东昌府区政务服务中心', windows: [{ number: 1, kind: '综合窗口' }] })).toEqual([]);
  });

  it('says what is wrong in Chinese, by path, in the order the file is written', () => {
    const problems = checkRoster({
      windows: [{ kind: '自助窗口', number: 0, opensAt: '08:30:00' }, { number: 'three' }, 'a window'],
      centre: ' ',
    });
    expect(problems).toEqual([
      { path: 'windows', message: '最多2个窗口，实际3个' },
      { path: 'windows[0].kind', message: '只能是 综合窗口、出件窗口 之一' },
      { path: 'windows[0].number', message: '不能小于1' },
      { path: 'windows[0].opensAt', message: '不能超过5个字' },
      { path: 'windows[1].number', message: '必须是整数' },
      { path: 'windows[1].kind', message: '必须填写' },
      { path: 'windows[2]', message: '必须是一个对象' },
      { path: 'centre', message: '中心名称不能为空白' },
    ]);
  });

  it('uses the message the schema gives for a missing value', () => {
    expect(checkRoster({ windows: [] })).toEqual([{ path: 'centre', message: '请填写中心名称' }]);
  });

  it('says once what is wrong with a value of the wrong type', () => {
    expect(checkRoster('windows: []')).toEqual([{ path: '', message: '文件内容必须是一个对象' }]);
  });

  it('lets a oneOf with its own message speak for its branches, and asks for a key another key requires where it is missing', () => {
    const check = compileDocumentShape({
      type: 'object',
      properties: {
        phone: { type: 'string' },
        email: { type: 'string' },
        extension: { type: 'string', 'x-messages': { dependentRequired: '写了分机号时必须填写' } },
      },
      oneOf: [{ required: ['phone'] }, { required: ['email'] }],
      dependentRequired: { phone: ['extension'] },
      'x-messages': { oneOf: '需要 phone、email 其中之一' },
    });
    expect(check({ phone: '1', extension: '2', email: 'a@b' })).toEqual([{ path: '', message: '需要 phone、email 其中之一' }]);
    expect(check({})).toEqual([{ path: '', message: '需要 phone、email 其中之一' }]);
    expect(check({ phone: '1' })).toEqual([{ path: 'extension', message: '写了分机号时必须填写' }]);
  });

  it('names each unknown key at its own path, with the message the object gives for it', () => {
    const check = compileDocumentShape({
      type: 'object',
      additionalProperties: false,
      properties: {
        centre: { type: 'string' },
        hall: { type: 'object', additionalProperties: false, properties: { floor: { type: 'integer' } } },
      },
      'x-messages': { additionalProperties: '未知的键（应为 centre、hall 之一）' },
    });
    expect(check({ centr: 'x', hall: { flor: 1, floor: 'one' }, extra: true })).toEqual([
      { path: 'centr', message: '未知的键（应为 centre、hall 之一）' },
      { path: 'hall.flor', message: '“flor”不是可识别的字段' },
      { path: 'hall.floor', message: '必须是整数' },
      { path: 'extra', message: '未知的键（应为 centre、hall 之一）' },
    ]);
  });
});

describe('a document with a field its schema does not know', () => {
  const checkStrict = compileDocumentShape({
    type: 'object',
    'x-message': '文件内容必须是一个对象',
    additionalProperties: false,
    properties: { centre: { type: 'string' } },
  });

  it('names the unknown field by its own path, not with the object’s message', () => {
    expect(checkStrict({ centre: '东昌府区政务服务中心', centr: '古楼街道' })).toEqual([
      { path: 'centr', message: '“centr”不是可识别的字段' },
    ]);
  });
});

describe('problems in document order', () => {
  it('merges problems found elsewhere into the order the file is written', () => {
    const document = { b: [{ y: 1, x: 2 }], a: 1 };
    const ordered = inDocumentOrder(
      [
        { path: 'a', message: '一' },
        { path: 'b[0].x', message: '二' },
        { path: 'b[0].missing', message: '三' },
        { path: 'b[0].y', message: '四' },
      ],
      document,
    );
    expect(ordered.map((problem) => problem.message)).toEqual(['四', '二', '三', '一']);
  });
});
