import { Inject, Injectable } from '@nestjs/common';
import { Topics, type DepartmentResultReceivedV1, type SupervisionRecordReceivedV1, type TopicDefinition } from '@onewindow/contracts';
import { EventOutbox } from '@onewindow/messaging';
import { Clock } from '@onewindow/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { RunningAdapter, RunningInbound } from '../adapters/bridge-runtime';
import type { Decoded } from '../adapters/transport';
import { DepartmentDelivery } from '../deliveries/department-delivery.entity';
import { DeadLetters, type DeadLetterProblem } from '../exchange-log/dead-letters.service';
import { ExchangeLog } from '../exchange-log/exchange-log.service';
import { sha256 } from '../exchange-log/hash-chain';
import { BRIDGE_METRICS, type BridgeMetrics } from '../exchange-log/bridge-metrics';
import { InboundReceipt } from './inbound-receipt.entity';
import { contractProblems, mappingProblems, recordUuid, sourceFieldOf } from './inbound-payloads';

export type InboundOutcome =
  | { status: 'published'; eventId: string; reference: string }
  | { status: 'duplicate'; reference: string }
  | { status: 'dead-lettered'; deadLetterId: string; reference: string; problems: DeadLetterProblem[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * Department record → platform event: map it, complete it with what the bridge knows (the
 * application of the part, the department, the system as actor), check it against the contract,
 * and publish it through the outbox, once per department id. A record that fails any step is a
 * dead letter naming the field; nothing is published for it.
 */
@Injectable()
export class InboundProcessor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    private readonly log: ExchangeLog,
    private readonly deadLetters: DeadLetters,
    private readonly clock: Clock,
    @Inject(BRIDGE_METRICS) private readonly metrics: BridgeMetrics,
  ) {}

  /** Handles every record of one file, row or request; the first failing record does not stop the others. */
  async process(adapter: RunningAdapter, inbound: RunningInbound, item: { reference: string; raw: string; decoded: Decoded }): Promise<InboundOutcome[]> {
    const { id: adapterId } = adapter.definition;
    const kind = inbound.definition.kind;
    if (!item.decoded.ok) {
      const failure = item.decoded;
      const deadLetter = await this.dataSource.transaction((tx) =>
        this.deadLetters.record(tx, {
          adapterId,
          direction: 'inbound',
          kind,
          reference: item.reference,
          payload: item.raw,
          problems: [{ ...(failure.field ? { field: failure.field } : {}), code: failure.code, message: failure.message }],
        }),
      );
      this.metrics.exchanged(adapterId, 'inbound', 'dead-lettered');
      return [{ status: 'dead-lettered', deadLetterId: deadLetter.id, reference: item.reference, problems: deadLetter.problems }];
    }
    const outcomes: InboundOutcome[] = [];
    const many = item.decoded.records.length > 1;
    for (const [index, record] of item.decoded.records.entries()) {
      const reference = many ? `${item.reference}[${index}]` : item.reference;
      outcomes.push(await this.processRecord(adapter, inbound, reference, record));
    }
    return outcomes;
  }

  /** One record; also the replay of an inbound dead letter. */
  async processRecord(adapter: RunningAdapter, inbound: RunningInbound, reference: string, record: unknown): Promise<InboundOutcome> {
    const started = performance.now();
    const { id: adapterId } = adapter.definition;
    const kind = inbound.definition.kind;
    const payloadText = JSON.stringify(record);
    const outcome = await this.dataSource.transaction(async (tx): Promise<InboundOutcome> => {
      const deadLetter = async (problems: DeadLetterProblem[], applicationNumber?: string | null): Promise<InboundOutcome> => {
        const letter = await this.deadLetters.record(tx, {
          adapterId,
          direction: 'inbound',
          kind,
          reference,
          applicationNumber: applicationNumber ?? null,
          payload: payloadText,
          problems,
          durationMs: Math.round(performance.now() - started),
        });
        return { status: 'dead-lettered', deadLetterId: letter.id, reference, problems };
      };
      const mapped = inbound.mapping.map(record);
      if (!mapped.ok) return deadLetter(mappingProblems(mapped.errors));
      const built =
        kind === 'result'
          ? await this.resultPayload(tx, adapter, inbound, mapped.value)
          : { ok: true as const, payload: this.supervisionPayload(adapter, mapped.value), applicationNumber: null };
      if (!built.ok) return deadLetter(built.problems);
      const topic = (kind === 'result' ? Topics.DepartmentResultReceived : Topics.SupervisionRecordReceived) as TopicDefinition<object>;
      const problems = contractProblems(topic, built.payload, inbound.mapping.spec);
      if (problems.length > 0) return deadLetter(problems, built.applicationNumber);

      // A withdrawal republishes a record (same recordId, withdrawn: true): it is a new fact, not a duplicate.
      const supervision = built.payload as SupervisionRecordReceivedV1;
      const externalId =
        kind === 'result' ? (built.payload as DepartmentResultReceivedV1).resultId : `${supervision.sourceRecordId}${supervision.withdrawn ? '#withdrawn' : ''}`;
      const inserted = await tx
        .createQueryBuilder()
        .insert()
        .into(InboundReceipt)
        .values({
          adapterId,
          kind,
          externalId,
          partId: kind === 'result' ? (built.payload as DepartmentResultReceivedV1).partId : null,
          eventId: '00000000-0000-0000-0000-000000000000',
          receivedAt: this.clock.now(),
        })
        .orIgnore()
        .returning(['externalId'])
        .execute();
      const base = { direction: 'inbound' as const, adapterId, kind, applicationNumber: built.applicationNumber, reference: `${reference} ${externalId}`, payloadHash: sha256(payloadText), durationMs: Math.round(performance.now() - started) };
      if ((inserted.raw as unknown[]).length === 0) {
        await this.log.append(tx, { ...base, status: 'duplicate', detail: `部门编号 ${externalId} 已处理过，未重复发布` });
        return { status: 'duplicate', reference };
      }
      const envelope = await this.outbox.add(tx, topic, built.payload);
      await tx.update(InboundReceipt, { adapterId, kind, externalId }, { eventId: envelope.id });
      await this.log.append(tx, { ...base, status: 'published', detail: `已发布 ${topic.name} ${envelope.id}` });
      return { status: 'published', eventId: envelope.id, reference };
    });
    this.metrics.exchanged(adapterId, 'inbound', outcome.status);
    return outcome;
  }

  private async resultPayload(
    tx: EntityManager,
    adapter: RunningAdapter,
    inbound: RunningInbound,
    mapped: Record<string, unknown>,
  ): Promise<{ ok: true; payload: object; applicationNumber: string | null } | { ok: false; problems: DeadLetterProblem[] }> {
    const partId = mapped['partId'];
    const source = sourceFieldOf(inbound.mapping.spec, 'partId');
    const problem = (message: string, code: string) => ({ ok: false as const, problems: [{ ...source, target: 'partId', code, message } as DeadLetterProblem] });
    if (typeof partId !== 'string' || !UUID.test(partId)) return problem(`${source.label ?? '平台办件编号'}“${String(partId)}”格式不正确，应为平台推送时给出的编号`, 'unknown_part');
    const delivery = await tx.getRepository(DepartmentDelivery).findOne({ where: { partId } });
    if (!delivery) return problem(`${source.label ?? '平台办件编号'}“${partId}”不是推送给本系统的办件`, 'unknown_part');
    if (delivery.departmentCode !== adapter.definition.department.code) {
      return problem(`办件 ${delivery.applicationNumber} 属于 ${delivery.departmentCode}，不能由 ${adapter.definition.department.code} 回传结果`, 'wrong_department');
    }
    const { department, id, name } = adapter.definition;
    return {
      ok: true,
      applicationNumber: delivery.applicationNumber,
      payload: { ...mapped, applicationId: delivery.applicationId, department, system: { kind: 'department-system', id, name } },
    };
  }

  private supervisionPayload(adapter: RunningAdapter, mapped: Record<string, unknown>): object {
    const { department, id, name } = adapter.definition;
    return {
      ...mapped,
      recordId: recordUuid(id, String(mapped['sourceRecordId'])),
      department,
      publishedBy: { kind: 'department-system', id, name },
      publishedAt: this.clock.now().toISOString(),
    };
  }
}
