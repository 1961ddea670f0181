import { Clock } from '@onewindow/platform';
import { DEMO_CATALOGUE_DOCUMENT } from '../catalogue/demo-catalogue.data';
import type { ServiceItem } from '../catalogue/service-item.entity';
import { aConstructionPermitForm, aRestaurantBundleForm, RESTAURANT_BUNDLE_SITUATIONS } from '@onewindow/testing';
import { ApplicationForms } from './application-forms';
import type { FilledField } from '@onewindow/forms';
import { checkFilingForm, correctFilingForm, partChanges, partForm, type FiledForm } from './filing-form';

const clock: Clock = { now: () => new Date('2026-03-05T02:00:00Z') };
const forms = new ApplicationForms(clock);

function itemsOf(...codes: string[]): ServiceItem[] {
  return codes.map((code) => {
    const spec = DEMO_CATALOGUE_DOCUMENT.items.find((item) => item.code === code);
    if (!spec) throw new Error(`no demo item ${code}`);
    return { ...spec, version: 1, departmentCode: spec.department, departmentName: spec.department } as unknown as ServiceItem;
  });
}

const PERMIT = 'DCF-ZJ-XK-012';
const PERMIT_COMPANY = { creditCode: '91371502MA3D2L7Q5Y', name: '聊城市运河文化旅游发展有限公司' };
const FETCHED_AT = '2026-03-05T01:58:12.000Z';
const aPermitForm = () => {
  const { form, formSources } = aConstructionPermitForm(PERMIT_COMPANY);
  return { data: form, sources: formSources as FilledField[] };
};
const aRestaurantForm = () => {
  const { form, formSources } = aRestaurantBundleForm({ creditCode: '91350100M000100Y43', name: '聊城市东昌府区鲁西餐饮有限公司' });
  return { data: form, sources: formSources as FilledField[] };
};
const RESTAURANT = ['DCF-SCJG-DJ-001', 'DCF-SCJG-XK-001', 'DCF-WJW-XK-003', 'DCF-XF-JC-002'];

function filed(result: ReturnType<typeof checkFilingForm>): FiledForm {
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.filed;
}

