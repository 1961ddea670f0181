import { Injectable, Logger } from '@nestjs/common';
import { Topics, type EventEnvelope, type SupervisionRecordReceivedV1 } from '@onewindow/contracts';
import { EventConsumer, PermanentEventError, type EventHandler, type HandlerContext } from '@onewindow/messaging';
import { DomainError } from '@onewindow/platform';
import { RecordRepository } from './record.repository';
import { RecordsService } from './records.service';

/**
 * A penalty or credit record from a department's own system (delivered and mapped by the bridge)
 * goes through the same checks and the same publication as one typed in by a supervisor. The
 * bridge derives the record id from the department's own id, so a record sent twice is stored
 * once, and its withdrawal arrives with the same id.
 */
@Injectable()
@EventConsumer()
export class PublishRecordsFromDepartmentSystems implements EventHandler<SupervisionRecordReceivedV1> {
  readonly name = 'supervision.publish-records-from-department-systems';
  readonly topic = Topics.SupervisionRecordReceived;
  private readonly logger = new Logger(PublishRecordsFromDepartmentSystems.name);

  constructor(
    private readonly records: RecordsService,
    private readonly recordRepository: RecordRepository,
  ) {}

  async handle(event: EventEnvelope<SupervisionRecordReceivedV1>, { tx, cause }: HandlerContext): Promise<void> {
    const received = event.data;
    const existing = await this.recordRepository.lock(tx, received.recordId);
    if (received.withdrawn) {
      if (!existing)
        throw new PermanentEventError(
          `Withdrawal of record ${received.sourceRecordId} from ${received.department.code}, which was never received`,
        );
      if (!existing.withdrawn)
        await this.records.markWithdrawn(tx, existing, received.details ?? '部门系统撤回', received.publishedBy, cause);
      return;
    }
    if (existing) {
      this.logger.log(`Record ${received.sourceRecordId} of ${received.department.code} is already published as ${existing.id}`);
      return;
    }
    try {
      await this.records.publish(
        tx,
        {
          kind: received.kind,
          holder: { kind: received.holder.kind, name: received.holder.name, identifier: received.holder.identifier },
          title: received.title,
          ...(received.documentNumber ? { documentNumber: received.documentNumber } : {}),
          ...(received.details ? { details: received.details } : {}),
          decidedOn: received.decidedOn,
          ...(received.validUntil ? { validUntil: received.validUntil } : {}),
        },
        { department: received.department, publishedBy: received.publishedBy, source: 'department-system', recordId: received.recordId },
        cause,
      );
    } catch (error) {
      // A record the rules refuse will not get better by retrying: dead letter with every field problem.
      if (error instanceof DomainError) {
        throw new PermanentEventError(`${error.message}: ${error.fields.map((f) => `${f.path} ${f.message}`).join('; ')}`);
      }
      throw error;
    }
  }
}
