import { describe, expect, it } from 'vitest';
import { aMaterial, anItem } from '@/testing/builders';
import {
  filingBody,
  findingsAllowed,
  guessPartyKind,
  materialChecks,
  materialRows,
  needsNotice,
  situationsOf,
  unansweredQuestions,
} from './intake-draft';

const companyRegistration = anItem({
  code: 'DCF-SCJG-DJ-001',
  name: '企业设立登记',
  committedWorkingDays: 3,
  questions: [
    {
      code: 'Q1',
      text: '企业类型',
      options: [
        { code: 'LLC', label: '有限责任公司' },
        { code: 'SOLE', label: '个人独资企业' },
      ],
    },
  ],
  materials: [
    aMaterial('M01', { name: '公司登记（备案）申请书' }),
    aMaterial('M02', { name: '公司章程', when: { question: 'Q1', answers: ['LLC'] }, mayFollowLater: true }),
    aMaterial('M03', { name: '投资人身份证明', pledgeAllowed: true }),
  ],
});

describe('the intake draft at the window', () => {
  it('lists the materials of the situation answered, item by item', () => {
    expect(materialRows([companyRegistration], {}).map((row) => row.material.code)).toEqual(['M01', 'M03']);
    expect(materialRows([companyRegistration], { 'DCF-SCJG-DJ-001': { Q1: 'LLC' } }).map((row) => row.key)).toEqual([
      'DCF-SCJG-DJ-001/M01',
      'DCF-SCJG-DJ-001/M02',
      'DCF-SCJG-DJ-001/M03',
    ]);
  });

  it('names the questions still to answer', () => {
    expect(unansweredQuestions([companyRegistration], {})).toEqual([{ itemCode: 'DCF-SCJG-DJ-001', question: 'Q1' }]);
    expect(unansweredQuestions([companyRegistration], { 'DCF-SCJG-DJ-001': { Q1: 'SOLE' } })).toEqual([]);
  });

  it('offers 容缺 and 告知承诺 only where the catalogue allows them', () => {
    expect(findingsAllowed(aMaterial('M01'))).toEqual(['provided', 'missing', 'faulty']);
    expect(findingsAllowed(aMaterial('M02', { mayFollowLater: true, pledgeAllowed: true }))).toEqual([
      'provided',
      'missing',
      'faulty',
      'to-follow',
      'pledged',
    ]);
  });

  it('produces the one-time notice when anything is missing or faulty, never for 容缺 or a pledge', () => {
    const rows = materialRows([companyRegistration], { 'DCF-SCJG-DJ-001': { Q1: 'LLC' } });
    expect(needsNotice(rows, { 'DCF-SCJG-DJ-001/M02': { finding: 'to-follow', problem: '', dueDate: '2026-03-20' } })).toBe(false);
    expect(needsNotice(rows, { 'DCF-SCJG-DJ-001/M03': { finding: 'faulty', problem: '复印件不清晰', dueDate: '' } })).toBe(true);
  });

  it('sends every row in the order shown, with a problem only when faulty and a due date only for 容缺', () => {
    const rows = materialRows([companyRegistration], { 'DCF-SCJG-DJ-001': { Q1: 'LLC' } });
    const checks = materialChecks(rows, {
      'DCF-SCJG-DJ-001/M02': { finding: 'to-follow', problem: 'ignored', dueDate: '2026-03-20' },
      'DCF-SCJG-DJ-001/M03': { finding: 'faulty', problem: ' 复印件不清晰 ', dueDate: '2026-01-01' },
    });
    expect(checks).toEqual([
      { itemCode: 'DCF-SCJG-DJ-001', materialCode: 'M01', finding: 'provided' },
      { itemCode: 'DCF-SCJG-DJ-001', materialCode: 'M02', finding: 'to-follow', dueDate: '2026-03-20' },
      { itemCode: 'DCF-SCJG-DJ-001', materialCode: 'M03', finding: 'faulty', problem: '复印件不清晰' },
    ]);
  });

  it("keeps only the answers to questions the application's items ask", () => {
    expect(situationsOf([companyRegistration], { 'DCF-SCJG-DJ-001': { Q1: 'LLC', Q9: 'X' }, 'OTHER-ITEM': { Q1: 'A' } })).toEqual({
      'DCF-SCJG-DJ-001': { Q1: 'LLC' },
    });
  });

  it("builds the filing of a bundle at the clerk's level, identifiers upper-cased, blanks left out", () => {
    const rows = materialRows([companyRegistration], { 'DCF-SCJG-DJ-001': { Q1: 'SOLE' } });
    const body = filingBody({
      target: { bundleCode: 'DCF-YJS-KBCYD' },
      level: 'town',
      items: [companyRegistration],
      answers: { 'DCF-SCJG-DJ-001': { Q1: 'SOLE' } },
      applicant: { kind: 'organisation', name: ' 聊城市东昌府区鲁西餐饮有限公司 ', identifier: '91350100m000100y43', phone: '' },
      contactPhone: '13863500123',
      agent: null,
      rows,
      findings: {},
    });
    expect(body).toMatchObject({
      bundleCode: 'DCF-YJS-KBCYD',
      channel: 'window',
      level: 'town',
      applicant: { kind: 'organisation', name: '聊城市东昌府区鲁西餐饮有限公司', identifier: '91350100M000100Y43' },
      contactPhone: '13863500123',
      situations: { 'DCF-SCJG-DJ-001': { Q1: 'SOLE' } },
      visitedInPerson: true,
    });
    expect(body.applicant).not.toHaveProperty('phone');
    expect(body).not.toHaveProperty('agent');
  });

  it('tells a resident ID from a credit code by their characters', () => {
    expect(guessPartyKind('11010519491231002x')).toBe('person');
    expect(guessPartyKind('91350100M000100Y43')).toBe('organisation');
    expect(guessPartyKind('9135')).toBeNull();
  });
});
