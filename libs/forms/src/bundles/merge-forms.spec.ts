import { aCreditCode } from '@onewindow/domain/testing';
import { aConstructionPermitForm, aFoodLicenceForm, aHygieneLicenceForm } from '../testing/sample-forms';
import { FormValidator } from '../validation/form-validator';
import { itemPathsOf, mergeForms, projectFormData } from './merge-forms';

const FOOD = 'DCF-SCJG-XK-001';
const HYGIENE = 'DCF-WJW-XK-003';

function aRestaurantBundle() {
  return mergeForms(
    [
      { itemCode: FOOD, itemName: '食品经营许可（新办）', form: aFoodLicenceForm() },
      { itemCode: HYGIENE, itemName: '公共场所卫生许可（新办）', form: aHygieneLicenceForm() },
    ],
    '开办餐饮店一表申请',
  );
}

function aRestaurantFiling(changes: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    creditCode: aCreditCode(),
    organisationName: '聊城市东昌府区鲁西餐饮有限公司',
    businessAddress: { division: '371502', detail: '古楼街道东关街88号' },
    contactPhone: '13806351234',
    premisesArea: 186.5,
    [FOOD]: { seats: 60 },
    [HYGIENE]: { businessAddress: '聊城市东昌府区东关街88号二楼' },
    ...changes,
  };
}

describe('a bundle form (一表申请)', () => {
  it('asks a data element shared by several items once, under the element’s key', () => {
    const merged = aRestaurantBundle();
    const asked = Object.keys(merged.form.schema.properties);
    expect(asked).toEqual(['creditCode', 'organisationName', 'businessAddress', 'contactPhone', 'premisesArea', FOOD, HYGIENE]);
    expect(merged.routes.find((route) => route.path === 'businessAddress')).toEqual({
      path: 'businessAddress',
      label: '经营场所（食品经营）',
      element: 'DE-JYCS',
      items: [
        { itemCode: FOOD, path: 'businessAddress' },
        { itemCode: HYGIENE, path: 'premises' },
      ],
    });
    expect(merged.form.layout.groups[0]).toEqual({
      title: '共同信息（各部门共用，只填一次）',
      fields: ['creditCode', 'organisationName', 'businessAddress', 'contactPhone', 'premisesArea'],
    });
  });

  it('requires a shared answer when any item requires it', () => {
    const merged = aRestaurantBundle();
    expect(merged.form.schema.required).toEqual([
      'creditCode',
      'organisationName',
      'businessAddress',
      'contactPhone',
      'premisesArea',
      FOOD,
    ]);
    const form = new FormValidator().form('bundle', merged.form);
    expect(form.validate(aRestaurantFiling({ contactPhone: undefined }), {})).toEqual({
      ok: false,
      problems: [{ path: 'contactPhone', message: '联系电话：必须填写' }],
    });
  });

  it('gives each department only its own item’s answers, by its own form’s names', () => {
    const merged = aRestaurantBundle();
    const data = aRestaurantFiling();
    expect(projectFormData(merged, data, HYGIENE)).toEqual({
      creditCode: data['creditCode'],
      premises: { division: '371502', detail: '古楼街道东关街88号' },
      businessAddress: '聊城市东昌府区东关街88号二楼',
      premisesArea: 186.5,
      contactPhone: '13806351234',
    });
    const forFood = projectFormData(merged, data, FOOD);
    expect(forFood).toEqual({
      creditCode: data['creditCode'],
      organisationName: '聊城市东昌府区鲁西餐饮有限公司',
      businessAddress: { division: '371502', detail: '古楼街道东关街88号' },
      contactPhone: '13806351234',
      seats: 60,
    });
    const food = new FormValidator().form(`${FOOD}@1`, aFoodLicenceForm(), { itemCode: FOOD });
    expect(food.validate(forFood, {})).toMatchObject({ ok: true });
  });

  it('keeps each item’s situations on its own answers', () => {
    const merged = aRestaurantBundle();
    const form = new FormValidator().form('bundle-situations', merged.form);
    const swimming = { [HYGIENE]: { Q1: 'SWIM' } };
    expect(form.validate(aRestaurantFiling(), swimming)).toEqual({
      ok: false,
      problems: [{ path: `${HYGIENE}.poolArea`, message: '公共场所卫生许可（新办）游泳池面积：必须填写' }],
    });
    expect(form.validate(aRestaurantFiling({ [HYGIENE]: { poolArea: 312.5 } }), swimming)).toMatchObject({ ok: true });
    expect(form.validate(aRestaurantFiling(), { [FOOD]: { Q1: 'SWIM' } })).toMatchObject({ ok: true });
  });

  it('rewrites auto-fill sources to the merged form’s paths', () => {
    const merged = aRestaurantBundle();
    expect(merged.form.schema.properties['organisationName']?.['x-prefill']).toEqual({
      source: 'enterprise',
      from: 'creditCode',
      field: 'applicant.name',
    });
    expect(itemPathsOf(merged, 'businessAddress.detail')).toEqual([
      { itemCode: FOOD, path: 'businessAddress.detail' },
      { itemCode: HYGIENE, path: 'premises.detail' },
    ]);
    expect(itemPathsOf(merged, `${FOOD}.seats`)).toEqual([{ itemCode: FOOD, path: 'seats' }]);
  });

  it('leaves the form of a single item as it is', () => {
    const merged = mergeForms(
      [{ itemCode: 'DCF-ZJ-XK-012', itemName: '建筑工程施工许可证核发', form: aConstructionPermitForm() }],
      '施工许可',
    );
    expect(merged.form.schema.title).toBe('建筑工程施工许可申请表');
    expect(projectFormData(merged, { projectName: '实验小学', builder: { name: '教体局' } }, 'DCF-ZJ-XK-012')).toEqual({
      projectName: '实验小学',
      builder: { name: '教体局' },
    });
  });
});
