/**
 * Fuzz: every operation of the four services' OpenAPI documents, over the services as processes,
 * with generated requests (a body fitting the schema with one hostile value, hostile path and query
 * parameters, hostile raw bodies) from the same generator as the fuzz spec, many more per
 * operation. Goal: no 5xx, and a request refused with 4xx writes nothing.
 */
import { issueToken, type Role } from '@onewindow/platform';
import {
  callerLetIn,
  changedTables,
  databaseFingerprint,
  FUZZ_ROLES,
  operationsOf,
  requestsOf,
  settledFingerprint,
  type FuzzCaller,
  type OpenApiDocument,
  type SchemaQueries,
  type ServiceName,
} from '@onewindow/testing';
import { Client } from 'pg';
import type { ChaosOptions } from './chaos-options';
import { startScenarioPlatform } from './platform';
import type { ReportRow } from './poison.scenario';
import { fmt } from './report';

export interface FuzzResult {
  operations: number;
  requests: number;
  byStatusClass: Record<string, number>;
  serverErrors: Array<{ operation: string; attack: string; status: number; detail: string }>;
  writesOnRefusal: Array<{ operation: string; attack: string; status: number; detail: string }>;
  seed: number;
  passed: boolean;
  rows: ReportRow[];
}

const SERVICES: ServiceName[] = ['intake', 'approval', 'supervision', 'bridge'];
const DEPARTMENT = 'DCF-SCJGJ';

