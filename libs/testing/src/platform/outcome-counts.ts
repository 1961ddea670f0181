import type { ServiceName } from './platform-processes';

/**
 * What happened once, twice or never to the applications that went through a running platform,
 * counted from the services' own tables (one database, a schema each): the chaos suite's faults
 * and poison scenarios and the scale-out benchmark read the same counts.
 */
export interface OutcomeCounts {
  applicationsFiled: number;
  parts: number;
  partsWithoutCase: number;
  partsWithSeveralCases: number;
  casesDecided: number;
  casesUndecided: number;
  casesDecidedMoreThanOnce: number;
  approved: number;
  refused: number;
  approvedWithoutLicence: number;
  licencesBeyondOnePerApprovedPart: number;
  refusedWithLicence: number;
  /** Parts whose decision never reached intake (the applicant's view). */
  decisionsMissingAtIntake: number;
  noticesExpected: number;
  noticesMissing: number;
  noticesDuplicated: number;
  unpublishedOutboxRows: number;
  refusedOutboxRows: number;
  duplicateInboxPairs: number;
  deadLetters: number;
}

/** Nothing is left in flight: every part has a decided case, every licence its notices, every outbox is empty. */
export function settled(c: OutcomeCounts): boolean {
  return (
    c.applicationsFiled > 0 &&
    c.partsWithoutCase === 0 &&
    c.casesUndecided === 0 &&
    c.approvedWithoutLicence === 0 &&
    c.noticesMissing === 0 &&
    c.decisionsMissingAtIntake === 0 &&
    c.unpublishedOutboxRows === 0
  );
}

/** Everything the goals are about, counted from the services' own tables (one database, a schema each). */
export async function countOutcomes(
  query: (sql: string) => Promise<Array<Record<string, unknown>>>,
  schemas: Record<ServiceName, string>,
): Promise<OutcomeCounts> {
  const s = schemas;
  const one = async (sql: string) => Number((await query(sql))[0]?.['n'] ?? 0);
  const everySchema = async (sql: (schema: string) => string) => {
    let total = 0;
    for (const schema of Object.values(s)) total += await one(sql(schema));
    return total;
  };
  return {
    applicationsFiled: await one(`SELECT count(*) AS n FROM "${s.intake}".application`),
    parts: await one(`SELECT count(*) AS n FROM "${s.intake}".application_part`),
    partsWithoutCase: await one(
      `SELECT count(*) AS n FROM "${s.intake}".application_part p WHERE NOT EXISTS (SELECT 1 FROM "${s.approval}".approval_case c WHERE c.part_id = p.id)`,
    ),
    partsWithSeveralCases: await one(
      `SELECT count(*) AS n FROM (SELECT part_id FROM "${s.approval}".approval_case GROUP BY part_id HAVING count(*) > 1) d`,
    ),
    casesDecided: await one(`SELECT count(*) AS n FROM "${s.approval}".approval_case WHERE status <> 'open'`),
    casesUndecided: await one(`SELECT count(*) AS n FROM "${s.approval}".approval_case WHERE status = 'open'`),
    casesDecidedMoreThanOnce: await one(
      `SELECT count(*) AS n FROM (SELECT envelope->'data'->>'caseId' FROM "${s.approval}".outbox_message WHERE topic = 'approval.case.decided.v1' GROUP BY 1 HAVING count(*) > 1) d`,
    ),
    approved: await one(`SELECT count(*) AS n FROM "${s.approval}".approval_case WHERE status = 'approved'`),
    refused: await one(`SELECT count(*) AS n FROM "${s.approval}".approval_case WHERE status = 'refused'`),
    approvedWithoutLicence: await one(
      `SELECT count(*) AS n FROM "${s.approval}".approval_case c WHERE c.status = 'approved' AND NOT EXISTS (SELECT 1 FROM "${s.approval}".licence l WHERE l.case_id = c.id)`,
    ),
    licencesBeyondOnePerApprovedPart: await one(
      `SELECT coalesce(sum(n - 1), 0) AS n FROM (SELECT count(*) AS n FROM "${s.approval}".licence GROUP BY case_id HAVING count(*) > 1) d`,
    ),
    refusedWithLicence: await one(
      `SELECT count(*) AS n FROM "${s.approval}".approval_case c WHERE c.status = 'refused' AND EXISTS (SELECT 1 FROM "${s.approval}".licence l WHERE l.case_id = c.id)`,
    ),
    decisionsMissingAtIntake: await one(
      `SELECT count(*) AS n FROM "${s.approval}".approval_case c JOIN "${s.intake}".application_part p ON p.id = c.part_id WHERE c.status <> 'open' AND p.status <> c.status`,
    ),
    // Each licence.issued event names the supervising departments: one notice for each.
    noticesExpected: await one(
      `SELECT coalesce(sum(jsonb_array_length(envelope->'data'->'supervisingDepartments')), 0) AS n FROM "${s.approval}".outbox_message WHERE topic = 'approval.licence.issued.v1'`,
    ),
    noticesMissing: await one(
      `SELECT count(*) AS n FROM "${s.approval}".outbox_message o, jsonb_array_elements(o.envelope->'data'->'supervisingDepartments') d
        WHERE o.topic = 'approval.licence.issued.v1'
          AND NOT EXISTS (SELECT 1 FROM "${s.supervision}".supervision_notice n WHERE n.licence_id::text = o.envelope->'data'->>'licenceId' AND n.department_code = d->>'code')`,
    ),
    noticesDuplicated: await one(
      `SELECT count(*) AS n FROM (SELECT licence_id, department_code FROM "${s.supervision}".supervision_notice GROUP BY 1, 2 HAVING count(*) > 1) d`,
    ),
    unpublishedOutboxRows: await everySchema(
      (schema) => `SELECT count(*) AS n FROM "${schema}".outbox_message WHERE published_at IS NULL AND failed_at IS NULL`,
    ),
    refusedOutboxRows: await everySchema((schema) => `SELECT count(*) AS n FROM "${schema}".outbox_message WHERE failed_at IS NOT NULL`),
    duplicateInboxPairs: await everySchema(
      (schema) =>
        `SELECT count(*) AS n FROM (SELECT consumer, event_id FROM "${schema}".processed_event GROUP BY 1, 2 HAVING count(*) > 1) d`,
    ),
    deadLetters: await everySchema((schema) => `SELECT count(*) AS n FROM "${schema}".dead_letter`),
  };
}
