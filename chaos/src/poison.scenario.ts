/**
 * Poison: malformed messages of every kind — not JSON, the wrong schema, an unknown version, about
 * 600 KB, arbitrary bytes with NUL, an envelope whose key is not its subject — on every topic the
 * services consume, interleaved with the valid events of applications going through the full
 * loop. Every malformed one must be dead-lettered with its reason by every service that consumes
 * its topic, every valid application must reach its decision and notices, and the outboxes
 * (dead-letter events included) must drain.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { aCreditCode } from '@onewindow/domain/testing';
import { issueToken } from '@onewindow/platform';
import { aConstructionPermitFiling, SERVICE_NAMES, type RunningPlatform, type ServiceName } from '@onewindow/testing';
import { AssignerProtocol, Kafka, logLevel, type Producer } from 'kafkajs';
import { Client } from 'pg';
import { ApproverDesk } from './approver-desk';
import type { ChaosOptions } from './chaos-options';
import { startScenarioPlatform } from './platform';
import { countOutcomes, settled, type FaultCounts } from './faults.scenario';
import { AnswerTally, patientCall, sleep } from './http-retry';
import { fmt } from './report';

export const POISON_KINDS = ['bad-json', 'wrong-schema', 'unknown-version', 'oversized', 'arbitrary-bytes', 'wrong-key'] as const;
export type PoisonKind = (typeof POISON_KINDS)[number];

export interface ReportRow {
  done: string;
  result: string;
  goal: string;
  met: boolean;
}

export interface PoisonResult {
  poisonSent: number;
  byKind: Record<string, number>;
  topics: number;
  /** Dead letters expected: one for each malformed message and each service consuming its topic. */
  deadLettersExpected: number;
  deadLettered: number;
  /** Malformed messages some consuming service did not dead-letter (goal 0). */
  notDeadLettered: number;
  deadLettersWithoutReason: number;
  reasons: Record<string, number>;
  validApplications: number;
  validCounts: FaultCounts;
  /** From the last malformed message sent to every dead letter written, every valid application settled and every outbox empty. */
  drainSeconds: number;
  passed: boolean;
  rows: ReportRow[];
}

const DEPARTMENT = 'DCF-ZJJ';

