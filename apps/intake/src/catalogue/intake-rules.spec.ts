import { receptionProblems, type ItemForReception } from './intake-rules';

const anItem = (overrides: Partial<ItemForReception> = {}): ItemForReception => ({
  code: 'DCF-SCJG-XK-001',
  name: '食品经营许可（新办）',
  channels: ['window', 'online'],
  entrustedToWindow: true,
  ...overrides,
});

describe('receiving an application', () => {
  it('takes an item through a channel it supports', () => {
    expect(receptionProblems([anItem()], 'online', 'online')).toEqual([]);
  });

  it('refuses a channel the item does not support, naming the item', () => {
    expect(receptionProblems([anItem({ channels: ['window'] })], 'mobile', 'online')).toEqual([
      { field: 'channel', message: '事项“食品经营许可（新办）”不支持通过移动端办理' },
    ]);
  });

  it('keeps an item its department did not entrust (委托受理) away from the comprehensive window, but not from online filing', () => {
    const kept = anItem({ code: 'DCF-GA-ZJ-002', name: '居民身份证换领', entrustedToWindow: false });
    expect(receptionProblems([anItem(), kept], 'window', 'window')).toEqual([
      { field: 'items[1]', message: '事项“居民身份证换领”未委托综合窗口受理，请到部门窗口办理' },
    ]);
    expect(receptionProblems([kept], 'online', 'online')).toEqual([]);
  });
});
