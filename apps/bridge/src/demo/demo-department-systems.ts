import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import * as iconv from 'iconv-lite';
import { writeXml } from '@onewindow/mapping';
import type { DataSource } from 'typeorm';
import { checkSignature, signedHeaders } from '../adapters/http/signature';
import {
  ENTERPRISE_LOOKUP,
  PERSON_LOOKUP,
  PROJECT_LOOKUP,
  SCJGJ_OUTBOUND,
  SCJGJ_RESULT,
  SCJGJ_SUPERVISION_RECORD,
  WJW_OUTBOUND,
  WJW_RESULT,
  XFJY_OUTBOUND,
  XFJY_RESULT,
  XFJY_SUPERVISION_RECORD,
} from './demo-mappings';
import { DEMO_ENTERPRISES, DEMO_PERSONS, DEMO_PROJECTS } from './demo-shared-data';
import { socialInsuranceAdapter } from './rsj/social-insurance-adapter';
import { startSocialInsuranceSystem, type SocialInsuranceSystem } from './rsj/social-insurance-system';
import {
  CONSTRUCTION_PERMIT_ROOTS,
  constructionPermitSpecs,
  startConstructionPermitSystem,
  type ConstructionPermitSystem,
} from './zjj/construction-permit-system';

/** Development secrets of the demo systems only; a real adapter's secrets come from its configuration file. */
export const DEMO_SECRETS = {
  scjgjOutbound: 'demo-scjgj-outbound-signing-key',
  scjgjWebhook: 'demo-scjgj-webhook-signing-key',
  sharedData: 'demo-shared-data-signing-key',
} as const;

export const DEMO_ADAPTER_IDS = {
  market: 'dcf-scjgj-qydj',
  health: 'dcf-wjw-wsxk',
  fire: 'dcf-xfjy-jdjc',
  construction: 'dcf-zjj-sgxk',
  socialInsurance: 'dcf-rsj-shbx',
} as const;

export interface DemoDepartmentSystems {
  /** The adapter configuration pointing at the running demo systems (the same shape as the file). */
  configuration: Record<string, unknown>;
  market: { url: string; received: Array<{ body: Record<string, unknown>; deliveryId: string; reference: string }> };
  health: { outbox: string; inbox: string };
  /** The 住建局 system's folders (files to it, its results, its 受理回执), and what it does with them. */
  construction: ConstructionPermitSystem;
  fire: { schema: string };
  /** The 人社局社会保险经办系统: a web application with no interface, reached by the browser adapter (行为模拟). */
  socialInsurance: SocialInsuranceSystem;
  sharedData: { url: string };
  stop(options: { dropData: boolean }): Promise<void>;
}

/**
 * Four small simulated department systems for the embedded default and the tests, each reached
 * the way real ones are: 市场监管局企业登记 (JSON REST on a free port), 卫健委卫生许可 and
 * 住建局施工许可 (XML files in GBK in folders, the latter with its own code tables and specs in
 * `zjj/`), 消防监督检查 (tables in a demo schema); and the shared data sources for auto-fill
 * (法人库, 人口库, 投资项目库) on another port.
 */
