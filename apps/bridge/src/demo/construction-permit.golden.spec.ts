/**
 * Golden files of the demo 住建局施工许可系统 (XML files in GBK, its own code tables), both ways:
 * the accepted 建筑工程施工许可 part with every answer of its form, read back into the form by the
 * derived reverse; its 受理回执, its results (准予, 退回补正) and what goes back after a 补正 (the
 * supplement, and the part again with its corrected form). Regenerate with UPDATE_GOLDEN=1.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Topics, type PartSupplementedV1 } from '@onewindow/contracts';
import { checkRoundTrip, decodeRecordFile, deriveReverse, SHARED_CODE_TABLES, type FileLayout } from '@onewindow/mapping';
import { FileOutboundTransport } from '../files/file.transport';
import type { DepartmentDelivery } from '../deliveries/department-delivery.entity';
import { supplementPayload } from '../deliveries/supplement-payload';
import { contractProblems } from '../inbound/inbound-payloads';
import { supplementMaterials } from '../inbound/result-rules';
import { expectGolden, fixture, json, jsonFixture, mapped } from './testing/golden-files';
import { CONSTRUCTION_PERMIT_ROOTS, constructionPermitSpecs } from './zjj/construction-permit-system';

const specs = constructionPermitSpecs();
const codeTables = [...SHARED_CODE_TABLES, ...specs.codeTables];
const delivery = jsonFixture('zjj.delivery.json');
const form = delivery['form'] as NonNullable<PartSupplementedV1['form']>;
const gbk = (xmlRoot: string, xmlArrays?: string[]): FileLayout => ({
  format: 'xml',
  encoding: 'gbk',
  xmlRoot,
  ...(xmlArrays ? { xmlArrays } : {}),
});
const system = {
  department: { code: 'DCF-ZJJ', name: '东昌府区住房和城乡建设局' },
  system: { kind: 'department-system', id: 'dcf-zjj-sgxk', name: '住建局施工许可系统' },
};

/** The bytes the file transport drops for a record. */
async function dropped(record: Record<string, unknown>, xmlRoot: string): Promise<Buffer> {
  const folder = mkdtempSync(join(tmpdir(), 'bridge-zjj-golden-'));
  try {
    const { reference } = await new FileOutboundTransport({ folder, ...gbk(xmlRoot) }).send(record, {
      deliveryId: 'd-zjj',
      applicationNumber: 'YC20261207000058',
    });
    return readFileSync(join(folder, reference as string));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function decoded(name: string, layout: FileLayout): Record<string, unknown> {
  const { decoded: result } = decodeRecordFile(fixture(name), layout);
  if (!result.ok) throw new Error(result.message);
  return result.records[0] as Record<string, unknown>;
}

describe('demo adapter 住建局施工许可系统 (XML files in GBK, its own code tables)', () => {
  it('drops an accepted 施工许可 part with every answer of its form, in its units, codes and dates, as the golden GBK file', async () => {
    const record = mapped(specs.outbound, delivery, codeTables);
    expect(record['XMXX']).toMatchObject({
      HTJG: '13685',
      ZTZ: '19800',
      JZMJ: '52680.45',
      GCLB: 'FJ',
      JGLX: '3',
      JHKGRQ: '20261220',
      JSDD: { XZQHMC: '东昌府区' },
    });
    expect(record['SGDW']).toMatchObject({ ZZDJ: 'YJ' });
    expect((record['CLQD'] as { CL: Array<Record<string, string>> }).CL.map((m) => [m['CLBM'], m['SQFS'], m['BJQX'], m['CLLY']])).toEqual([
      ['SG01', '1', undefined, '一窗受理平台'],
      ['SG02', '1', undefined, '一窗受理平台'],
      ['SG03', '1', undefined, '一窗受理平台'],
      ['SG04', '3', undefined, '一窗受理平台'],
      ['SG05', '2', '20261221', '一窗受理平台'],
    ]);
    // Every answer of the form reaches the department: the spec reads each one.
    const unread = checkRoundTrip(specs.outbound, delivery, { codeTables }).unreadSourcePaths;
    expect(unread.filter((path) => path.startsWith('form.data'))).toEqual([]);
    const bytes = await dropped(record, CONSTRUCTION_PERMIT_ROOTS.application);
    expect(bytes.includes(Buffer.from('凤凰置业', 'utf8'))).toBe(false);
    expectGolden('zjj.outbound.golden.xml', bytes);
  });

  it('reads its own file back into the form with the derived reverse, all but what its coarser codes and units cannot tell', () => {
    const reverse = deriveReverse(specs.outbound, { codeTables });
    // Its times are to the second (the platform's to the millisecond); the rest is what the platform already knows.
    expect(reverse.report.notInvertible.map((field) => [field.target, field.reason])).toEqual([
      ['SQXX.SLSJ', 'lossy-date-format'],
      ['SQXX.SJZT', 'condition'],
      ['SQXX.SJZT', 'condition'],
      ['XMXX.JSDD.XZQHMC', 'source-already-restored'],
      ['CLQD.CL[].CLLY', 'constant'],
      ['TBLY.LM[].DQSJ', 'lossy-date-format'],
    ]);
    const back = mapped(
      reverse.spec,
      decoded('zjj.outbound.golden.xml', gbk(CONSTRUCTION_PERMIT_ROOTS.application, ['CLQD.CL', 'TBLY.LM'])),
      codeTables,
    );
    expectGolden('zjj.outbound.reverse.expected.json', json(back));
    const data = (back['form'] as { data: Record<string, unknown> }).data;
    // 万元 to 元 keeps the amount, not the two decimals; 框架—剪力墙 and 剪力墙 share the department's code 3.
    expect(data).toEqual({ ...form.data, contractPrice: '136850000', totalInvestment: '198000000', structure: '04' });
    expect(back['materials']).toEqual(delivery['materials']);
  });

  it('reads its 受理回执 to its own case number for the part', () => {
    const acknowledgement = mapped(
      specs.acknowledgement,
      decoded('zjj.acknowledgement.input.xml', gbk(CONSTRUCTION_PERMIT_ROOTS.acknowledgement)),
      codeTables,
    );
    expectGolden('zjj.acknowledgement.expected.json', json(acknowledgement));
    expect(acknowledgement).toMatchObject({
      applicationNumber: 'YC20261207000058',
      itemCode: 'DCF-ZJ-XK-012',
      departmentCaseNumber: 'SGXK-2026-0315',
    });
  });

  it('reads its 准予 result, naming the part by application number and item code, with the permit number', () => {
    const result = mapped(
      specs.result,
      decoded('zjj.result.approved.input.xml', gbk(CONSTRUCTION_PERMIT_ROOTS.result, ['BZCL.CL'])),
      codeTables,
    );
    expectGolden('zjj.result.approved.expected.json', json(result));
    expect(result).toMatchObject({
      outcome: 'approved',
      applicationNumber: 'YC20261207000058',
      itemCode: 'DCF-ZJ-XK-012',
      licence: { number: '371502202612090101' },
    });
    const { applicationNumber: _number, itemCode: _item, ...payload } = result;
    const event = {
      ...payload,
      applicationId: delivery['applicationId'],
      partId: delivery['partId'],
      ...system,
      receivedAt: '2026-12-09T07:30:05.000Z',
    };
    expect(contractProblems(Topics.DepartmentResultReceived, event, specs.result)).toEqual([]);
  });

  it('reads its 退回补正, by its own case number, into materials in the platform codes named as the part lists them', () => {
    const result = mapped(
      specs.result,
      decoded('zjj.result.supplement.input.xml', gbk(CONSTRUCTION_PERMIT_ROOTS.result, ['BZCL.CL'])),
      codeTables,
    );
    expectGolden('zjj.result.supplement.expected.json', json(result));
    expect(result).toMatchObject({ outcome: 'supplement', departmentCaseNumber: 'SGXK-2026-0315', materials: [{ materialCode: 'M03' }] });
    const materials = supplementMaterials(result, delivery, specs.result);
    expect(materials).toEqual({
      ok: true,
      materials: [{ materialCode: 'M03', materialName: '施工合同', problem: '提供加盖双方公章的施工合同价款页（合同价格13800万元）' }],
    });
    const event = {
      requestId: result['resultId'],
      applicationId: delivery['applicationId'],
      partId: delivery['partId'],
      ...system,
      departmentCaseNumber: result['departmentCaseNumber'],
      materials: materials.ok ? materials.materials : [],
      reason: result['reason'],
      requestedAt: result['decidedAt'],
      receivedAt: '2026-12-08T02:15:04.000Z',
    };
    expect(contractProblems(Topics.DepartmentSupplementRequestReceived, event, specs.result)).toEqual([]);
  });

  it('sends back what the window received for the 补正 and what changed, then the part again with its corrected form, marked 更正', async () => {
    const sent = {
      ...delivery,
      id: 'd-1',
      kind: 'application',
      payload: delivery,
      departmentCaseNumber: 'SGXK-2026-0315',
    } as unknown as DepartmentDelivery;
    const corrected = { ...form, data: { ...form.data, contractPrice: '138000000.00' } };
    const supplied: PartSupplementedV1 = {
      applicationId: delivery['applicationId'] as string,
      partId: delivery['partId'] as string,
      caseId: '2e7b9c41-6f0a-4d38-b5e2-7a9c1d3f8e60',
      materialCodes: ['M03'],
      receivedBy: { kind: 'person', id: 'clerk-12', name: '李受理' },
      receivedAt: '2026-12-08T06:20:00.000Z',
      form: corrected,
      formChanges: [{ path: 'contractPrice', label: '合同价格', before: '136850000.00 元', after: '138000000.00 元' }],
    };
    const supplement = mapped(specs.supplement, supplementPayload(sent, supplied), codeTables);
    expect(supplement).toMatchObject({
      BZXX: { BJBH: 'SGXK-2026-0315', BZSJ: '2026-12-08 14:20:00', SFGZSQB: '是' },
      GZLM: { LM: [{ BMZD: 'XMXX.HTJG', LMMC: '合同价格' }] },
    });
    expectGolden('zjj.supplement.golden.xml', await dropped(supplement, CONSTRUCTION_PERMIT_ROOTS.supplement));
    const correction = mapped(
      specs.outbound,
      { ...delivery, form: corrected, correction: { supplementedAt: supplied.receivedAt, formChanges: supplied.formChanges } },
      codeTables,
    );
    expect(correction).toMatchObject({ SQXX: { SJZT: '2' }, XMXX: { HTJG: '13800' } });
  });
});