export async function runPoison(options: ChaosOptions, progress: (line: string) => void = () => undefined): Promise<PoisonResult> {
  const platform = await startScenarioPlatform({
    databaseUrl: options.databaseUrl,
    kafkaBrokers: options.kafkaBrokers,
    label: 'poison',
    env: { LOG_LEVEL: 'error' },
  });
  const kafka = new Kafka({ clientId: 'chaos-poison', brokers: options.kafkaBrokers.split(','), logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  const client = new Client({ connectionString: options.databaseUrl });
  const tally = new AnswerTally();
  try {
    await client.connect();
    await producer.connect();
    const query = async (sql: string) => (await client.query(sql)).rows as Array<Record<string, unknown>>;
    const consumers = await consumedTopics(kafka, platform);
    const topics = [...consumers.keys()].sort();
    progress(
      `poison: ${topics.length} consumed topics: ${topics.map((t) => `${t} (${[...(consumers.get(t) ?? [])].join(', ')})`).join('; ')}`,
    );
    if (topics.length === 0) throw new Error('no consumer group has a topic of this platform assigned');

    const deadline = Date.now() + 30 * 60_000;
    const clerk = issueToken({ id: 'chaos-clerk', name: '李受理', role: 'clerk', level: 'district' }, platform.secret);
    const approver = issueToken({ id: 'chaos-approver', name: '王审批', role: 'approver', department: DEPARTMENT }, platform.secret);
    const desk = new ApproverDesk(tally, () => [platform.urls.approval], approver, 8, deadline);
    desk.start();
    const validApplications = Math.max(20, Math.round(options.poisonMessages / 10));
    const file = async (index: number) => {
      const answer = await patientCall(
        tally,
        () => [platform.urls.intake],
        'POST',
        '/applications',
        clerk,
        aConstructionPermitFiling({ creditCode: aCreditCode(), companyName: `聊城市东昌府区第${index + 1}商贸有限公司` }),
        deadline,
      );
      if (answer.status !== 201) throw new Error(`a valid filing answered ${answer.status}: ${answer.text.slice(0, 300)}`);
    };
    // A first few applications, so that real envelopes of the loop's topics exist to spoil.
    for (let i = 0; i < 3; i += 1) await file(i);
    await sleep(3_000);
    const samples = await sampleEnvelopes(query, platform.schemas);

    const byKind: Record<string, number> = {};
    const sentIds: Array<{ id: string; topic: string }> = [];
    let sent = 0;
    let filed = 3;
    const batch = Math.max(1, Math.round(options.poisonMessages / (validApplications - 3)));
    for (let index = 0; index < options.poisonMessages; index += 1) {
      // Every topic in turn, and on each topic the kinds in turn.
      const topic = topics[index % topics.length] as string;
      const kind = POISON_KINDS[(index + Math.floor(index / topics.length)) % POISON_KINDS.length] as PoisonKind;
      const id = `poison-${index}-${randomUUID()}`;
      const message = poisonMessage(kind, topic, samples.get(topic));
      await send(producer, `${platform.topicPrefix}${topic}`, message.key, message.value, { 'x-chaos-poison': id, 'x-chaos-kind': kind });
      sentIds.push({ id, topic });
      byKind[kind] = (byKind[kind] ?? 0) + 1;
      sent += 1;
      // Valid filings between the malformed messages: their events share the partitions.
      if (sent % batch === 0 && filed < validApplications) await file(filed++);
    }
    while (filed < validApplications) await file(filed++);
    const lastSent = performance.now();
    progress(`poison: ${sent} malformed messages sent with ${filed} valid applications; draining`);

    const expected = sentIds.reduce((sum, { topic }) => sum + (consumers.get(topic)?.size ?? 0), 0);
    let counts = await countOutcomes(query, platform.schemas);
    let letters = await deadLetterCounts(query, platform.schemas, consumers, sentIds);
    while (
      Date.now() < deadline &&
      !(letters.missing === 0 && counts.applicationsFiled === filed && settled(counts) && counts.refusedOutboxRows === 0)
    ) {
      await sleep(2_000);
      counts = await countOutcomes(query, platform.schemas);
      letters = await deadLetterCounts(query, platform.schemas, consumers, sentIds);
    }
    const drainSeconds = Math.round((performance.now() - lastSent) / 100) / 10;
    await desk.stop();
    const valid =
      counts.partsWithoutCase +
        counts.casesUndecided +
        counts.approvedWithoutLicence +
        counts.noticesMissing +
        counts.decisionsMissingAtIntake ===
        0 && counts.applicationsFiled === filed;
    const flowing = counts.unpublishedOutboxRows === 0 && counts.refusedOutboxRows === 0;
    const rows: ReportRow[] = [
      {
        done: `${fmt(sent)} malformed messages (${Object.entries(byKind)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ')}) over ${topics.length} consumed topics`,
        result: `${fmt(letters.deadLettered)} of ${fmt(expected)} (message, consuming service) pairs dead-lettered; ${letters.missing} not dead-lettered; reasons ${Object.entries(
          letters.reasons,
        )
          .map(([r, n]) => `${r} ${n}`)
          .join(', ')}; ${letters.withoutReason} without a reason`,
        goal: 'all dead-lettered with a reason',
        met: letters.missing === 0 && letters.withoutReason === 0 && sent === options.poisonMessages,
      },
      {
        done: `${filed} valid applications through the full loop among them`,
        result: `${counts.casesDecided} decided, ${counts.noticesExpected - counts.noticesMissing}/${counts.noticesExpected} notices; outboxes ${counts.unpublishedOutboxRows} unpublished, ${counts.refusedOutboxRows} refused by the broker; drained ${fmt(drainSeconds)} s after the last malformed message`,
        goal: 'valid ones processed, outboxes flowing',
        met: valid && flowing,
      },
    ];
    return {
      poisonSent: sent,
      byKind,
      topics: topics.length,
      deadLettersExpected: expected,
      deadLettered: letters.deadLettered,
      notDeadLettered: letters.missing,
      deadLettersWithoutReason: letters.withoutReason,
      reasons: letters.reasons,
      validApplications: filed,
      validCounts: counts,
      drainSeconds,
      passed: rows.every((row) => row.met),
      rows,
    };
  } finally {
    await producer.disconnect().catch(() => undefined);
    await client.end().catch(() => undefined);
    await platform.stop().catch(() => undefined);
  }
}

async function send(
  producer: Producer,
  topic: string,
  key: Buffer | string | null,
  value: Buffer | string,
  headers: Record<string, string>,
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await producer.send({ topic, messages: [{ key, value, headers }] });
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
      await sleep(500);
    }
  }
}