/** 4xx answers that write by design: a webhook refusal logged in the hash chain, a refused reload's audit row. */
const WRITES_ON_REFUSAL: Array<{ operation: RegExp; tables: string[] }> = [
  { operation: /^POST \/webhooks\//, tables: ['bridge.exchange_log'] },
  // Every reload of the adapters file is recorded with who asked and when, a refused one too (the audit of an administrator's act).
  { operation: /^POST \/adapters\/reload$/, tables: ['bridge.configuration_reload'] },
];

export async function runFuzz(options: ChaosOptions, progress: (line: string) => void = () => undefined): Promise<FuzzResult> {
  const platform = await startScenarioPlatform({
    databaseUrl: options.databaseUrl,
    kafkaBrokers: options.kafkaBrokers,
    label: 'fuzz',
    // Background writers off: a write of theirs between two readings would look like the request's.
    env: {
      DEADLINE_WATCH_INTERVAL_MS: '0',
      NOTICE_WATCH_INTERVAL_MS: '0',
      BRIDGE_POLL_INTERVAL_MS: '0',
      BRIDGE_WEBHOOK_REFUSAL_SUMMARY_MS: '0',
      LOG_LEVEL: 'error',
    },
  });
  const client = new Client({ connectionString: options.databaseUrl });
  try {
    await client.connect();
    const db: SchemaQueries<ServiceName> = {
      async query<R>(service: ServiceName, sql: string, params: unknown[] = []) {
        return (await client.query(sql.replaceAll('$schema', `"${platform.schemas[service]}"`), params)).rows as R[];
      },
    };
    const callers: FuzzCaller[] = [
      { role: null, token: null },
      ...(FUZZ_ROLES as readonly Role[]).map((role) => ({
        role,
        token: issueToken(
          { id: role === 'applicant' ? '91350100M000100Y43' : `fuzz-${role}`, name: '模糊测试', role, department: DEPARTMENT },
          platform.secret,
        ),
      })),
    ];
    const serverErrors: FuzzResult['serverErrors'] = [];
    const writesOnRefusal: FuzzResult['writesOnRefusal'] = [];
    const byStatusClass: Record<string, number> = {};
    let requests = 0;
    let operations = 0;
    const quickly = { quietMs: 200 };
    let before = await settledFingerprint(db, SERVICES, quickly);
    let unsettled = false;
    for (const service of SERVICES) {
      const document = (await (await fetch(`${platform.urls[service]}/docs/openapi.json`)).json()) as OpenApiDocument;
      for (const operation of operationsOf(document)) {
        const name = `${operation.method} ${operation.template}`;
        const probe = (await callerLetIn(platform.urls[service], operation, callers)) ?? { caller: callers[0] as FuzzCaller, status: 401 };
        operations += 1;
        if (unsettled || (probe.status < 400 && operation.method !== 'GET')) before = await settledFingerprint(db, SERVICES, quickly);
        else before = await databaseFingerprint(db, SERVICES);
        unsettled = false;
        const generated = requestsOf(operation, document, { runs: options.fuzzRunsPerOperation, seed: options.seed });
        const lastOf = (request: (typeof generated)[number]) => request === generated[generated.length - 1];
        for (const request of generated) {
          let status: number;
          let text: string;
          try {
            const response = await fetch(`${platform.urls[service]}${request.path}`, {
              method: operation.method,
              headers: {
                ...(probe.caller.token ? { authorization: `Bearer ${probe.caller.token}` } : {}),
                ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
              },
              ...(request.body !== undefined ? { body: request.body } : {}),
            });
            status = response.status;
            text = await response.text();
          } catch (error) {
            // A dropped connection is as bad as a 500: the service did not answer.
            status = 599;
            text = error instanceof Error ? error.message : String(error);
          }
          requests += 1;
          const statusClass = `${Math.floor(status / 100)}xx`;
          byStatusClass[statusClass] = (byStatusClass[statusClass] ?? 0) + 1;
          if (status >= 500)
            serverErrors.push({ operation: `${service} ${name}`, attack: request.attack, status, detail: text.slice(0, 200) });
          // The quick form reads the tables once per operation while its requests are refused, the full one after every request.
          const refused = status >= 400 && status < 500;
          if (refused && options.quick && !lastOf(request)) continue;
          const after = await databaseFingerprint(db, SERVICES);
          if (refused) {
            const allowed = WRITES_ON_REFUSAL.filter((exception) => exception.operation.test(name)).flatMap(
              (exception) => exception.tables,
            );
            const written = changedTables(before, after).filter((table) => !allowed.includes(table));
            if (written.length > 0)
              writesOnRefusal.push({ operation: `${service} ${name}`, attack: request.attack, status, detail: written.join(', ') });
            before = after;
          } else if (operation.method === 'GET') {
            before = after;
          } else {
            before = await settledFingerprint(db, SERVICES, quickly);
            unsettled = true;
          }
        }
      }
      progress(`fuzz: ${service} done, ${operations} operations, ${requests} requests so far ${JSON.stringify(byStatusClass)}`);
    }
    const classes = Object.entries(byStatusClass)
      .sort()
      .map(([c, n]) => `${c} ${fmt(n)}`)
      .join(', ');
    const rows: ReportRow[] = [
      {
        done: `${fmt(requests)} generated requests over all ${operations} operations of the four OpenAPI documents (seed ${options.seed})`,
        result: `${classes}${serverErrors.length ? `; e.g. ${serverErrors[0]?.operation} ${serverErrors[0]?.attack} → ${serverErrors[0]?.status}` : ''}`,
        goal: '0 × 5xx',
        met: serverErrors.length === 0,
      },
      {
        done: `every request answered 4xx compared with the services' tables before it`,
        result: `${writesOnRefusal.length} wrote something${writesOnRefusal.length ? `, e.g. ${writesOnRefusal[0]?.operation} ${writesOnRefusal[0]?.attack}: ${writesOnRefusal[0]?.detail}` : ''}`,
        goal: 'an invalid request writes nothing',
        met: writesOnRefusal.length === 0,
      },
    ];
    return {
      operations,
      requests,
      byStatusClass,
      serverErrors: serverErrors.slice(0, 50),
      writesOnRefusal: writesOnRefusal.slice(0, 50),
      seed: options.seed,
      passed: rows.every((r) => r.met),
      rows,
    };
  } finally {
    await client.end().catch(() => undefined);
    await platform.stop().catch(() => undefined);
  }
}
