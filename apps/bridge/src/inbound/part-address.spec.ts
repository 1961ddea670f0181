import type { MappingSpec } from '@onewindow/mapping';
import { describeAddress, partAddresses } from './part-address';

const spec: MappingSpec = {
  name: 'zjj-result',
  version: '1',
  direction: { source: 'DCF-ZJJ 施工许可系统', target: 'onewindow' },
  fields: [
    { target: 'partId', from: 'PTBH', label: '平台编号', required: false },
    { target: 'applicationNumber', from: 'SLBH', label: '受理编号', required: false },
    { target: 'itemCode', from: 'SXBM', label: '事项编码', required: false },
    { target: 'departmentCaseNumber', from: 'BJBH', label: '部门办件编号', required: false },
  ],
};
const PART = '5f0c2a8e-3b1d-4c7e-9a21-6d8f0e4b7c13';

describe('how a department record names its part', () => {
  it('by the platform part id, by application number and item code, or by its own case number, naming the fields each came from', () => {
    expect(partAddresses({ partId: PART }, spec)).toEqual({ ok: true, addresses: [{ by: 'part-id', partId: PART, fields: ['PTBH'] }] });
    expect(partAddresses({ applicationNumber: 'YC20260305000123', itemCode: 'DCF-ZJ-XK-012' }, spec)).toEqual({
      ok: true,
      addresses: [
        { by: 'application-and-item', applicationNumber: 'YC20260305000123', itemCode: 'DCF-ZJ-XK-012', fields: ['SLBH', 'SXBM'] },
      ],
    });
    expect(partAddresses({ departmentCaseNumber: 'SGXK-2026-0031' }, spec)).toEqual({
      ok: true,
      addresses: [{ by: 'department-case-number', departmentCaseNumber: 'SGXK-2026-0031', fields: ['BJBH'] }],
    });
  });

  it('gives every address a record carries, so they can be checked against each other', () => {
    const addressed = partAddresses(
      { partId: PART, applicationNumber: 'YC20260305000123', itemCode: 'DCF-ZJ-XK-012', departmentCaseNumber: 'SGXK-2026-0031' },
      spec,
    );
    expect(addressed.ok && addressed.addresses.map(describeAddress)).toEqual([
      `平台办件编号 ${PART}`,
      '受理编号 YC20260305000123 事项 DCF-ZJ-XK-012',
      '部门办件编号 SGXK-2026-0031',
    ]);
  });

  it('refuses an application number without its item code (a bundle has several), naming the missing field', () => {
    expect(partAddresses({ applicationNumber: 'YC20260305000123' }, spec)).toEqual({
      ok: false,
      problems: [
        expect.objectContaining({
          field: 'SXBM',
          target: 'itemCode',
          code: 'incomplete_part_reference',
          message: expect.stringContaining('一件事'),
        }),
      ],
    });
  });

  it('refuses a malformed part id and a record naming no part', () => {
    expect(partAddresses({ partId: 'ZJJ-0031' }, spec)).toEqual({
      ok: false,
      problems: [expect.objectContaining({ field: 'PTBH', code: 'unknown_part' })],
    });
    expect(partAddresses({ partId: '' }, spec)).toEqual({
      ok: false,
      problems: [expect.objectContaining({ code: 'missing_part_reference' })],
    });
  });

  it('does not let an acknowledgement name its part by the case number it is giving', () => {
    expect(partAddresses({ departmentCaseNumber: 'SGXK-2026-0031' }, spec, { caseNumberAddresses: false })).toEqual({
      ok: false,
      problems: [
        expect.objectContaining({ code: 'missing_part_reference', message: '回执未指明办件：须有平台办件编号，或受理编号加事项编码' }),
      ],
    });
  });
});
