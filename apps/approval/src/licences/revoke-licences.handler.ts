import { Injectable } from '@nestjs/common';
import { Topics, type EventEnvelope, type RevocationRequestedV1 } from '@onewindow/contracts';
import { EventConsumer, PermanentEventError, type EventHandler, type HandlerContext } from '@onewindow/messaging';
import { LicenceRepository } from './licence.repository';
import { LicencesService } from './licences.service';

/** 撤销许可 at supervision's request (e.g. a false pledge found in verification). */
@Injectable()
@EventConsumer()
export class RevokeLicencesWhenRequested implements EventHandler<RevocationRequestedV1> {
  readonly name = 'approval.revoke-licences-when-requested';
  readonly topic = Topics.RevocationRequested;

  constructor(
    private readonly licenceRepository: LicenceRepository,
    private readonly licences: LicencesService,
  ) {}

  async handle(event: EventEnvelope<RevocationRequestedV1>, { tx }: HandlerContext): Promise<void> {
    const request = event.data;
    const licence = await this.licenceRepository.lock(tx, request.licenceId);
    if (!licence) throw new PermanentEventError(`No licence ${request.licenceId} (${request.licenceNumber}) to revoke`);
    if (licence.number !== request.licenceNumber) {
      throw new PermanentEventError(`Licence ${request.licenceId} is numbered ${licence.number}, not ${request.licenceNumber}`);
    }
    await this.licences.revoke(
      tx,
      licence,
      `${request.requestedByDepartment.name}提请撤销：${request.reason}`,
      {
        kind: 'platform',
        id: `supervision:${request.requestedByDepartment.code}`,
        name: `${request.requestedByDepartment.name}（${request.requestedBy.name}）`,
      },
      request.requestId,
    );
  }
}