export async function startDemoDepartmentSystems(options: {
  dataSource: DataSource;
  schema: string;
  folder: string;
}): Promise<DemoDepartmentSystems> {
  const received: DemoDepartmentSystems['market']['received'] = [];
  let outage = false;
  const market = await listen(async (request, response) => {
    const body = await readBody(request);
    if (request.method === 'GET' && request.url === '/api/sl') return json(response, 200, { items: received });
    // Lets a demo or a test take the system down (it answers 503 until brought back).
    if (request.method === 'PUT' && request.url === '/api/outage') {
      outage = (JSON.parse(body.toString('utf8') || '{}') as { down?: boolean }).down === true;
      return json(response, 200, { down: outage });
    }
    if (outage) return json(response, 503, { message: '系统维护中' });
    if (request.method !== 'POST' || request.url !== '/api/sl') return json(response, 404, { message: '接口不存在' });
    const check = checkSignature(DEMO_SECRETS.scjgjOutbound, request.headers, body, new Date(), 300);
    if (!check.ok) return json(response, 401, { message: check.refusal.message });
    const deliveryId = String(request.headers['x-onewindow-delivery-id'] ?? '');
    const existing = received.find((r) => r.deliveryId === deliveryId);
    if (existing) return json(response, 409, { reference: existing.reference });
    const reference = `SCJG-SL-2026-${String(received.length + 1).padStart(6, '0')}`;
    received.push({ body: JSON.parse(body.toString('utf8')) as Record<string, unknown>, deliveryId, reference });
    return json(response, 201, { reference, message: '收件成功' });
  });

  const sharedData = await listen(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const [, collection, key] = url.pathname.split('/').map(decodeURIComponent);
    const sources: Record<string, { records: Array<Record<string, string>>; key: string }> = {
      enterprises: { records: DEMO_ENTERPRISES, key: 'TYSHXYDM' },
      persons: { records: DEMO_PERSONS, key: 'GMSFHM' },
      projects: { records: DEMO_PROJECTS, key: 'XMDM' },
    };
    const source = collection ? sources[collection] : undefined;
    const check = checkSignature(DEMO_SECRETS.sharedData, request.headers, Buffer.alloc(0), new Date(), 300);
    if (!check.ok) return json(response, 401, { message: check.refusal.message });
    const record = source?.records.find((r) => r[source.key] === key);
    return record ? json(response, 200, record) : json(response, 404, { message: '未查询到记录' });
  });

  const outbox = join(options.folder, 'wjw', 'to-wjw');
  const inbox = join(options.folder, 'wjw', 'from-wjw');
  await mkdir(outbox, { recursive: true });
  await mkdir(inbox, { recursive: true });

  const construction = await startConstructionPermitSystem(join(options.folder, 'zjj'));
  const constructionSpecs = constructionPermitSpecs();
  const constructionFile = (folder: string, xmlRoot: string, xmlArrays?: string[]) => ({
    kind: 'file',
    folder,
    format: 'xml',
    encoding: 'gbk',
    xmlRoot,
    ...(xmlArrays ? { xmlArrays } : {}),
  });

  const fireSchema = `${options.schema}_demo_xfjy`;
  await createFireTables(options.dataSource, fireSchema);

  // Its clerk's account is kept in a secrets file, as a real one would be (never in the adapters file).
  const socialInsurance = await startSocialInsuranceSystem();
  const credentialsFile = join(options.folder, 'rsj', 'credentials.yaml');
  await mkdir(join(options.folder, 'rsj'), { recursive: true });
  await writeFile(credentialsFile, `username: ${socialInsurance.account.username}\npassword: "${socialInsurance.account.password}"\n`, {
    mode: 0o600,
  });

  const configuration = {
    codeTables: constructionSpecs.codeTables,
    adapters: [
      {
        id: DEMO_ADAPTER_IDS.market,
        name: '市场监管局企业登记系统',
        department: { code: 'DCF-SCJGJ', name: '东昌府区市场监督管理局' },
        itemCodes: ['DCF-SCJG-DJ-001', 'DCF-SCJG-DJ-002'],
        outbound: {
          transport: { kind: 'http', url: `${market.url}/api/sl`, secret: DEMO_SECRETS.scjgjOutbound, timeoutMs: 5000 },
          mapping: SCJGJ_OUTBOUND,
          maxAttempts: 5,
          backoffMs: 500,
        },
        inbound: [
          { kind: 'result', transport: { kind: 'webhook', secret: DEMO_SECRETS.scjgjWebhook, windowSeconds: 300 }, mapping: SCJGJ_RESULT },
          {
            kind: 'supervision-record',
            transport: { kind: 'webhook', secret: DEMO_SECRETS.scjgjWebhook, windowSeconds: 300 },
            mapping: SCJGJ_SUPERVISION_RECORD,
          },
        ],
      },
      {
        id: DEMO_ADAPTER_IDS.health,
        name: '卫生健康委卫生许可系统',
        department: { code: 'DCF-WJW', name: '东昌府区卫生健康委员会' },
        itemCodes: ['DCF-WJW-XK-003'],
        outbound: {
          transport: { kind: 'file', folder: outbox, format: 'xml', encoding: 'gbk', xmlRoot: 'WSXK_SQ' },
          mapping: WJW_OUTBOUND,
        },
        inbound: [
          {
            kind: 'result',
            transport: { kind: 'file', folder: inbox, format: 'xml', encoding: 'gbk', xmlRoot: 'WSXK_JG' },
            mapping: WJW_RESULT,
          },
        ],
      },
      {
        id: DEMO_ADAPTER_IDS.construction,
        name: '住建局施工许可系统',
        department: { code: 'DCF-ZJJ', name: '东昌府区住房和城乡建设局' },
        itemCodes: ['DCF-ZJ-XK-012'],
        outbound: {
          transport: constructionFile(construction.outbox, CONSTRUCTION_PERMIT_ROOTS.application),
          mapping: constructionSpecs.outbound,
          supplement: {
            transport: constructionFile(construction.outbox, CONSTRUCTION_PERMIT_ROOTS.supplement),
            mapping: constructionSpecs.supplement,
          },
        },
        inbound: [
          {
            kind: 'result',
            transport: constructionFile(construction.results, CONSTRUCTION_PERMIT_ROOTS.result, ['BZCL.CL']),
            mapping: constructionSpecs.result,
          },
          {
            kind: 'acknowledgement',
            transport: constructionFile(construction.receipts, CONSTRUCTION_PERMIT_ROOTS.acknowledgement),
            mapping: constructionSpecs.acknowledgement,
          },
        ],
      },
      {
        id: DEMO_ADAPTER_IDS.fire,
        name: '消防救援大队监督检查系统',
        department: { code: 'DCF-XFJY', name: '东昌府区消防救援大队' },
        itemCodes: ['DCF-XF-JC-002'],
        outbound: {
          transport: { kind: 'table', table: `${fireSchema}.xf_slxx`, connection: 'bridge-database', cursorColumn: 'id' },
          mapping: XFJY_OUTBOUND,
        },
        inbound: [
          {
            kind: 'result',
            transport: { kind: 'table', table: `${fireSchema}.xf_spjg`, connection: 'bridge-database', cursorColumn: 'id' },
            mapping: XFJY_RESULT,
          },
          {
            kind: 'supervision-record',
            transport: { kind: 'table', table: `${fireSchema}.xf_cfjl`, connection: 'bridge-database', cursorColumn: 'id' },
            mapping: XFJY_SUPERVISION_RECORD,
          },
        ],
      },
      {
        ...socialInsuranceAdapter({ url: socialInsurance.url, credentialsFile, pollIntervalMs: 5000 }),
        id: DEMO_ADAPTER_IDS.socialInsurance,
      },
    ],
    lookups: [
      {
        id: 'lc-frk',
        source: '聊城市法人单位基础信息库',
        key: 'creditCode',
        transport: lookupTransport(sharedData.url, 'enterprises'),
        mapping: ENTERPRISE_LOOKUP,
      },
      {
        id: 'lc-rkk',
        source: '聊城市人口基础信息库',
        key: 'idNumber',
        transport: lookupTransport(sharedData.url, 'persons'),
        mapping: PERSON_LOOKUP,
      },
      {
        id: 'sd-tzxm',
        source: '山东省投资项目在线审批监管平台',
        key: 'projectCode',
        transport: lookupTransport(sharedData.url, 'projects'),
        mapping: PROJECT_LOOKUP,
      },
    ],
  };

  return {
    configuration,
    market: { url: market.url, received },
    health: { outbox, inbox },
    construction,
    fire: { schema: fireSchema },
    socialInsurance,
    sharedData: { url: sharedData.url },
    async stop({ dropData }) {
      await Promise.all([market.close(), sharedData.close(), socialInsurance.stop()]);
      if (dropData) {
        await options.dataSource.query(`DROP SCHEMA IF EXISTS "${fireSchema}" CASCADE`);
        await rm(options.folder, { recursive: true, force: true });
      }
    },
  };
}

