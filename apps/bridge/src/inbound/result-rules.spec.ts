import type { MappingSpec } from '@onewindow/mapping';
import { checkDecisionTime, supplementMaterials } from './result-rules';

const spec: MappingSpec = {
  name: 'zjj-result',
  version: '1',
  direction: { source: 'DCF-ZJJ 施工许可系统', target: 'onewindow' },
  fields: [
    { target: 'decidedAt', from: 'BJSJ', label: '办结时间', date: { from: 'yyyyMMddHHmmss', to: 'iso8601', timeZone: 'Asia/Shanghai' } },
    { target: 'materials[].materialCode', from: 'BZCL[].CLBM', label: '补正材料编码' },
    { target: 'materials[].problem', from: 'BZCL[].BZYQ', required: false },
  ],
};
const field = { field: 'BJSJ', rule: 'fields[0]', label: '办结时间' };

describe('a department decision time', () => {
  const known = { receivedAt: new Date('2026-03-06T02:30:00Z'), acceptedAt: '2026-03-05T09:00:00+08:00' };

  it('is kept when it lies between the acceptance and the receipt (a few minutes of clock skew allowed)', () => {
    expect(checkDecisionTime('2026-03-06T10:30:00+08:00', known, field)).toEqual([]);
    expect(checkDecisionTime('2026-03-06T10:39:00+08:00', known, field)).toEqual([]);
  });

  it('is refused when it is later than the receipt, or earlier than the acceptance, naming the field', () => {
    expect(checkDecisionTime('2026-03-07T10:30:00+08:00', known, field)).toEqual([
      expect.objectContaining({
        field: 'BJSJ',
        target: 'decidedAt',
        code: 'decision_time_in_future',
        message: expect.stringContaining('请核对部门系统时钟'),
      }),
    ]);
    expect(checkDecisionTime('2026-03-05T08:59:59+08:00', known, field)).toEqual([
      expect.objectContaining({ code: 'decision_before_acceptance' }),
    ]);
  });

  it('leaves a missing or malformed time to the contract check', () => {
    expect(checkDecisionTime(undefined, known, field)).toEqual([]);
    expect(checkDecisionTime('不详', known, field)).toEqual([]);
  });
});

describe('the materials a department returns a part for', () => {
  const part = {
    itemCode: 'DCF-ZJ-XK-012',
    materials: [
      { materialCode: 'M01', materialName: '建筑工程施工许可申请表', status: 'received' },
      { materialCode: 'M03', materialName: '施工合同', status: 'received' },
    ],
    deficiencies: [],
    pledges: [],
  };

  it('are named as the part lists them, each with its own problem or else the reason', () => {
    const mapped = {
      reason: '合同价格与施工合同不一致',
      materials: [{ materialCode: 'M03', problem: '合同价款页缺少双方盖章' }, { materialCode: 'M01' }],
    };
    expect(supplementMaterials(mapped, part, spec)).toEqual({
      ok: true,
      materials: [
        { materialCode: 'M03', materialName: '施工合同', problem: '合同价款页缺少双方盖章' },
        { materialCode: 'M01', materialName: '建筑工程施工许可申请表', problem: '合同价格与施工合同不一致' },
      ],
    });
  });

  it('are refused when a code is not a material of the item, naming the element', () => {
    expect(supplementMaterials({ reason: '缺材料', materials: [{ materialCode: 'M01' }, { materialCode: 'M99' }] }, part, spec)).toEqual({
      ok: false,
      problems: [
        expect.objectContaining({ field: 'BZCL[1].CLBM', code: 'unknown_material', message: '材料编码“M99”不是事项 DCF-ZJ-XK-012 的材料' }),
      ],
    });
  });

  it('must be listed', () => {
    expect(supplementMaterials({ reason: '请补正' }, part, spec)).toEqual({
      ok: false,
      problems: [expect.objectContaining({ field: 'BZCL', code: 'missing_supplement_materials' })],
    });
  });

  it('are taken as given for a part accepted before the full materials list travelled', () => {
    expect(
      supplementMaterials(
        { reason: '请补正', materials: [{ materialCode: 'M05', materialName: '施工图审查合格书' }] },
        { itemCode: 'DCF-ZJ-XK-012' },
        spec,
      ),
    ).toEqual({
      ok: true,
      materials: [{ materialCode: 'M05', materialName: '施工图审查合格书', problem: '请补正' }],
    });
  });
});
