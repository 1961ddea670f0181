import { aCreditCode, aResidentId } from '@onewindow/domain/testing';
import { checkRecordInput, type RecordInput } from './record-rules';

function aPenalty(overrides: Partial<RecordInput> = {}): RecordInput {
  return {
    kind: 'penalty',
    holder: { kind: 'organisation', name: '聊城市东昌府区鲁西餐饮有限公司', identifier: aCreditCode() },
    title: '未按规定公示年度报告',
    documentNumber: '东市监罚〔2026〕15号',
    decidedOn: '2026-03-20',
    ...overrides,
  };
}

describe('the supervision record rules', () => {
  const today = '2026-03-25';

  it('accepts a penalty on a company and a blacklist entry on a person with an end date', () => {
    expect(checkRecordInput(aPenalty(), today)).toEqual([]);
    const person = { kind: 'person' as const, name: '张建国', identifier: aResidentId() };
    expect(checkRecordInput(aPenalty({ kind: 'blacklist', holder: person, validUntil: '2027-03-19' }), today)).toEqual([]);
  });

  it('checks the identifier against the kind of holder, with the Chinese reason', () => {
    const problems = checkRecordInput(aPenalty({ holder: { kind: 'person', name: '张建国', identifier: '91350100M000100Y43' } }), today);
    expect(problems).toEqual([expect.objectContaining({ path: 'holder.identifier', message: expect.stringMatching(/[\u4e00-\u9fff]/) })]);
    expect(
      checkRecordInput(aPenalty({ holder: { kind: 'organisation', name: '某公司', identifier: '91350100M000100Y44' } }), today),
    ).toEqual([expect.objectContaining({ path: 'holder.identifier' })]);
  });

  it('refuses a decision in the future, an unreal date and a missing document number at once, and an end date on an inspection', () => {
    const problems = checkRecordInput(aPenalty({ decidedOn: '2026-04-01', documentNumber: ' ', validUntil: '2027-01-01' }), today);
    expect(problems.map((p) => `${p.path}:${p.code}`)).toEqual(['decidedOn:IN_THE_FUTURE', 'documentNumber:REQUIRED']);
    expect(
      checkRecordInput(aPenalty({ kind: 'inspection', title: '日常监督检查：符合要求', validUntil: '2027-01-01' }), today).map(
        (p) => `${p.path}:${p.code}`,
      ),
    ).toEqual(['validUntil:NOT_APPLICABLE']);
    expect(checkRecordInput(aPenalty({ decidedOn: '2026-02-30' }), today).map((p) => p.code)).toEqual(['NOT_A_DATE']);
    expect(checkRecordInput(aPenalty({ kind: 'redlist', validUntil: '2026-01-01' }), today).map((p) => p.code)).toEqual([
      'BEFORE_DECISION',
    ]);
  });

  it('needs no document number for an inspection result or a redlist entry', () => {
    expect(
      checkRecordInput(aPenalty({ kind: 'inspection', documentNumber: undefined as never, title: '日常监督检查：符合要求' }), today),
    ).toEqual([]);
  });
});
