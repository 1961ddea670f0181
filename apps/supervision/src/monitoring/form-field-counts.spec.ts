import { formFieldCounts } from './monitoring.repository';

describe('the form answers of an accepted part', () => {
  it('are counted as filled from shared data and kept, filled then changed, and typed', () => {
    const source = { source: 'enterprise' as const, sourceName: '聊城市法人单位基础信息库', fetchedAt: '2026-03-05T01:58:12.000Z' };
    const form = {
      data: {},
      fields: [
        { path: 'organisationName', label: '单位名称', text: '聊城市东昌府区鲁西餐饮有限公司', source: { ...source, changed: false } },
        { path: 'legalRepresentative', label: '法定代表人', text: '王建国', source: { ...source, changed: true } },
        { path: 'seats', label: '就餐座位数', text: '60个' },
        { path: 'premisesArea', label: '经营场所面积', text: '186.5平方米' },
      ],
    };
    expect(formFieldCounts(form)).toEqual([1, 1, 2]);
    expect(formFieldCounts(undefined)).toEqual([null, null, null]);
  });
});