/** The malformed message of one kind for one topic, spoiling a real envelope of that topic when there is one. */
export function poisonMessage(
  kind: PoisonKind,
  topic: string,
  sample: Record<string, unknown> | undefined,
): { key: Buffer | string | null; value: Buffer | string } {
  const base: Record<string, unknown> = sample
    ? { ...sample, id: randomUUID() }
    : {
        specversion: '1.0',
        id: randomUUID(),
        source: '/onewindow/chaos',
        type: topic,
        subject: randomUUID(),
        time: new Date().toISOString(),
        correlationid: randomUUID(),
        datacontenttype: 'application/json',
        data: {},
      };
  const key = typeof base['subject'] === 'string' ? (base['subject'] as string) : randomUUID();
  switch (kind) {
    case 'bad-json':
      return { key, value: `${JSON.stringify(base).slice(0, 80)}` };
    case 'wrong-schema':
      return {
        key,
        value: JSON.stringify({ ...base, data: { ...(base['data'] as object), applicationId: 12345, parts: 'none', unexpected: true } }),
      };
    case 'unknown-version':
      return { key, value: JSON.stringify({ ...base, type: topic.replace(/\.v\d+$/, '.v99'), specversion: '9.9' }) };
    case 'oversized':
      return { key, value: JSON.stringify({ ...base, data: { padding: '东'.repeat(200_000) } }) };
    case 'arbitrary-bytes':
      return { key: randomBytes(8), value: Buffer.concat([randomBytes(40), Buffer.from([0]), randomBytes(200), Buffer.from([0])]) };
    case 'wrong-key':
      // A well-formed envelope of the right type whose subject is not its payload's key (and neither is the message key).
      return { key: 'YC-wrong-key', value: JSON.stringify({ ...base, subject: `wrong-${randomUUID()}` }) };
  }
}

/** One published envelope per topic from the producing services' outboxes: the real shape to spoil. */
async function sampleEnvelopes(
  query: (sql: string) => Promise<Array<Record<string, unknown>>>,
  schemas: Record<ServiceName, string>,
): Promise<Map<string, Record<string, unknown>>> {
  const samples = new Map<string, Record<string, unknown>>();
  for (const schema of Object.values(schemas)) {
    for (const row of await query(`SELECT DISTINCT ON (topic) topic, envelope FROM "${schema}".outbox_message ORDER BY topic, id`)) {
      samples.set(row['topic'] as string, row['envelope'] as Record<string, unknown>);
    }
  }
  return samples;
}

/**
 * Which services consume which of the platform's topics, read from the broker: the consumer groups'
 * current assignments (each service's group id names it).
 */
async function consumedTopics(kafka: Kafka, platform: RunningPlatform): Promise<Map<string, Set<ServiceName>>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt += 1) {
      const consumers = new Map<string, Set<ServiceName>>();
      const { groups } = await admin.listGroups();
      const described = await admin.describeGroups(groups.map((g) => g.groupId));
      let unassigned = 0;
      for (const group of described.groups) {
        const service = SERVICE_NAMES.find((name) => group.groupId.includes(name));
        for (const member of group.members) {
          const assignment = AssignerProtocol.MemberAssignment.decode(member.memberAssignment);
          for (const topic of Object.keys(assignment?.assignment ?? {})) {
            if (!topic.startsWith(platform.topicPrefix)) continue;
            if (!service) throw new Error(`consumer group ${group.groupId} names no service`);
            const logical = topic.slice(platform.topicPrefix.length);
            if (!consumers.has(logical)) consumers.set(logical, new Set());
            consumers.get(logical)?.add(service);
          }
        }
        if (group.state !== 'Stable' && group.groupId.includes(platform.topicPrefix.slice(0, -1))) unassigned += 1;
      }
      // Right after start a group may still be rebalancing: every service must show its topics.
      const services = new Set([...consumers.values()].flatMap((set) => [...set]));
      if ((services.size === SERVICE_NAMES.length && unassigned === 0) || attempt >= 30) return consumers;
      await sleep(1_000);
    }
  } finally {
    await admin.disconnect();
  }
}

/** Dead letters of the malformed messages (by the header the harness gave each), per consuming service. */
async function deadLetterCounts(
  query: (sql: string) => Promise<Array<Record<string, unknown>>>,
  schemas: Record<ServiceName, string>,
  consumers: Map<string, Set<ServiceName>>,
  sent: Array<{ id: string; topic: string }>,
): Promise<{ deadLettered: number; missing: number; withoutReason: number; reasons: Record<string, number> }> {
  const seen = new Map<string, Set<ServiceName>>();
  const reasons: Record<string, number> = {};
  let deadLettered = 0;
  let withoutReason = 0;
  for (const [service, schema] of Object.entries(schemas) as Array<[ServiceName, string]>) {
    const rows = await query(
      `SELECT original_headers->>'x-chaos-poison' AS id, reason, detail, count(*)::int AS n FROM "${schema}".dead_letter
        WHERE original_headers ? 'x-chaos-poison' GROUP BY 1, 2, 3`,
    );
    for (const row of rows) {
      const id = row['id'] as string;
      reasons[row['reason'] as string] = (reasons[row['reason'] as string] ?? 0) + 1;
      if (!row['reason'] || !row['detail']) withoutReason += 1;
      if (!seen.has(id)) seen.set(id, new Set());
      seen.get(id)?.add(service);
    }
  }
  for (const services of seen.values()) deadLettered += services.size;
  // Every message sent must be dead-lettered by every service consuming its topic.
  const missing = sent.filter(({ id, topic }) => {
    const got = seen.get(id);
    return !got || [...(consumers.get(topic) ?? [])].some((service) => !got.has(service));
  }).length;
  return { deadLettered, missing, withoutReason, reasons };
}
