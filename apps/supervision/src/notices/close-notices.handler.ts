import { Injectable } from '@nestjs/common';
import { Topics, type EventEnvelope, type LicenceRevokedV1 } from '@onewindow/contracts';
import { EventConsumer, type EventHandler, type HandlerContext } from '@onewindow/messaging';
import { NoticeRepository } from './notice.repository';

/**
 * 撤销许可: a revoked licence has no holder left to supervise. Its notices still waiting for
 * acknowledgement (pending or escalated) are closed with the reason; acknowledged ones stay as
 * they were. The revocation is kept, so a notice whose issue arrives later is never opened.
 */
@Injectable()
@EventConsumer()
export class CloseNoticesWhenLicenceRevoked implements EventHandler<LicenceRevokedV1> {
  readonly name = 'supervision.close-notices-when-licence-revoked';
  readonly topic = Topics.LicenceRevoked;

  constructor(private readonly notices: NoticeRepository) {}

  async handle(event: EventEnvelope<LicenceRevokedV1>, { tx }: HandlerContext): Promise<void> {
    const revoked = event.data;
    const revokedAt = new Date(revoked.revokedAt);
    await this.notices.recordRevocation(tx, { licenceId: revoked.licenceId, reason: revoked.reason, revokedAt });
    await this.notices.closeWaitingForLicence(tx, revoked.licenceId, revokedAt, closedReason(revoked));
  }
}

/** What the supervisor reads on the closed notice. */
export function closedReason(revoked: Pick<LicenceRevokedV1, 'licenceNumber' | 'reason' | 'issuingDepartment'>): string {
  return `证照${revoked.licenceNumber}已被${revoked.issuingDepartment.name}撤销（${revoked.reason}），无需认领`;
}