describe('the form of a filing', () => {
  it('is refused field by field under `form.`, with a clear message for each missing answer', () => {
    const filing = forms.forFiling(itemsOf(PERMIT));
    const result = checkFilingForm(filing, {}, {});
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems).toContainEqual({ field: 'form.projectName', message: '项目名称：必须填写' });
    expect(result.ok ? [] : result.problems).toContainEqual({ field: 'form.buildingArea', message: '建筑面积：必须填写' });
  });

  it('records where auto-filled answers came from and counts them against the typed ones', () => {
    const filing = forms.forFiling(itemsOf(PERMIT));
    const { data, sources } = aPermitForm();
    const changedName = { ...data, builder: { ...(data['builder'] as object), legalRepresentative: '刘海波' } };
    const result = filed(checkFilingForm(filing, { data: changedName, sources }, {}));
    expect(result.provenance.find((entry) => entry.path === 'builder.name')).toEqual(
      expect.objectContaining({ source: 'enterprise', sourceName: '聊城市法人单位基础信息库', changed: false }),
    );
    expect(result.provenance.find((entry) => entry.path === 'builder.legalRepresentative')?.changed).toBe(true);
    expect(result.statistics.automatic).toBe(sources.length - 1);
    expect(result.statistics.changed).toBe(1);
    expect(result.statistics.typed).toBeGreaterThan(10);
  });

  it('refuses a source for a field the form does not have', () => {
    const filing = forms.forFiling(itemsOf(PERMIT));
    const { data, sources } = aPermitForm();
    const result = checkFilingForm(filing, { data, sources: [...sources, { ...(sources[0] as FilledField), path: 'builder' }] }, {});
    expect(result.ok ? [] : result.problems).toEqual([
      { field: `formSources[${sources.length}].path`, message: '“builder”不是申请表中的栏目，无法记录其数据来源' },
    ]);
  });

  it('gives the department its answers as read: labels with their group, code labels, units, sources', () => {
    const filing = forms.forFiling(itemsOf(PERMIT));
    const { data, sources } = aPermitForm();
    const share = partForm(filing, filed(checkFilingForm(filing, { data, sources }, {})), PERMIT, {});
    expect(share.data['buildingArea']).toBe(11260.5);
    expect(share.fields).toContainEqual({ path: 'buildingArea', label: '建筑面积', text: '11260.5平方米', element: 'DE-JZMJ' });
    expect(share.fields).toContainEqual({ path: 'projectType', label: '工程类别', text: '房屋建筑工程' });
    expect(share.fields).toContainEqual({
      path: 'site',
      label: '建设地址',
      text: '山东省聊城市东昌府区古楼街道',
      element: 'DE-JSDZ',
      source: { source: 'project', sourceName: '投资项目在线审批监管平台', fetchedAt: FETCHED_AT, changed: false },
    });
    expect(share.fields).toContainEqual({
      path: 'builder.name',
      label: '建设单位名称',
      text: PERMIT_COMPANY.name,
      source: { source: 'enterprise', sourceName: '聊城市法人单位基础信息库', fetchedAt: FETCHED_AT, changed: false },
    });
  });

  it('in a bundle, asks shared answers once and gives each department only its own share', () => {
    const filing = forms.forFiling(itemsOf(...RESTAURANT), '开办餐饮店一表申请');
    const { data, sources } = aRestaurantForm();
    const result = filed(checkFilingForm(filing, { data, sources }, RESTAURANT_BUNDLE_SITUATIONS));
    const hygiene = partForm(filing, result, 'DCF-WJW-XK-003', {});
    expect(Object.keys(hygiene.data)).not.toContain('seats');
    expect(hygiene.data['businessAddress']).toEqual(data['businessAddress']);
    expect(hygiene.fields.find((entry) => entry.path === 'organisationName')?.source).toEqual(
      expect.objectContaining({ source: 'enterprise', changed: false }),
    );
    const food = partForm(filing, result, 'DCF-SCJG-XK-001', {});
    expect(food.data['seats']).toBe(60);
  });

  it('keeps a history of corrections: what changed, and sources marked changed', () => {
    const filing = forms.forFiling(itemsOf(PERMIT));
    const { data, sources } = aPermitForm();
    const first = filed(checkFilingForm(filing, { data, sources }, {}));
    const corrected = {
      ...data,
      buildingArea: 12800,
      builder: { ...(data['builder'] as object), name: '聊城市东昌府区教育和体育局（基建科）' },
    };
    const result = correctFilingForm(filing, first, { data: corrected }, {});
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.changes).toEqual([
      { path: 'buildingArea', label: '建筑面积', before: '11260.5平方米', after: '12800平方米' },
      { path: 'builder.name', label: '建设单位名称', before: PERMIT_COMPANY.name, after: '聊城市东昌府区教育和体育局（基建科）' },
    ]);
    expect(result.filed.provenance.find((entry) => entry.path === 'builder.name')?.changed).toBe(true);
    expect(result.filed.provenance.find((entry) => entry.path === 'builder.legalRepresentative')?.changed).toBe(false);
    expect(partChanges(filing, result.changes, PERMIT).map((change) => change.path)).toEqual(['buildingArea', 'builder.name']);
  });

  it('refuses a correction that does not fit the form, and names the field', () => {
    const filing = forms.forFiling(itemsOf(PERMIT));
    const { data } = aPermitForm();
    const first = filed(checkFilingForm(filing, { data }, {}));
    expect(correctFilingForm(filing, first, { data: { ...data, plannedCompletion: '2025-01-01' } }, {})).toEqual({
      ok: false,
      problems: [{ field: 'form.plannedCompletion', message: '计划竣工日期：不能早于计划开工日期' }],
    });
  });
});
