import { Topics } from '@onewindow/contracts';
import { compileMapping } from '@onewindow/mapping';
import { SCJGJ_RESULT } from '../demo/demo-mappings';
import { contractProblems, mappingProblems, recordUuid } from './inbound-payloads';

const system = { kind: 'department-system', id: 'dcf-scjgj-qydj', name: '市场监管局企业登记系统' };
const department = { code: 'DCF-SCJGJ', name: '东昌府区市场监督管理局' };

describe('inbound records as platform events', () => {
  it('names unknown codes, bad dates and missing required fields by the department field and the spec rule', () => {
    const result = compileMapping(SCJGJ_RESULT).map({ BJJG: { JGBH: 'SCJG-JG-1', BJJGDM: '9', BJSJ: '2026-13-01 08:00:00' } });
    if (result.ok) throw new Error('expected errors');
    expect(mappingProblems(result.errors).map((p) => [p.field, p.code, p.rule])).toEqual([
      ['BJJG.PTBJBH', 'missing_required', 'fields[1].from'],
      ['BJJG.BJJGDM', 'code_unmapped', 'fields[2].codeTable'],
      ['BJJG.BJSJ', 'invalid_date', 'fields[3].date'],
    ]);
  });

  it('names the department field behind a value the contract refuses', () => {
    const payload = {
      resultId: 'SCJG-JG-1',
      partId: '5f0c2a8e-3b1d-4c7e-9a21-6d8f0e4b7c13',
      applicationId: '0b6c1f7a-9e2d-4a53-8c4b-2f1e7d9a3c60',
      outcome: 'approved',
      decidedAt: '2026-03-06T10:30:00+08:00',
      licence: { number: 'X'.repeat(80) },
      department,
      system,
    };
    expect(contractProblems(Topics.DepartmentResultReceived, payload, SCJGJ_RESULT)).toEqual([
      expect.objectContaining({
        field: 'BJJG.ZZBH',
        target: 'licence.number',
        rule: 'fields[4]',
        code: 'contract_violation',
        message: expect.stringContaining('证照编号'),
      }),
    ]);
  });

  it('gives a department record the same platform id every time it arrives, and different records different ids', () => {
    expect(recordUuid('dcf-xfjy-jdjc', 'XF-CF-2026-0012')).toBe(recordUuid('dcf-xfjy-jdjc', 'XF-CF-2026-0012'));
    expect(recordUuid('dcf-xfjy-jdjc', 'XF-CF-2026-0012')).not.toBe(recordUuid('dcf-xfjy-jdjc', 'XF-CF-2026-0013'));
    expect(recordUuid('dcf-xfjy-jdjc', 'XF-CF-2026-0012')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