function lookupTransport(url: string, collection: string) {
  return { kind: 'http', url: `${url}/${collection}/{key}`, secret: DEMO_SECRETS.sharedData, timeoutMs: 3000 };
}

async function createFireTables(dataSource: DataSource, schema: string): Promise<void> {
  await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  await dataSource.query(`CREATE TABLE IF NOT EXISTS "${schema}".xf_slxx (
    id bigserial PRIMARY KEY, ptbjbh varchar(36) NOT NULL UNIQUE, slbh varchar(40) NOT NULL, sxbm varchar(64) NOT NULL,
    sxmc varchar(200) NOT NULL, dwmc varchar(200) NOT NULL, tyshxydm varchar(18) NOT NULL, lxdh varchar(20),
    slsj varchar(19) NOT NULL, cnbjrq varchar(10) NOT NULL, rksj timestamptz NOT NULL DEFAULT now())`);
  // The 申报表's answers, added when forms began to travel: a demo database from before gets the columns too.
  for (const column of [
    'csmc varchar(100)',
    'csqh varchar(6)',
    'csdz varchar(200)',
    'symj numeric(12,2)',
    'cslx varchar(2)',
    'szlc varchar(30)',
    'ysbawh varchar(50)',
    'aqcks integer',
    'zdpsxt smallint',
    'xfglr varchar(50)',
    'xfglrsfzh varchar(18)',
    'xfglrdh varchar(20)',
    'lxr varchar(50)',
  ]) {
    await dataSource.query(`ALTER TABLE "${schema}".xf_slxx ADD COLUMN IF NOT EXISTS ${column}`);
  }
  await dataSource.query(`CREATE TABLE IF NOT EXISTS "${schema}".xf_spjg (
    id bigserial PRIMARY KEY, jgbh varchar(40) NOT NULL, ptbjbh varchar(36), jcjl varchar(4), jlsj varchar(19),
    wsbh varchar(64), bhgyy varchar(500), flyj varchar(500))`);
  await dataSource.query(`CREATE TABLE IF NOT EXISTS "${schema}".xf_cfjl (
    id bigserial PRIMARY KEY, cfbh varchar(40) NOT NULL, jllx varchar(4), dwmc varchar(200), tyshxydm varchar(18),
    cfsy varchar(200), wsh varchar(100), cfnr varchar(2000), cfrq varchar(8), jzrq varchar(8), zt varchar(10))`);
}

