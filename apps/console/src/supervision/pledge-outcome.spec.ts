import { describe, expect, it } from 'vitest';
import { aPledgeVerification } from '@/testing/builders';
import { dueText, pledgeOutcome } from './pledge-outcome';

describe('a pledge verification’s result', () => {
  it('closes the task when the pledge was true', () => {
    expect(pledgeOutcome(aPledgeVerification({ status: 'verified' }))).toBe('承诺属实，核查完毕');
  });

  it('shows the revocation and the blacklisting a false pledge triggers', () => {
    const task = aPledgeVerification({
      status: 'false-pledge',
      revocationRequestId: '3f8a4d1e-7c55-4e1f-9a0b-5d2c6b7e8f90',
      recordId: '4c1b2a3d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
    });
    expect(pledgeOutcome(task)).toBe('承诺不实：已提请发证部门撤销许可证 JY13715022026000001；已将持证主体列入严重失信名单');
  });
});

describe('when a verification is due', () => {
  it('counts the days left, says when it is due today and how long it is overdue', () => {
    expect(dueText(aPledgeVerification({ dueOn: '2026-03-20' }), '2026-03-10')).toBe('剩 10 天');
    expect(dueText(aPledgeVerification({ dueOn: '2026-03-10' }), '2026-03-10')).toBe('今日到期');
    expect(dueText(aPledgeVerification({ dueOn: '2026-03-08' }), '2026-03-10')).toBe('逾期 2 天');
    expect(dueText(aPledgeVerification({ status: 'verified', dueOn: '2026-03-08' }), '2026-03-10')).toBe('—');
  });
});
