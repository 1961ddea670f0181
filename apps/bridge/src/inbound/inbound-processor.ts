import { Inject, Injectable } from '@nestjs/common';
import {
  Topics,
  type DepartmentResultReceivedV1,
  type DepartmentSupplementRequestReceivedV1,
  type TopicDefinition,
} from '@onewindow/contracts';
import type { MappingSpec } from '@onewindow/mapping';
import { EventOutbox } from '@onewindow/messaging';
import { Clock } from '@onewindow/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { RunningAdapter, RunningInbound } from '../adapters/bridge-runtime';
import type { Decoded } from '../adapters/transport';
import type { DepartmentDelivery } from '../deliveries/department-delivery.entity';
import { DeliveryRepository, type SentPartReference } from '../deliveries/delivery.repository';
import { DeadLetters, type DeadLetterProblem } from '../exchange-log/dead-letters.service';
import { ExchangeLog } from '../exchange-log/exchange-log.service';
import { sha256 } from '../exchange-log/hash-chain';
import { BRIDGE_METRICS, type BridgeMetrics } from '../exchange-log/bridge-metrics';
import { InboundReceiptRepository } from './inbound-receipt.repository';
import { contractProblems, mappingProblems, recordUuid, sourceFieldOf } from './inbound-payloads';
import { describeAddress, partAddresses, type PartAddress } from './part-address';
import { checkDecisionTime, supplementMaterials } from './result-rules';

export type InboundOutcome =
  | { status: 'published'; eventId: string; reference: string }
  | { status: 'recorded'; reference: string }
  | { status: 'duplicate'; reference: string }
  | { status: 'dead-lettered'; deadLetterId: string; reference: string; problems: DeadLetterProblem[] };

/**
 * What one department record amounts to: an event to publish (a result, a supplement request, a
 * supervision record) or a fact the bridge keeps itself (an acknowledgement), under the
 * department's own id so a repeat has no second effect.
 */
interface InboundFact {
  /** The receipt and exchange-log kind: result, supplement-request, supervision-record, acknowledgement. */
  kind: string;
  externalId: string;
  partId: string | null;
  applicationNumber: string | null;
  publish?: { topic: TopicDefinition<object>; payload: object };
  record?: (tx: EntityManager) => Promise<string>;
  /** What the bridge learns besides (a case number a result gives), kept once the record is taken. */
  learn?: (tx: EntityManager) => Promise<void>;
}

