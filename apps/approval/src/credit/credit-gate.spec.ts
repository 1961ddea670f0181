import { creditStanding, type CreditRecord } from '@onewindow/domain';
import { checkCreditGate } from './credit-gate';

function aRecord(overrides: Partial<CreditRecord> = {}): CreditRecord {
  return {
    kind: 'blacklist',
    title: '拖欠农民工工资失信联合惩戒对象',
    decidedOn: '2026-01-10',
    validUntil: '2027-01-09',
    withdrawn: false,
    ...overrides,
  };
}

describe('the credit gate', () => {
  it('treats a blacklist entry as active from its decision to its end date, unless withdrawn', () => {
    expect(creditStanding([aRecord()], '2026-03-05').blacklisted).toBe(true);
    expect(creditStanding([aRecord()], '2027-01-10').blacklisted).toBe(false);
    expect(creditStanding([aRecord({ withdrawn: true })], '2026-03-05').blacklisted).toBe(false);
    expect(creditStanding([aRecord({ validUntil: null })], '2030-01-01').blacklisted).toBe(true);
    expect(creditStanding([aRecord({ decidedOn: '2026-04-01' })], '2026-03-05').blacklisted).toBe(false);
  });

  it('lists penalties and redlist entries without blocking anything', () => {
    const standing = creditStanding(
      [aRecord({ kind: 'penalty', title: '未按规定公示年度报告' }), aRecord({ kind: 'redlist', title: 'A级纳税人' })],
      '2026-03-05',
    );
    expect(standing).toMatchObject({ blacklisted: false, redlisted: true });
    expect(standing.penalties).toHaveLength(1);
    expect(checkCreditGate(standing, { deficiencies: 1, pledges: 1 }, undefined)).toEqual([]);
  });

  it('requires an override with a reason to approve a blacklisted applicant', () => {
    const standing = creditStanding([aRecord()], '2026-03-05');
    expect(checkCreditGate(standing, { deficiencies: 0, pledges: 0 }, undefined).map((p) => p.code)).toEqual(['CREDIT_OVERRIDE_REQUIRED']);
    expect(checkCreditGate(standing, { deficiencies: 0, pledges: 0 }, { reason: '  ' }).map((p) => p.code)).toEqual([
      'CREDIT_OVERRIDE_REQUIRED',
    ]);
    expect(checkCreditGate(standing, { deficiencies: 0, pledges: 0 }, { reason: '失信信息已修复，信用修复决定书待同步' })).toEqual([]);
  });

  it('refuses 容缺 and 告知承诺 to a blacklisted applicant even with an override', () => {
    const standing = creditStanding([aRecord()], '2026-03-05');
    const problems = checkCreditGate(standing, { deficiencies: 0, pledges: 2 }, { reason: '重点项目' });
    expect(problems.map((p) => p.code)).toEqual(['CREDIT_NO_TOLERANCE']);
    expect(problems[0]?.message).toContain('拖欠农民工工资失信联合惩戒对象');
  });
});
