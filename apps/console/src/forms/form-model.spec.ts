import { FORM_SCHEMA_DIALECT, field, prefill as prefillFrom, type FormDefinition } from '@onewindow/forms';
import { describe, expect, it } from 'vitest';
import type { Prefill } from '@/api/bridge';
import { applyPrefill, blankForm, isRequired, lookupKeys, schemaFor, shownGroups, withFieldsOf } from './form-model';

/** A small 施工许可-like form: a party filled from 法人库, a table, a situational field. */
const definition: FormDefinition = {
  schema: {
    $schema: FORM_SCHEMA_DIALECT,
    title: '建筑工程施工许可申请表',
    type: 'object',
    additionalProperties: false,
    required: ['projectName', 'builder'],
    properties: {
      projectName: field.text('项目名称', 200),
      buildingArea: field.number('建筑面积', '平方米', 2),
      builder: field.group(
        '建设单位',
        {
          creditCode: field.creditCode('统一社会信用代码'),
          name: field.text('名称', 100, prefillFrom('enterprise', 'builder.creditCode', 'applicant.name')),
          address: field.address('住所', prefillFrom('enterprise', 'builder.creditCode', 'enterprise.address')),
        },
        ['creditCode', 'name'],
      ),
      staff: field.repeat('项目负责人', { name: field.text('姓名', 50) }, ['name'], { min: 1, max: 5 }),
    },
  },
  layout: {
    groups: [
      { title: '项目信息', fields: ['projectName', 'buildingArea', 'highRise'] },
      { title: '建设单位', fields: ['builder'] },
      { title: '人员', fields: ['staff'] },
    ],
  },
  situations: [{ when: { question: 'Q1', answers: ['HIGH'] }, fields: { highRise: field.yesNo('是否超高层') }, require: ['buildingArea'] }],
};

const enterprise: Prefill = {
  prefillId: '0b8f2c1e-3d4a-4f5b-8c6d-7e8f9a0b1c2d',
  key: { kind: 'creditCode', value: '91350100M000100Y43' },
  source: '聊城市法人单位基础信息库',
  fetchedAt: '2026-03-05T02:10:00.000Z',
  fields: [
    {
      path: 'applicant.name',
      value: '聊城市东昌府区鲁西餐饮有限公司',
      source: '聊城市法人单位基础信息库',
      fetchedAt: '2026-03-05T02:10:00.000Z',
    },
    {
      path: 'enterprise.address',
      value: '山东省聊城市东昌府区古楼街道东关街88号',
      source: '聊城市法人单位基础信息库',
      fetchedAt: '2026-03-05T02:10:00.000Z',
    },
  ],
};

describe('the form at the window', () => {
  it('shows a situational field only in its situation, and requires what the situation requires', () => {
    const plain = schemaFor(definition, {}, 'DCF-ZJ-XK-012');
    expect(shownGroups(definition, plain)[0]!.fields.map((f) => f.path)).toEqual(['projectName', 'buildingArea']);
    expect(isRequired(plain, 'buildingArea')).toBe(false);
    const high = schemaFor(definition, { 'DCF-ZJ-XK-012': { Q1: 'HIGH' } }, 'DCF-ZJ-XK-012');
    expect(shownGroups(definition, high)[0]!.fields.map((f) => f.path)).toEqual(['projectName', 'buildingArea', 'highRise']);
    expect(isRequired(high, 'buildingArea')).toBe(true);
    expect(isRequired(high, 'builder.name')).toBe(true);
  });

  it("starts blank in the form's shape: groups as objects, tables with their least rows", () => {
    expect(blankForm(schemaFor(definition, {}))).toEqual({
      projectName: '',
      buildingArea: null,
      builder: { creditCode: '', name: '', address: { division: '', detail: '' } },
      staff: [{ name: '' }],
    });
  });

  it('gives a field a situation adds its blank value, keeping what was typed', () => {
    const high = schemaFor(definition, { X: { Q1: 'HIGH' } }, 'X');
    expect(withFieldsOf(high, { projectName: '运河古城修缮' })).toMatchObject({ projectName: '运河古城修缮', highRise: null });
  });

  it("fills the fields looked up by a key from the bridge's answer, in each field's shape, and says what it filled", () => {
    const schema = schemaFor(definition, {});
    expect(lookupKeys(schema)).toEqual([{ path: 'builder.creditCode', source: 'enterprise' }]);
    const { data, filled } = applyPrefill(schema, blankForm(schema), 'builder.creditCode', enterprise);
    expect(data['builder']).toMatchObject({
      name: '聊城市东昌府区鲁西餐饮有限公司',
      address: { division: '371502', detail: '古楼街道东关街88号' },
    });
    expect(filled.map((f) => [f.path, f.source, f.sourceName])).toEqual([
      ['builder.name', 'enterprise', '聊城市法人单位基础信息库'],
      ['builder.address', 'enterprise', '聊城市法人单位基础信息库'],
    ]);
  });

  it('leaves alone the fields another key fills', () => {
    const schema = schemaFor(definition, {});
    expect(applyPrefill(schema, blankForm(schema), 'creditCode', enterprise).filled).toEqual([]);
  });
});
