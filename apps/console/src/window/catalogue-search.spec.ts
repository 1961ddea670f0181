import { describe, expect, it } from 'vitest';
import type { ServiceBundle, ServiceItem } from '@/api/intake';
import { bundleMatches, departmentsOf, handedUpAt, itemMatches, matchesKeywords } from './catalogue-search';

function anItem(overrides: Partial<ServiceItem> = {}): ServiceItem {
  return {
    code: 'DCF-SCJG-XK-001',
    version: 1,
    name: '食品经营许可（新办）',
    departmentCode: 'DCF-SCJGJ',
    departmentName: '东昌府区市场监督管理局',
    kind: '行政许可',
    handlingType: 'committed',
    legalWorkingDays: 20,
    committedWorkingDays: 10,
    conditions: ['具有与经营的食品品种、数量相适应的经营场所'],
    legalBasis: ['《中华人民共和国食品安全法》第三十五条'],
    fee: { charged: false },
    channels: ['window', 'online'],
    levels: ['district'],
    entrustedToWindow: true,
    questions: [],
    materials: [{ code: 'M01', name: '食品经营许可申请书', form: 'original', copies: 1, mayFollowLater: false, pledgeAllowed: false, requirement: '' }],
    ...overrides,
  };
}

const bundle: ServiceBundle = {
  code: 'DCF-YJS-KBCYD',
  name: '开办餐饮店',
  description: '营业执照、食品经营许可、公共场所卫生许可、消防安全检查一次办',
  leadDepartmentCode: 'DCF-SCJGJ',
  leadDepartmentName: '东昌府区市场监督管理局',
  itemCodes: ['DCF-SCJG-XK-001', 'DCF-WJW-XK-003'],
};

describe('catalogue search at the window', () => {
  it('finds an item by part of its name, its department or a material, every word counting', () => {
    const item = anItem();
    expect(itemMatches(item, '食品', null)).toBe(true);
    expect(itemMatches(item, '市场监督', null)).toBe(true);
    expect(itemMatches(item, '申请书 经营', null)).toBe(true);
    expect(itemMatches(item, '食品 卫生', null)).toBe(false);
  });

  it('keeps to the chosen department', () => {
    expect(itemMatches(anItem(), '', 'DCF-WJW')).toBe(false);
    expect(itemMatches(anItem(), '', 'DCF-SCJGJ')).toBe(true);
  });

  it('finds a bundle by the items and departments it joins', () => {
    const items = new Map([
      ['DCF-SCJG-XK-001', anItem()],
      ['DCF-WJW-XK-003', anItem({ code: 'DCF-WJW-XK-003', name: '公共场所卫生许可（新办）', departmentCode: 'DCF-WJW', departmentName: '东昌府区卫生健康委员会' })],
    ]);
    expect(bundleMatches(bundle, items, '卫生健康', null)).toBe(true);
    expect(bundleMatches(bundle, items, '餐饮', 'DCF-WJW')).toBe(true);
    expect(bundleMatches(bundle, items, '', 'DCF-ZJJ')).toBe(false);
  });

  it('ignores case, spaces and Chinese punctuation between words', () => {
    expect(matchesKeywords(['DCF-SCJG-XK-001'], 'dcf-scjg')).toBe(true);
    expect(matchesKeywords(['开办餐饮店'], '开办，餐饮')).toBe(true);
  });

  it('lists each department once', () => {
    const departments = departmentsOf([anItem(), anItem({ code: 'X' }), anItem({ departmentCode: 'DCF-WJW', departmentName: '东昌府区卫生健康委员会' })]);
    expect(departments).toEqual([
      { code: 'DCF-SCJGJ', name: '东昌府区市场监督管理局' },
      { code: 'DCF-WJW', name: '东昌府区卫生健康委员会' },
    ]);
  });

  it('marks a county-only item taken in at a town window as handed up', () => {
    expect(handedUpAt(anItem({ levels: ['district'] }), 'town')).toBe(true);
    expect(handedUpAt(anItem({ levels: ['district', 'town'] }), 'town')).toBe(false);
  });
});
