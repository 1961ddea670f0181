import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Topics, type ActorV1, type DepartmentRefV1, type SupervisionRecordPublishedV1 } from '@onewindow/contracts';
import { localDateInShanghai } from '@onewindow/domain';
import { EventOutbox, type EventCause } from '@onewindow/messaging';
import { Clock, DomainError, requestCause, type AuthenticatedUser, type Page } from '@onewindow/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { departmentRef } from '../departments';
import { RecordRepository } from './record.repository';
import { checkRecordInput, type RecordInput } from './record-rules';
import { SupervisionRecord, type RecordSource } from './supervision-record.entity';
import { SUPERVISION_ERRORS } from '../supervision-errors';

/**
 * 监管信息: penalties, credit records and inspection results about holders. Every record is
 * stored and published through the outbox as `supervision.record.published.v1`, whoever
 * publishes it: a supervisor over HTTP, a department system through the bridge, or pledge
 * verification; all of them go through {@link RecordsService.publish}.
 */
@Injectable()
export class RecordsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly records: RecordRepository,
    private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  /** A supervisor publishes for their own department. */
  async publishByUser(user: AuthenticatedUser, input: RecordInput): Promise<SupervisionRecord> {
    if (!user.department) throw SUPERVISION_ERRORS.DEPARTMENT_REQUIRED();
    const department = departmentRef(user.department);
    return this.dataSource.transaction((tx) =>
      this.publish(
        tx,
        input,
        { department, publishedBy: { kind: 'person', id: user.id, name: user.name }, source: 'supervisor' },
        requestCause(),
      ),
    );
  }

  /**
   * The one code path that stores and announces a record. Validates the input (field errors in
   * Chinese, nothing written) and writes the record and its event in the caller's transaction.
   */
  async publish(
    tx: EntityManager,
    input: RecordInput,
    origin: { department: DepartmentRefV1; publishedBy: ActorV1; source: RecordSource; recordId?: string },
    cause: EventCause = {},
  ): Promise<SupervisionRecord> {
    const now = this.clock.now();
    const problems = checkRecordInput(input, localDateInShanghai(now));
    if (problems.length > 0) throw DomainError.validation(problems);
    const record = await this.records.saveNew(tx, {
      id: origin.recordId ?? randomUUID(),
      kind: input.kind,
      holderIdentifier: input.holder.identifier,
      holder: { kind: input.holder.kind, name: input.holder.name, identifier: input.holder.identifier },
      departmentCode: origin.department.code,
      departmentName: origin.department.name,
      title: input.title,
      documentNumber: input.documentNumber?.trim() || null,
      details: input.details ?? null,
      decidedOn: input.decidedOn,
      validUntil: input.validUntil ?? null,
      withdrawn: false,
      withdrawalReason: null,
      source: origin.source,
      publishedBy: origin.publishedBy,
      publishedAt: now,
    });
    await this.outbox.add(tx, Topics.SupervisionRecordPublished, eventOf(record), cause);
    return record;
  }

  /** 撤回: the record is published again with `withdrawn`; approval's credit gate stops counting it. */
  async withdraw(user: AuthenticatedUser, id: string, reason: string): Promise<SupervisionRecord> {
    return this.dataSource.transaction(async (tx) => {
      const record = await this.records.lockInScopeOrFail(tx, user, id);
      if (record.withdrawn) throw SUPERVISION_ERRORS.RECORD_ALREADY_WITHDRAWN();
      await this.markWithdrawn(tx, record, reason, { kind: 'person', id: user.id, name: user.name }, requestCause());
      return record;
    });
  }

  /** 撤回 by a supervisor or by the department system that sent the record (through the bridge): published again, withdrawn. */
  async markWithdrawn(tx: EntityManager, record: SupervisionRecord, reason: string, by: ActorV1, cause: EventCause): Promise<void> {
    record.withdrawn = true;
    record.withdrawalReason = reason;
    record.publishedBy = by;
    record.publishedAt = this.clock.now();
    await this.records.save(tx, record);
    await this.outbox.add(tx, Topics.SupervisionRecordPublished, eventOf(record), cause);
  }

  /** Every record about a holder, newest decision first; every supervisor may read them (信用信息共享). */
  async ofHolder(identifier: string, page: number, pageSize: number): Promise<Page<SupervisionRecord>> {
    return this.records.listOfHolder(identifier, { page, pageSize });
  }
}

function eventOf(record: SupervisionRecord): SupervisionRecordPublishedV1 {
  return {
    recordId: record.id,
    kind: record.kind,
    holder: record.holder,
    department: { code: record.departmentCode, name: record.departmentName },
    title: record.title,
    ...(record.documentNumber ? { documentNumber: record.documentNumber } : {}),
    ...(record.details ? { details: record.details } : {}),
    decidedOn: record.decidedOn,
    ...(record.validUntil ? { validUntil: record.validUntil } : {}),
    withdrawn: record.withdrawn,
    publishedBy: record.publishedBy,
    publishedAt: record.publishedAt.toISOString(),
  };
}
