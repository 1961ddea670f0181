import { Injectable } from '@nestjs/common';
import { departmentCondition, readPage, type DepartmentScope, type Page, type PageRequest } from '@onewindow/platform';
import { DataSource, In, IsNull, LessThanOrEqual, type EntityManager, type FindOptionsWhere, type SelectQueryBuilder } from 'typeorm';
import { InboundReceipt } from '../inbound/inbound-receipt.entity';
import { DepartmentDelivery, type DeliveryKind, type DeliveryStatus } from './department-delivery.entity';

export interface DeliveryFilter extends PageRequest {
  status?: DeliveryStatus;
}

/** What a department record may name a part by: its id, its application and item, or the department's case number. */
export type SentPartReference =
  { partId: string } | { applicationNumber: string; itemCode: string } | { adapterId: string; departmentCaseNumber: string };

/**
 * The delivery aggregate (推送任务): one piece of outbound work for a department system, claimed
 * by the worker, and the department's case reference (部门办件编号) it learns back. Every read and
 * write of deliveries goes through here; a use case that spans a transaction passes its EntityManager.
 */
@Injectable()
export class DeliveryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The oldest due delivery of the adapter, locked; rows another sender holds are skipped (not
   * waited for), so several senders and instances each take a different one.
   */
  async lockOldestDue(tx: EntityManager, adapterId: string, now: Date): Promise<DepartmentDelivery | null> {
    return tx.getRepository(DepartmentDelivery).findOne({
      where: [
        { adapterId, status: 'pending', nextAttemptAt: IsNull() },
        { adapterId, status: 'pending', nextAttemptAt: LessThanOrEqual(now) },
      ],
      order: { createdAt: 'ASC' },
      lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' },
    });
  }

  /** Writes the delivery as it is now (a claim: its attempts and lease). */
  async save(tx: EntityManager, delivery: DepartmentDelivery): Promise<void> {
    await tx.getRepository(DepartmentDelivery).save(delivery);
  }

  async insert(tx: EntityManager, delivery: Omit<DepartmentDelivery, 'createdAt' | 'updatedAt'>): Promise<void> {
    await tx.insert(DepartmentDelivery, delivery);
  }

  async update(id: string, changes: Partial<DepartmentDelivery>, tx: EntityManager = this.dataSource.manager): Promise<void> {
    await tx.update(DepartmentDelivery, { id }, changes);
  }

  /**
   * Hands pending deliveries that waited unrouted (no adapter took their item then) to the adapter
   * that takes them now; how many it took.
   */
  async route(
    adapterId: string,
    to: { departmentCode: string; kinds: readonly DeliveryKind[]; itemCodes?: readonly string[] },
  ): Promise<number> {
    const result = await this.dataSource.getRepository(DepartmentDelivery).update(
      {
        adapterId: IsNull(),
        status: 'pending',
        kind: In(to.kinds),
        departmentCode: to.departmentCode,
        ...(to.itemCodes ? { itemCode: In(to.itemCodes) } : {}),
      },
      { adapterId, lastError: null },
    );
    return result.affected ?? 0;
  }

  /** 重放: a failed delivery back to the queue with fresh attempts; false when it is gone or no longer failed. */
  async requeueFailed(id: string): Promise<boolean> {
    const requeued = await this.dataSource
      .getRepository(DepartmentDelivery)
      .update({ id, status: 'failed' }, { status: 'pending', attempts: 0, nextAttemptAt: null, lastError: null });
    return Boolean(requeued.affected);
  }

  /** The delivery log of the departments in scope, newest first. */
  async list(scope: DepartmentScope, filter: DeliveryFilter): Promise<Page<DepartmentDelivery>> {
    const where: FindOptionsWhere<DepartmentDelivery> = {
      ...departmentCondition(scope),
      ...(filter.status ? { status: filter.status } : {}),
    };
    return readPage(
      this.dataSource.getRepository(DepartmentDelivery).createQueryBuilder('d').where(where).orderBy('d.createdAt', 'DESC'),
      filter,
    );
  }

  async countWithStatus(adapterId: string, status: DeliveryStatus): Promise<number> {
    return this.dataSource.getRepository(DepartmentDelivery).count({ where: { adapterId, status } });
  }

  /** Parts sent to the adapter's system under a case number and still without a result, longest waiting first (结果查询). */
  async listAwaitingResult(adapterId: string): Promise<DepartmentDelivery[]> {
    return this.awaitingResult(adapterId).orderBy('d.sent_at', 'ASC').getMany();
  }

  /** Parts sent to the adapter's system and still without a result (对账). */
  async countAwaitingResult(adapterId: string): Promise<number> {
    return this.awaitingResult(adapterId, { withCaseNumber: false }).getCount();
  }

  /** The part as sent to a department system (the `application` delivery) that a department record names, or null. */
  async findSentPart(tx: EntityManager, reference: SentPartReference): Promise<DepartmentDelivery | null> {
    return tx.getRepository(DepartmentDelivery).findOne({ where: { ...reference, kind: 'application' } });
  }

  /**
   * 部门办件编号: the department's own case number for the part, from its acknowledgement (which
   * also marks a part not yet acknowledged as such) or from a result that was the first to give it.
   */
  async recordCaseNumber(
    tx: EntityManager,
    delivery: Pick<DepartmentDelivery, 'id' | 'status'>,
    caseNumber: string,
    source: 'acknowledgement' | 'result',
  ): Promise<void> {
    const acknowledged = source === 'acknowledgement' && (delivery.status === 'sent' || delivery.status === 'pending');
    await tx.update(
      DepartmentDelivery,
      { id: delivery.id },
      { departmentCaseNumber: caseNumber, ...(acknowledged ? { status: 'acknowledged' as const } : {}) },
    );
  }

  private awaitingResult(
    adapterId: string,
    options: { withCaseNumber: boolean } = { withCaseNumber: true },
  ): SelectQueryBuilder<DepartmentDelivery> {
    return this.dataSource
      .getRepository(DepartmentDelivery)
      .createQueryBuilder('d')
      .where(
        `d.adapter_id = :id AND d.kind = 'application' AND d.status IN ('sent', 'acknowledged')${options.withCaseNumber ? ' AND d.department_case_number IS NOT NULL' : ''}`,
        { id: adapterId },
      )
      .andWhere(
        (qb) =>
          `NOT EXISTS ${qb.subQuery().select('1').from(InboundReceipt, 'r').where(`r.part_id = d.part_id AND r.kind = 'result'`).getQuery()}`,
      );
  }
}
