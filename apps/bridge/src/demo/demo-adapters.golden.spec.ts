/**
 * Golden files of the 市场监管局, 卫健委 and 消防 demo department systems, both directions: what the
 * bridge sends each system for one accepted part (the exact bytes, GBK for 卫健委), and what it
 * makes of each system's result or record. Regenerate after an intended change with
 * UPDATE_GOLDEN=1. The 住建局 system has its own: construction-permit.golden.spec.ts.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Topics } from '@onewindow/contracts';
import { decodeRecordFile } from '@onewindow/mapping';
import { ManualClock } from '@onewindow/platform';
import { checkSignature } from '../adapters/http/signature';
import { HttpOutboundTransport } from '../adapters/http/http.transport';
import { FileOutboundTransport } from '../files/file.transport';
import { contractProblems } from '../inbound/inbound-payloads';
import {
  SCJGJ_OUTBOUND,
  SCJGJ_RESULT,
  SCJGJ_SUPERVISION_RECORD,
  WJW_OUTBOUND,
  WJW_RESULT,
  XFJY_OUTBOUND,
  XFJY_RESULT,
  XFJY_SUPERVISION_RECORD,
} from './demo-mappings';
import { expectGolden, fixture, json, jsonFixture, mapped } from './testing/golden-files';

const delivery = JSON.parse(fixture('delivery.json').toString('utf8')) as Record<string, unknown>;
const department = (code: string, name: string) => ({ department: { code, name } });
// The restaurant's three parts as 一表申请 splits them: each department its own item's form.
const healthPart = {
  ...delivery,
  itemCode: 'DCF-WJW-XK-003',
  itemName: '公共场所卫生许可',
  department: { code: 'DCF-WJW', name: '东昌府区卫生健康委员会' },
  form: jsonFixture('health.form.json'),
};
const firePart = {
  ...delivery,
  itemCode: 'DCF-XF-JC-002',
  itemName: '公众聚集场所投入使用、营业前消防安全检查',
  department: { code: 'DCF-XFJY', name: '东昌府区消防救援大队' },
  form: jsonFixture('fire.form.json'),
};
const withoutForm = (part: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(part).filter(([key]) => key !== 'form' && key !== 'materials'));

describe('demo adapter 市场监管局企业登记系统 (JSON over HTTP)', () => {
  it('posts the accepted part as the golden JSON body, signed with HMAC-SHA256', async () => {
    const received: Array<{ body: Buffer; headers: Record<string, string | string[] | undefined> }> = [];
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ body: Buffer.concat(chunks), headers: request.headers });
        response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ reference: 'SCJG-SL-2026-000001' }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const now = new Date('2026-03-05T02:31:00.000Z');
      const transport = new HttpOutboundTransport(
        { url: `http://127.0.0.1:${port}/api/sl`, secret: 'demo-scjgj-outbound-signing-key', timeoutMs: 2000 },
        new ManualClock(now),
      );
      const receipt = await transport.send(mapped(SCJGJ_OUTBOUND, delivery), { deliveryId: 'd-1', applicationNumber: 'YC20260305000123' });
      expect(receipt).toEqual({ acknowledged: true, reference: 'SCJG-SL-2026-000001', caseNumber: 'SCJG-SL-2026-000001' });
      const [request] = received;
      expect(checkSignature('demo-scjgj-outbound-signing-key', request!.headers, request!.body, now, 300)).toMatchObject({ ok: true });
      expectGolden('market.outbound.golden.json', json(JSON.parse(request!.body.toString('utf8'))));
    } finally {
      server.close();
    }
  });

  it('maps its result to the golden platform result, which the contract accepts', () => {
    const result = mapped(SCJGJ_RESULT, JSON.parse(fixture('market.result.input.json').toString('utf8')));
    expectGolden('market.result.expected.json', json(result));
    const payload = {
      ...result,
      applicationId: delivery['applicationId'],
      ...department('DCF-SCJGJ', '东昌府区市场监督管理局'),
      system: { kind: 'department-system', id: 'dcf-scjgj-qydj', name: '市场监管局企业登记系统' },
    };
    expect(contractProblems(Topics.DepartmentResultReceived, payload, SCJGJ_RESULT)).toEqual([]);
  });
});

function supervisionPayload(record: Record<string, unknown>, code: string, name: string, adapterId: string, systemName: string) {
  return {
    ...record,
    recordId: '3f1d9a52-0c4e-5b7a-8d21-9e6f4a2b7c10',
    ...department(code, name),
    publishedBy: { kind: 'department-system', id: adapterId, name: systemName },
    publishedAt: '2026-03-02T08:00:00.000Z',
  };
}

describe('demo adapter 市场监管局 penalties (JSON webhook)', () => {
  it('maps a posted administrative penalty to the golden supervision record', () => {
    const record = mapped(SCJGJ_SUPERVISION_RECORD, JSON.parse(fixture('market.supervision-record.input.json').toString('utf8')));
    expectGolden('market.supervision-record.expected.json', json(record));
    const payload = supervisionPayload(record, 'DCF-SCJGJ', '东昌府区市场监督管理局', 'dcf-scjgj-qydj', '市场监管局企业登记系统');
    expect(contractProblems(Topics.SupervisionRecordReceived, payload, SCJGJ_SUPERVISION_RECORD)).toEqual([]);
  });
});

describe('demo adapter 卫生健康委卫生许可系统 (XML files in GBK)', () => {
  it('drops the accepted part as the golden GBK XML file', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'bridge-golden-'));
    try {
      const transport = new FileOutboundTransport({ folder, format: 'xml', encoding: 'gbk', xmlRoot: 'WSXK_SQ' });
      const receipt = await transport.send(mapped(WJW_OUTBOUND, healthPart), { deliveryId: 'd-2', applicationNumber: 'YC20260305000123' });
      expect(receipt).toEqual({ acknowledged: false, reference: 'YC20260305000123-d-2.xml' });
      expect(readdirSync(folder)).toEqual(['YC20260305000123-d-2.xml']);
      const bytes = readFileSync(join(folder, 'YC20260305000123-d-2.xml'));
      expect(bytes.includes(Buffer.from('鲁西餐饮', 'utf8'))).toBe(false);
      expectGolden('health.outbound.golden.xml', bytes);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('reads its GBK result file to the golden platform result, which the contract accepts', () => {
    const { decoded } = decodeRecordFile(fixture('health.result.input.xml'), { format: 'xml', encoding: 'gbk', xmlRoot: 'WSXK_JG' });
    if (!decoded.ok) throw new Error(decoded.message);
    const result = mapped(WJW_RESULT, decoded.records[0]);
    expectGolden('health.result.expected.json', json(result));
    const payload = {
      ...result,
      applicationId: delivery['applicationId'],
      ...department('DCF-WJW', '东昌府区卫生健康委员会'),
      system: { kind: 'department-system', id: 'dcf-wjw-wsxk', name: '卫生健康委卫生许可系统' },
    };
    expect(contractProblems(Topics.DepartmentResultReceived, payload, WJW_RESULT)).toEqual([]);
  });
});

describe('demo adapter 消防救援大队监督检查系统 (its own database tables)', () => {
  it('writes the accepted part as the golden row of its intake table', () => {
    expectGolden('fire.outbound.golden.json', json(mapped(XFJY_OUTBOUND, firePart)));
  });

  it('reads a row of its result table to the golden platform result (a refusal with reason and legal basis)', () => {
    const result = mapped(XFJY_RESULT, JSON.parse(fixture('fire.result.input.json').toString('utf8')));
    expectGolden('fire.result.expected.json', json(result));
    const payload = {
      ...result,
      applicationId: delivery['applicationId'],
      ...department('DCF-XFJY', '东昌府区消防救援大队'),
      system: { kind: 'department-system', id: 'dcf-xfjy-jdjc', name: '消防救援大队监督检查系统' },
    };
    expect(contractProblems(Topics.DepartmentResultReceived, payload, XFJY_RESULT)).toEqual([]);
  });

  it('reads a row of its penalty table to the golden supervision record', () => {
    const record = mapped(XFJY_SUPERVISION_RECORD, JSON.parse(fixture('fire.supervision-record.input.json').toString('utf8')));
    expectGolden('fire.supervision-record.expected.json', json(record));
    const payload = supervisionPayload(record, 'DCF-XFJY', '东昌府区消防救援大队', 'dcf-xfjy-jdjc', '消防救援大队监督检查系统');
    expect(contractProblems(Topics.SupervisionRecordReceived, payload, XFJY_SUPERVISION_RECORD)).toEqual([]);
  });
});

describe('the demo adapters and parts accepted before forms travelled', () => {
  it('still send such parts, with the part and applicant only', () => {
    expect(mapped(SCJGJ_OUTBOUND, withoutForm(delivery))).not.toHaveProperty('QYXX');
    expect(mapped(WJW_OUTBOUND, withoutForm(healthPart))).not.toHaveProperty('CSXX');
    expect(mapped(XFJY_OUTBOUND, withoutForm(firePart))).not.toHaveProperty('csmc');
  });
});
