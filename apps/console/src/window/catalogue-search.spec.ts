import { describe, expect, it } from 'vitest';
import { aBundle, anItem } from '@/testing/builders';
import { bundleMatches, departmentsOf, handedUpAt, itemMatches, matchesKeywords } from './catalogue-search';

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
      [
        'DCF-WJW-XK-003',
        anItem({
          code: 'DCF-WJW-XK-003',
          name: '公共场所卫生许可（新办）',
          departmentCode: 'DCF-WJW',
          departmentName: '东昌府区卫生健康委员会',
        }),
      ],
    ]);
    expect(bundleMatches(aBundle(), items, '卫生健康', null)).toBe(true);
    expect(bundleMatches(aBundle(), items, '餐饮', 'DCF-WJW')).toBe(true);
    expect(bundleMatches(aBundle(), items, '', 'DCF-ZJJ')).toBe(false);
  });

  it('ignores case, spaces and Chinese punctuation between words', () => {
    expect(matchesKeywords(['DCF-SCJG-XK-001'], 'dcf-scjg')).toBe(true);
    expect(matchesKeywords(['开办餐饮店'], '开办，餐饮')).toBe(true);
  });

  it('lists each department once', () => {
    const departments = departmentsOf([
      anItem(),
      anItem({ code: 'X' }),
      anItem({ departmentCode: 'DCF-WJW', departmentName: '东昌府区卫生健康委员会' }),
    ]);
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
