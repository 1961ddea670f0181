import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Topics, type EventEnvelope, type LicenceIssuedV1 } from '@onewindow/contracts';
import { EventConsumer, type EventHandler, type HandlerContext } from '@onewindow/messaging';
import { Clock } from '@onewindow/platform';
import { SupervisionConfig } from '../supervision.config';
import { licenceSubject } from '../licence-subject';
import { PledgeVerificationRepository } from './pledge-verification.repository';
import { verificationDueOn, verifyingDepartment } from './verification-policy';

/** 告知承诺: a licence issued on pledges gets a verification task for its supervising department. */
@Injectable()
@EventConsumer()
export class CreateVerificationWhenLicenceIssuedOnPledges implements EventHandler<LicenceIssuedV1> {
  readonly name = 'supervision.create-verification-when-licence-issued-on-pledges';
  readonly topic = Topics.LicenceIssued;

  constructor(
    private readonly verifications: PledgeVerificationRepository,
    private readonly clock: Clock,
    private readonly config: SupervisionConfig,
  ) {}

  async handle(event: EventEnvelope<LicenceIssuedV1>, { tx }: HandlerContext): Promise<void> {
    const licence = event.data;
    if (licence.pledges.length === 0) return;
    await this.verifications.insertIfNew(tx, {
      ...licenceSubject(randomUUID(), licence, verifyingDepartment(licence)),
      pledges: licence.pledges,
      status: 'open',
      dueOn: verificationDueOn(new Date(licence.issuedAt), this.config.pledgeVerificationDays),
      finding: null,
      verifiedAt: null,
      verifiedBy: null,
      revocationRequestId: null,
      recordId: null,
      createdAt: this.clock.now(),
    });
  }
}
