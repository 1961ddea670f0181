import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Topics, type ActorV1 } from '@onewindow/contracts';
import { localDateInShanghai } from '@onewindow/domain';
import { EventOutbox } from '@onewindow/messaging';
import { Clock, DomainError, requestCause, type AuthenticatedUser, type Page } from '@onewindow/platform';
import { DataSource } from 'typeorm';
import { RecordsService } from '../records/records.service';
import type { PledgeVerification } from './pledge-verification.entity';
import { PledgeVerificationRepository, type VerificationFilter } from './pledge-verification.repository';
import type { VerificationResultDto } from './pledges.dto';
import { SUPERVISION_ERRORS } from '../supervision-errors';

@Injectable()
export class PledgesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly verifications: PledgeVerificationRepository,
    private readonly outbox: EventOutbox,
    private readonly records: RecordsService,
    private readonly clock: Clock,
  ) {}

  /** The department's verification tasks, the earliest due first. */
  async list(user: AuthenticatedUser, filter: VerificationFilter): Promise<Page<PledgeVerification>> {
    return this.verifications.list(user, filter, localDateInShanghai(this.clock.now()));
  }

  /**
   * 核查结果. True: the task is closed. False (承诺不实): in the same transaction, the issuing
   * department is asked to revoke the licence and the holder is blacklisted (失信), both announced
   * through the outbox.
   */
  async verify(user: AuthenticatedUser, id: string, result: VerificationResultDto): Promise<PledgeVerification> {
    return this.dataSource.transaction(async (tx) => {
      const task = await this.verifications.lockInScopeOrFail(tx, user, id);
      if (task.status !== 'open') throw SUPERVISION_ERRORS.VERIFICATION_CLOSED();
      if (!result.truthful && !result.documentNumber?.trim()) {
        throw DomainError.validation([{ path: 'documentNumber', code: 'REQUIRED', message: '承诺不实须填写失信认定决定书文号' }]);
      }
      const now = this.clock.now();
      const actor: ActorV1 = { kind: 'person', id: user.id, name: user.name };
      const department = { code: task.departmentCode, name: task.departmentName };
      const cause = requestCause();
      task.finding = result.finding;
      task.verifiedAt = now;
      task.verifiedBy = actor;
      if (result.truthful) {
        task.status = 'verified';
        return this.verifications.save(tx, task);
      }
      const pledged = task.pledges.map((p) => p.materialName).join('、');
      const record = await this.records.publish(
        tx,
        {
          kind: 'blacklist',
          holder: task.holder,
          title: `告知承诺不实（${task.itemName}）`,
          documentNumber: result.documentNumber as string,
          details: `承诺事项：${pledged}。核查情况：${result.finding}`,
          decidedOn: localDateInShanghai(now),
          ...(result.validUntil ? { validUntil: result.validUntil } : {}),
        },
        { department, publishedBy: actor, source: 'pledge-verification' },
        cause,
      );
      const requestId = randomUUID();
      await this.outbox.add(
        tx,
        Topics.RevocationRequested,
        {
          requestId,
          licenceId: task.licenceId,
          licenceNumber: task.licenceNumber,
          applicationId: task.applicationId,
          reason: `告知承诺核查：${pledged}承诺不实。${result.finding}`,
          requestedByDepartment: department,
          requestedBy: actor,
          requestedAt: now.toISOString(),
        },
        cause,
      );
      task.status = 'false-pledge';
      task.revocationRequestId = requestId;
      task.recordId = record.id;
      return this.verifications.save(tx, task);
    });
  }
}
