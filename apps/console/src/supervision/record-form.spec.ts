import { describe, expect, it } from 'vitest';
import { aSupervisionRecord } from '@/testing/builders';
import { emptyRecordDraft, needsDocumentNumber, recordOrder, toPublishRecord } from './record-form';

describe('publishing a supervision record', () => {
  it('sends what the supervisor typed, trimmed, without the empty optional fields', () => {
    const draft = {
      ...emptyRecordDraft({ kind: 'organisation', name: ' 聊城市东昌府区鲁西餐饮有限公司 ', identifier: '91350100m000100y43' }),
      kind: 'penalty' as const,
      title: ' 未按规定公示年度报告 ',
      documentNumber: '东市监罚〔2026〕15号',
      decidedOn: '2026-03-20',
    };
    expect(toPublishRecord(draft)).toEqual({
      kind: 'penalty',
      holder: { kind: 'organisation', name: '聊城市东昌府区鲁西餐饮有限公司', identifier: '91350100M000100Y43' },
      title: '未按规定公示年度报告',
      documentNumber: '东市监罚〔2026〕15号',
      decidedOn: '2026-03-20',
    });
  });

  it('asks for a decision document number for penalties and blacklistings only', () => {
    expect(needsDocumentNumber('penalty')).toBe(true);
    expect(needsDocumentNumber('blacklist')).toBe(true);
    expect(needsDocumentNumber('inspection')).toBe(false);
    expect(needsDocumentNumber('redlist')).toBe(false);
  });
});

describe('a holder’s records', () => {
  it('lists the records in force first, the newest decision first', () => {
    const old = aSupervisionRecord({ id: 'old', decidedOn: '2026-01-05' });
    const recent = aSupervisionRecord({ id: 'recent', decidedOn: '2026-03-05' });
    const withdrawn = aSupervisionRecord({ id: 'withdrawn', decidedOn: '2026-03-09', withdrawn: true, withdrawalReason: '信用修复完成' });
    expect(recordOrder([old, withdrawn, recent]).map((r) => r.id)).toEqual(['recent', 'old', 'withdrawn']);
  });
});
