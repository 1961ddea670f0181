/**
 * Authorisation matrix, generated from the route metadata of the OpenAPI documents (`x-roles`,
 * `x-public`): every operation of the five services × no token, a forged token, and every role,
 * each from the department that owns a real application's records and from another. Leaks: an
 * operation answering 2xx to a caller it must refuse, or showing department A's records (their ids,
 * the applicant's credit code) to department B or to another applicant.
 */
import { aCreditCode } from '@onewindow/domain/testing';
import { DEPARTMENT_ROLES, issueToken, ROLES, type Role } from '@onewindow/platform';
import {
  aConstructionPermitFiling,
  operationsOf,
  plausibleParameter,
  type OpenApiDocument,
  type Operation,
  type RunningPlatform,
} from '@onewindow/testing';
import { Client } from 'pg';
import { decide } from './approver-desk';
import type { ChaosOptions } from './chaos-options';
import { startScenarioPlatform } from './platform';
import { AnswerTally, patientCall, sleep } from './http-retry';
import type { ReportRow } from './poison.scenario';
import { fmt } from './report';

export interface AuthorisationResult {
  operations: number;
  checks: number;
  /** Answers 2xx to a caller the metadata refuses, or department A's records shown to department B. */
  leaks: Array<{ operation: string; caller: string; status: number; detail: string }>;
  /** Refusals with another status than expected (e.g. 404 where 403 was due): not leaks, listed for a look. */
  unexpected: Array<{ operation: string; caller: string; expected: number; status: number }>;
  /** Reads by a department role from another department (or another applicant), and how many of the same reads by the owner showed its records. */
  otherDepartmentReads: number;
  ownerSawRecords: number;
  passed: boolean;
  rows: ReportRow[];
}

const SERVICES = ['intake', 'approval', 'supervision', 'bridge'] as const;
const OWN = 'DCF-ZJJ';
const OTHER = 'DCF-SCJGJ';

interface Fixture {
  applicationId: string;
  caseId: string;
  licenceId: string;
  noticeId: string;
  creditCode: string;
  applicationNumber: string;
  licenceNumber: string;
}

export async function runAuthorisation(
  options: ChaosOptions,
  progress: (line: string) => void = () => undefined,
): Promise<AuthorisationResult> {
  const platform = await startScenarioPlatform({
    databaseUrl: options.databaseUrl,
    kafkaBrokers: options.kafkaBrokers,
    label: 'authz',
    env: { LOG_LEVEL: 'error' },
  });
  const client = new Client({ connectionString: options.databaseUrl });
  try {
    await client.connect();
    const fixture = await oneApplicationThroughTheLoop(platform, client);
    progress(
      `authorisation: fixture application ${fixture.applicationId}, case ${fixture.caseId}, licence ${fixture.licenceId}, notice ${fixture.noticeId}`,
    );
    const token = (role: Role, department: string, identifier = fixture.creditCode) =>
      issueToken(
        { id: role === 'applicant' ? identifier : `authz-${role}-${department}`, name: '权限矩阵', role, department, level: 'district' },
        platform.secret,
      );
    const forged = issueToken({ id: 'forged', name: '伪造', role: 'admin' }, 'another-secret-0123456789abcdef0123456789');
    const secrets = [
      fixture.applicationId,
      fixture.caseId,
      fixture.licenceId,
      fixture.noticeId,
      fixture.creditCode,
      fixture.applicationNumber,
      fixture.licenceNumber,
    ].filter(Boolean);
    const leaks: AuthorisationResult['leaks'] = [];
    const unexpected: AuthorisationResult['unexpected'] = [];
    let checks = 0;
    let operations = 0;
    let ownSees = 0;
    let otherAsked = 0;
    for (const service of SERVICES) {
      const document = (await (await fetch(`${platform.urls[service]}/docs/openapi.json`)).json()) as OpenApiDocument;
      for (const [template, methods] of Object.entries(document.paths)) {
        for (const [method, raw] of Object.entries(methods)) {
          const operation = operationsOf({ paths: { [template]: { [method]: raw } } })[0];
          if (!operation) continue;
          operations += 1;
          const meta = raw as { 'x-roles'?: Role[]; 'x-public'?: boolean };
          const name = `${service} ${operation.method} ${operation.template}`;
          const path = fill(operation, fixture);
          const call = async (bearer: string | null) => {
            checks += 1;
            const hasBody = operation.method !== 'GET' && operation.method !== 'DELETE';
            const response = await fetch(`${platform.urls[service]}${path}`, {
              method: operation.method,
              headers: {
                ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
                ...(hasBody ? { 'content-type': 'application/json' } : {}),
              },
              ...(hasBody ? { body: '{}' } : {}),
            });
            return { status: response.status, text: await response.text() };
          };
          if (meta['x-public']) continue;
          // No token, and a token signed with another key: 401, whatever the route.
          for (const [caller, bearer] of [
            ['no token', null],
            ['forged token', forged],
          ] as const) {
            const answer = await call(bearer);
            if (answer.status < 300) leaks.push({ operation: name, caller, status: answer.status, detail: answer.text.slice(0, 160) });
            else if (answer.status !== 401) unexpected.push({ operation: name, caller, expected: 401, status: answer.status });
          }
          const allowed = meta['x-roles'] ?? [...ROLES];
          for (const role of ROLES) {
            if (!allowed.includes(role)) {
              // A role the route does not name: 403 from the guard, before any input is read.
              const answer = await call(token(role, OWN));
              if (answer.status < 300)
                leaks.push({
                  operation: name,
                  caller: `${role} (not in x-roles)`,
                  status: answer.status,
                  detail: answer.text.slice(0, 160),
                });
              else if (answer.status !== 403) unexpected.push({ operation: name, caller: role, expected: 403, status: answer.status });
              continue;
            }
            // A role the route names, scoped to a department (or an applicant to their own filings): another's records must not show.
            if (operation.method !== 'GET' || !(DEPARTMENT_ROLES.includes(role) || role === 'applicant')) continue;
            // The control: the owning department (the filing company) does see its records here, so a clean answer to the other one means something.
            const own = await call(token(role, OWN));
            if (own.status < 300 && secrets.some((secret) => own.text.includes(secret))) ownSees += 1;
            const other = role === 'applicant' ? token(role, OTHER, aCreditCode()) : token(role, OTHER);
            const answer = await call(other);
            otherAsked += 1;
            const shown = secrets.filter((secret) => answer.text.includes(secret));
            if (answer.status < 300 && shown.length > 0) {
              leaks.push({
                operation: name,
                caller: `${role} of ${role === 'applicant' ? 'another company' : OTHER}`,
                status: answer.status,
                detail: `shows ${shown.join(', ')}`,
              });
            }
          }
        }
      }
      progress(`authorisation: ${service} done, ${operations} operations, ${checks} checks, ${leaks.length} leaks`);
    }
    const rows: ReportRow[] = [
      {
        done: `${fmt(checks)} calls over ${operations} operations of the four services: no token, a forged token, every role outside x-roles, every department role (and applicant) from another department on a real application's records`,
        result: `${leaks.length} leaks (of ${otherAsked} reads from another department or company, on routes where the owner sees its records ${ownSees} times)${leaks.length ? `, e.g. ${leaks[0]?.operation} as ${leaks[0]?.caller} → ${leaks[0]?.status} ${leaks[0]?.detail}` : ''}; ${unexpected.length} refusals with another status than the one due`,
        goal: '0 leaks',
        met: leaks.length === 0,
      },
    ];
    return {
      operations,
      checks,
      leaks,
      unexpected: unexpected.slice(0, 50),
      otherDepartmentReads: otherAsked,
      ownerSawRecords: ownSees,
      passed: leaks.length === 0,
      rows,
    };
  } finally {
    await client.end().catch(() => undefined);
    await platform.stop().catch(() => undefined);
  }
}