/** What the demo 卫健委 system writes when it decides: a result file in GBK. */
export async function dropHealthResultFile(inbox: string, name: string, result: Record<string, string>): Promise<void> {
  await writeFile(join(inbox, name), iconv.encode(writeXml('WSXK_JG', result, 'gbk'), 'gbk'));
}

/** Files the bridge dropped for the demo 卫健委 system, decoded. */
export async function healthInboxFiles(outbox: string): Promise<Array<{ name: string; text: string }>> {
  const names = (await readdir(outbox)).filter((name) => name.endsWith('.xml')).sort();
  return Promise.all(names.map(async (name) => ({ name, text: iconv.decode(await readFile(join(outbox, name)), 'gbk') })));
}

/** Signs a call as the demo 市场监管局 system would when it posts a result to the bridge's webhook. */
export function signAsMarketSystem(body: string, now: Date): Record<string, string> {
  return signedHeaders(DEMO_SECRETS.scjgjWebhook, body, now);
}

interface Listening {
  url: string;
  close(): Promise<void>;
}

async function listen(handler: (request: IncomingMessage, response: ServerResponse) => Promise<void>): Promise<Listening> {
  const server: Server = createServer((request, response) => {
    handler(request, response).catch((error: Error) => json(response, 500, { message: error.message }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}
