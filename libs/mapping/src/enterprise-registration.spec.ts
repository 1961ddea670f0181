import { compileMapping } from './compile-mapping';
import { checkRoundTrip, deriveReverse } from './derive-reverse';
import {
  ENTERPRISE_REGISTRATION_CODE_TABLES,
  enterpriseRegistrationExpected,
  enterpriseRegistrationSample,
  enterpriseRegistrationSpec,
  mapEnterpriseRegistrationByHand,
} from './testing';

const options = { codeTables: ENTERPRISE_REGISTRATION_CODE_TABLES };

describe('市场监管局 enterprise registration (golden)', () => {
  const spec = enterpriseRegistrationSpec();
  const compiled = compileMapping(spec, options);

  it('maps the 40-field department record to the expected platform JSON', () => {
    const result = compiled.map(enterpriseRegistrationSample());
    expect(result).toEqual({ ok: true, value: enterpriseRegistrationExpected() });
  });

  it('gives the same output as the hand-written mapping', () => {
    expect(compiled.map(enterpriseRegistrationSample())).toEqual({
      ok: true,
      value: mapEnterpriseRegistrationByHand(enterpriseRegistrationSample()),
    });
  });

  it('agrees with the hand-written mapping on a fixed-term, foreign-currency variant', () => {
    const record = enterpriseRegistrationSample();
    record.QYXX.YYQXZHI = '2046年03月04日';
    record.QYXX.BZ = '840';
    record.QYXX.ZCZB = '123.4567';
    record.QYXX.DZYX = 'office@xinghe.example.cn';
    record.BZXX = '补正后核准';
    record.GDXX = [];
    const result = compiled.map(record);
    expect(result).toEqual({ ok: true, value: mapEnterpriseRegistrationByHand(record) });
    expect(result.ok && (result.value['enterprise'] as Record<string, unknown>)['operatingPeriod']).toEqual({
      from: '2026-03-05',
      until: '2046-03-04',
    });
  });

  it('lists every problem of a bad record by path, in Chinese', () => {
    const record = enterpriseRegistrationSample() as unknown as Record<string, Record<string, unknown> & { GDXX?: unknown }>;
    (record['FDDBR'] as Record<string, unknown>)['XB'] = '7';
    (record['QYXX'] as Record<string, unknown>)['ZSXZQH'] = '371599';
    (record['QYXX'] as Record<string, unknown>)['CLRQ'] = '2026-03-05';
    (record['QYXX'] as Record<string, unknown>)['QYMC'] = '';
    const result = compiled.map(record);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((error) => [error.path.source, error.code, error.message])).toEqual([
      ['QYXX.QYMC', 'missing_required', '缺少必填字段“企业名称”（QYXX.QYMC）'],
      ['QYXX.CLRQ', 'invalid_date', '成立日期"2026-03-05"不是格式为 yyyy年MM月dd日 的有效日期'],
      ['QYXX.ZSXZQH', 'code_unmapped', '住所行政区划代码"371599"不在代码表 GB/T 2260 中'],
      ['FDDBR.XB', 'code_unmapped', '法定代表人性别代码"7"不在代码表 GB/T 2261.1 中'],
    ]);
  });

  it('round-trips every invertible field and says which are not', () => {
    const report = checkRoundTrip(spec, enterpriseRegistrationSample(), options);
    expect(report.differences).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.notInvertible.map((field) => `${field.target}: ${field.reason}`)).toEqual([
      'status: many-to-one-code-table',
      'enterprise.registeredCapital.unit: constant',
      'enterprise.operatingPeriod.until: condition',
      'enterprise.operatingPeriod.until: condition',
      'enterprise.domicile.divisionName: source-already-restored',
      'legalRepresentative.sexName: source-already-restored',
      'legalRepresentative.idTypeName: source-already-restored',
      'shareholders[].idTypeName: source-already-restored',
      'source.system: constant',
      'source.recordFormat: constant',
    ]);
    // Every value of the record is read by some rule: nothing is dropped silently.
    expect(report.unreadSourcePaths).toEqual([]);
  });

  it('maps the platform JSON back to the department record with the derived reverse', () => {
    const reverse = compileMapping(deriveReverse(spec, options).spec, options);
    const back = reverse.map(enterpriseRegistrationExpected());
    const expected = enterpriseRegistrationSample() as unknown as Record<string, unknown>;
    delete expected['BZXX'];
    delete (expected['QYXX'] as Record<string, unknown>)['YYQXZHI'];
    delete (expected['QYXX'] as Record<string, unknown>)['DZYX'];
    expect(back).toEqual({ ok: true, value: expected });
  });
});