type Built = { ok: true; fact: InboundFact } | { ok: false; problems: DeadLetterProblem[]; applicationNumber?: string | null };

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
    private readonly deliveries: DeliveryRepository,
    private readonly receipts: InboundReceiptRepository,
    private readonly outbox: EventOutbox,
    private readonly log: ExchangeLog,
    private readonly deadLetters: DeadLetters,
    private readonly clock: Clock,
    @Inject(BRIDGE_METRICS) private readonly metrics: BridgeMetrics,
  ) {}

  /** Handles every record of one file, row or request; the first failing record does not stop the others. */
  async process(
    adapter: RunningAdapter,
    inbound: RunningInbound,
    item: { reference: string; raw: string; decoded: Decoded },
  ): Promise<InboundOutcome[]> {
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
      const built = await this.build(tx, adapter, inbound, mapped.value);
      if (!built.ok) return deadLetter(built.problems, built.applicationNumber);
      const { fact } = built;
      if (fact.publish) {
        const problems = contractProblems(fact.publish.topic, fact.publish.payload, inbound.mapping.spec);
        if (problems.length > 0) return deadLetter(problems, fact.applicationNumber);
      }

      const first = await this.receipts.insertFirst(tx, {
        adapterId,
        kind: fact.kind,
        externalId: fact.externalId,
        partId: fact.partId,
        eventId: null,
        receivedAt: this.clock.now(),
      });
      const base = {
        direction: 'inbound' as const,
        adapterId,
        kind: fact.kind,
        applicationNumber: fact.applicationNumber,
        reference: `${reference} ${fact.externalId}`,
        payloadHash: sha256(payloadText),
        durationMs: Math.round(performance.now() - started),
      };
      if (!first) {
        await this.log.append(tx, { ...base, status: 'duplicate', detail: `部门编号 ${fact.externalId} 已处理过，未重复处理` });
        return { status: 'duplicate', reference };
      }
      await fact.learn?.(tx);
      if (fact.publish) {
        const envelope = await this.outbox.add(tx, fact.publish.topic, fact.publish.payload);
        await this.receipts.linkEvent(tx, { adapterId, kind: fact.kind, externalId: fact.externalId }, envelope.id);
        await this.log.append(tx, { ...base, status: 'published', detail: `已发布 ${fact.publish.topic.name} ${envelope.id}` });
        return { status: 'published', eventId: envelope.id, reference };
      }
      const detail = await (fact.record as NonNullable<InboundFact['record']>)(tx);
      await this.log.append(tx, { ...base, status: 'recorded', detail });
      return { status: 'recorded', reference };
    });
    this.metrics.exchanged(adapterId, 'inbound', outcome.status);
    return outcome;
  }

  private build(
    tx: EntityManager,
    adapter: RunningAdapter,
    inbound: RunningInbound,
    mapped: Record<string, unknown>,
  ): Promise<Built> | Built {
    switch (inbound.definition.kind) {
      case 'result':
        return this.result(tx, adapter, inbound.mapping.spec, mapped);
      case 'acknowledgement':
        return this.acknowledgement(tx, adapter, inbound.mapping.spec, mapped);
      case 'supervision-record':
        return { ok: true, fact: this.supervisionRecord(adapter, mapped) };
    }
  }

  /** 审批结果 (准予/不予), or 退回补正 when the outcome is `supplement`. */
  private async result(tx: EntityManager, adapter: RunningAdapter, spec: MappingSpec, mapped: Record<string, unknown>): Promise<Built> {
    const located = await this.locate(tx, adapter, spec, mapped);
    if (!located.ok) return located;
    const { delivery } = located;
    const applicationNumber = delivery.applicationNumber;
    const receivedAt = this.clock.now();
    const timeProblems = checkDecisionTime(
      mapped['decidedAt'],
      { receivedAt, acceptedAt: (delivery.payload as { acceptedAt?: string }).acceptedAt },
      sourceFieldOf(spec, 'decidedAt'),
    );
    if (timeProblems.length > 0) return { ok: false, problems: timeProblems, applicationNumber };
    const { department, id, name } = adapter.definition;
    const system = { kind: 'department-system' as const, id, name };
    const { partId: _partId, applicationNumber: _number, itemCode: _item, materials: _materials, ...rest } = mapped;
    const givenCaseNumber =
      typeof mapped['departmentCaseNumber'] === 'string' && mapped['departmentCaseNumber'] !== ''
        ? mapped['departmentCaseNumber']
        : undefined;
    const caseNumber = givenCaseNumber ?? delivery.departmentCaseNumber ?? undefined;
    // A result that gives the department's case number for a part that had none teaches it: later records may use it alone.
    const learn =
      givenCaseNumber && !delivery.departmentCaseNumber
        ? async (manager: EntityManager) => {
            await this.deliveries.recordCaseNumber(manager, delivery, givenCaseNumber, 'result');
          }
        : undefined;
    const common = {
      applicationId: delivery.applicationId,
      partId: delivery.partId,
      department,
      system,
      receivedAt: receivedAt.toISOString(),
      ...(caseNumber ? { departmentCaseNumber: caseNumber } : {}),
    };
    if (mapped['outcome'] === 'supplement') {
      const materials = supplementMaterials(mapped, delivery.payload, spec);
      if (!materials.ok) return { ok: false, problems: materials.problems, applicationNumber };
      const payload: DepartmentSupplementRequestReceivedV1 = {
        ...common,
        requestId: String(mapped['resultId']),
        materials: materials.materials,
        reason: typeof mapped['reason'] === 'string' ? mapped['reason'] : '',
        requestedAt: String(mapped['decidedAt']),
      };
      return {
        ok: true,
        fact: {
          kind: 'supplement-request',
          externalId: payload.requestId,
          partId: delivery.partId,
          applicationNumber,
          publish: { topic: Topics.DepartmentSupplementRequestReceived as TopicDefinition<object>, payload },
          ...(learn ? { learn } : {}),
        },
      };
    }
    const payload = { ...rest, ...common } as unknown as DepartmentResultReceivedV1;
    return {
      ok: true,
      fact: {
        kind: 'result',
        externalId: String(mapped['resultId']),
        partId: delivery.partId,
        applicationNumber,
        publish: { topic: Topics.DepartmentResultReceived as TopicDefinition<object>, payload },
        ...(learn ? { learn } : {}),
      },
    };
  }

  /** 受理回执: the department took the part under its own case number; later records may name the part by it. */
  private async acknowledgement(
    tx: EntityManager,
    adapter: RunningAdapter,
    spec: MappingSpec,
    mapped: Record<string, unknown>,
  ): Promise<Built> {
    const caseNumber = mapped['departmentCaseNumber'];
    const caseField = sourceFieldOf(spec, 'departmentCaseNumber');
    if (typeof caseNumber !== 'string' || caseNumber.trim() === '') {
      return {
        ok: false,
        problems: [
          {
            ...(caseField.field ? { field: caseField.field } : {}),
            target: 'departmentCaseNumber',
            code: 'missing_case_number',
            message: '受理回执缺少部门办件编号',
          },
        ],
      };
    }
    const located = await this.locate(tx, adapter, spec, mapped, { caseNumberAddresses: false });
    if (!located.ok) return located;
    const { delivery } = located;
    const number = caseNumber.trim();
    if (delivery.departmentCaseNumber && delivery.departmentCaseNumber !== number) {
      return {
        ok: false,
        applicationNumber: delivery.applicationNumber,
        problems: [
          {
            ...(caseField.field ? { field: caseField.field } : {}),
            target: 'departmentCaseNumber',
            code: 'case_number_conflict',
            message: `办件 ${delivery.applicationNumber}（${delivery.itemCode}）已登记部门办件编号 ${delivery.departmentCaseNumber}，与回执中的 ${number} 不一致`,
          },
        ],
      };
    }
    return {
      ok: true,
      fact: {
        kind: 'acknowledgement',
        externalId: number,
        partId: delivery.partId,
        applicationNumber: delivery.applicationNumber,
        record: async (manager) => {
          await this.deliveries.recordCaseNumber(manager, delivery, number, 'acknowledgement');
          return `部门系统受理，部门办件编号 ${number}`;
        },
      },
    };
  }

  private supervisionRecord(adapter: RunningAdapter, mapped: Record<string, unknown>): InboundFact {
    const { department, id, name } = adapter.definition;
    const payload = {
      ...mapped,
      recordId: recordUuid(id, String(mapped['sourceRecordId'])),
      department,
      publishedBy: { kind: 'department-system', id, name },
      publishedAt: this.clock.now().toISOString(),
    };
    // A withdrawal republishes a record (same recordId, withdrawn: true): it is a new fact, not a duplicate.
    const externalId = `${String(mapped['sourceRecordId'])}${mapped['withdrawn'] === true ? '#withdrawn' : ''}`;
    return {
      kind: 'supervision-record',
      externalId,
      partId: null,
      applicationNumber: null,
      publish: { topic: Topics.SupervisionRecordReceived as TopicDefinition<object>, payload },
    };
  }

  /**
   * The part a record names, by any of the ways a department may name it; all it gives must name
   * the same part, sent to this department.
   */
  private async locate(
    tx: EntityManager,
    adapter: RunningAdapter,
    spec: MappingSpec,
    mapped: Record<string, unknown>,
    options: { caseNumberAddresses?: boolean } = {},
  ): Promise<{ ok: true; delivery: DepartmentDelivery } | { ok: false; problems: DeadLetterProblem[]; applicationNumber?: string | null }> {
    const addressed = partAddresses(mapped, spec, options);
    if (!addressed.ok) return addressed;
    const found: Array<{ address: PartAddress; delivery: DepartmentDelivery }> = [];
    const unknownCaseNumbers: PartAddress[] = [];
    for (const address of addressed.addresses) {
      const reference: SentPartReference =
        address.by === 'part-id'
          ? { partId: address.partId }
          : address.by === 'application-and-item'
            ? { applicationNumber: address.applicationNumber, itemCode: address.itemCode }
            : { adapterId: adapter.definition.id, departmentCaseNumber: address.departmentCaseNumber };
      const delivery = await this.deliveries.findSentPart(tx, reference);
      const field = address.fields.join('+');
      if (delivery) found.push({ address, delivery });
      // A case number the bridge does not know yet may be news about a part the record also names otherwise.
      else if (address.by === 'department-case-number') unknownCaseNumbers.push(address);
      else
        return {
          ok: false,
          problems: [{ ...(field ? { field } : {}), code: 'unknown_part', message: `${describeAddress(address)} 不是推送给本系统的办件` }],
        };
    }
    const [unknown] = unknownCaseNumbers;
    if (unknown) {
      const named = found[0]?.delivery;
      const field = unknown.fields.join('+');
      if (!named)
        return {
          ok: false,
          problems: [{ ...(field ? { field } : {}), code: 'unknown_part', message: `${describeAddress(unknown)} 不是推送给本系统的办件` }],
        };
      if (named.departmentCaseNumber) {
        return {
          ok: false,
          applicationNumber: named.applicationNumber,
          problems: [
            {
              ...(field ? { field } : {}),
              code: 'case_number_conflict',
              message: `办件 ${named.applicationNumber}（${named.itemCode}）已登记部门办件编号 ${named.departmentCaseNumber}，与记录中的 ${describeAddress(unknown)} 不一致`,
            },
          ],
        };
      }
    }
    const [first, ...others] = found as [(typeof found)[number], ...typeof found];
    const differing = others.find((other) => other.delivery.id !== first.delivery.id);
    if (differing) {
      return {
        ok: false,
        applicationNumber: first.delivery.applicationNumber,
        problems: [
          {
            field: differing.address.fields.join('+'),
            code: 'part_mismatch',
            message: `${describeAddress(first.address)} 与 ${describeAddress(differing.address)} 指向不同的办件`,
          },
        ],
      };
    }
    const delivery = first.delivery;
    if (delivery.departmentCode !== adapter.definition.department.code) {
      return {
        ok: false,
        applicationNumber: delivery.applicationNumber,
        problems: [
          {
            field: first.address.fields.join('+'),
            code: 'wrong_department',
            message: `办件 ${delivery.applicationNumber} 属于 ${delivery.departmentCode}，不能由 ${adapter.definition.department.code} 回传结果`,
          },
        ],
      };
    }
    return { ok: true, delivery };
  }
}