/** Path parameters from the fixture where the route names one of its records, otherwise a plausible value. */
function fill(operation: Operation, fixture: Fixture): string {
  return operation.template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const before = operation.template.slice(0, operation.template.indexOf(`{${name}}`));
    const resource = before.split('/').filter(Boolean).pop() ?? '';
    const byName: Record<string, string> = {
      applicationId: fixture.applicationId,
      caseId: fixture.caseId,
      licenceId: fixture.licenceId,
      noticeId: fixture.noticeId,
      identifier: fixture.creditCode,
    };
    const byResource: Record<string, string> = {
      applications: fixture.applicationId,
      cases: fixture.caseId,
      licences: fixture.licenceId,
      notices: fixture.noticeId,
    };
    const value =
      byName[name] ??
      (name === 'id' ? byResource[resource] : undefined) ??
      (name === 'number' ? (resource === 'licences' ? fixture.licenceNumber : fixture.applicationNumber) : undefined);
    return encodeURIComponent(value ?? plausibleParameter(name, operation.template));
  });
}

/** One construction permit filed, approved by 住建局 and noticed to its supervisors: records every department-scoped route can be asked about. */
async function oneApplicationThroughTheLoop(platform: RunningPlatform, client: Client): Promise<Fixture> {
  const tally = new AnswerTally();
  const deadline = Date.now() + 180_000;
  const creditCode = aCreditCode();
  const clerk = issueToken({ id: 'authz-clerk', name: '李受理', role: 'clerk', level: 'district' }, platform.secret);
  const approver = issueToken({ id: 'authz-approver', name: '王审批', role: 'approver', department: OWN }, platform.secret);
  const filed = await patientCall(
    tally,
    () => [platform.urls.intake],
    'POST',
    '/applications',
    clerk,
    aConstructionPermitFiling({ creditCode }),
    deadline,
  );
  if (filed.status !== 201) throw new Error(`the fixture filing answered ${filed.status}: ${filed.text.slice(0, 200)}`);
  const applicationId = filed.json['id'] as string;
  const row = async (sql: string) => (await client.query(sql, [applicationId])).rows[0] as Record<string, string> | undefined;
  let caseRow: Record<string, string> | undefined;
  while (!caseRow && Date.now() < deadline) {
    await sleep(300);
    caseRow = await row(`SELECT id, application_number FROM "${platform.schemas.approval}".approval_case WHERE application_id = $1`);
  }
  if (!caseRow) throw new Error('the fixture case never opened');
  await decide(tally, () => [platform.urls.approval], approver, caseRow['id'] as string, deadline, true);
  let notice: Record<string, string> | undefined;
  while (!notice && Date.now() < deadline) {
    await sleep(300);
    notice = await row(
      `SELECT n.id, n.licence_id, n.licence_number FROM "${platform.schemas.supervision}".supervision_notice n WHERE n.application_id = $1`,
    );
  }
  if (!notice) throw new Error('the fixture licence never reached supervision (was it refused? the fixture must be approved)');
  return {
    applicationId,
    caseId: caseRow['id'] as string,
    applicationNumber: caseRow['application_number'] as string,
    licenceId: notice['licence_id'] as string,
    licenceNumber: notice['licence_number'] as string,
    noticeId: notice['id'] as string,
    creditCode,
  };
}
