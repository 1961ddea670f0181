import { Injectable } from '@nestjs/common';
import { Topics } from '@onewindow/contracts';
import { localDateInShanghai } from '@onewindow/domain';
import { EventOutbox } from '@onewindow/messaging';
import { Clock, requestCause, type AuthenticatedUser } from '@onewindow/platform';
import { DataSource } from 'typeorm';
import { partChanges } from '../forms/filing-form';
import { IssuanceService } from '../issuance/issuance.service';
import type { FormAnswersDto } from './accept-application.dto';
import { ApplicationFormCorrections } from './application-form-corrections';
import type { Application } from './application.entity';
import { ApplicationRepository } from './application.repository';
import { FiledItems } from './filed-items';
import { INTAKE_ERRORS } from '../intake-errors';

/**
 * A part's progress after acceptance, at the window: a 容缺 material handed in, the materials a
 * department asked for (退回补正) brought in. The hand-off to issuance follows as it is ready.
 */
@Injectable()
export class PartFollowUpService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationRepository,
    private readonly filedItems: FiledItems,
    private readonly formCorrections: ApplicationFormCorrections,
    private readonly issuance: IssuanceService,
    private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  /** 容缺: a material accepted as missing has arrived. */
  async receiveDeficiency(id: string, partId: string, materialCode: string): Promise<Application> {
    return this.dataSource.transaction(async (tx) => {
      const application = await this.applications.lockOrFail(tx, id);
      const part = application.parts.find((p) => p.id === partId);
      const deficiency = part?.deficiencies.find((d) => d.materialCode === materialCode);
      if (!part || !deficiency) throw INTAKE_ERRORS.DEFICIENCY_NOT_FOUND();
      if (deficiency.receivedAt) return application;
      const now = this.clock.now();
      deficiency.receivedAt = now.toISOString();
      await this.outbox.add(
        tx,
        Topics.DeficiencyReceived,
        {
          applicationId: application.id,
          partId: part.id,
          materialCode,
          dueDate: deficiency.dueDate,
          onTime: localDateInShanghai(now) <= deficiency.dueDate,
          receivedAt: now.toISOString(),
        },
        requestCause(),
      );
      part.received = [...part.received, { itemCode: part.itemCode, materialCode, materialName: deficiency.materialName }];
      await this.applications.savePart(tx, part);
      await this.issuance.announceIfReady(tx, application);
      return application;
    });
  }

  /**
   * 补正材料已补齐: the applicant handed in what the department asked for during review. The
   * department's clock runs again; a second call changes nothing.
   */
  async receiveRequestedSupplement(id: string, partId: string, clerk: AuthenticatedUser, input: FormAnswersDto = {}): Promise<Application> {
    return this.dataSource.transaction(async (tx) => {
      const application = await this.applications.lockOrFail(tx, id);
      const part = application.parts.find((p) => p.id === partId);
      if (!part) throw INTAKE_ERRORS.PART_NOT_FOUND();
      const request = part.supplementRequest;
      if (!request) throw INTAKE_ERRORS.NO_SUPPLEMENT_REQUESTED({ departmentName: part.departmentName });
      const now = this.clock.now();
      const corrected = await this.formCorrections.correct(
        tx,
        application,
        await this.filedItems.asFiled(tx, application),
        input,
        clerk,
        now,
        'department-request',
      );
      part.received = [
        ...part.received,
        ...request.materials.map((m) => ({ itemCode: part.itemCode, materialCode: m.materialCode, materialName: m.materialName })),
      ];
      part.supplementRequest = null;
      // A corrected form changed the application's answers and every part's share; else only this part changed.
      if (corrected) await this.applications.save(tx, application);
      else await this.applications.savePart(tx, part);
      await this.applications.resolveNotice(tx, request.noticeNumber, now);
      await this.outbox.add(
        tx,
        Topics.PartSupplemented,
        {
          applicationId: application.id,
          partId: part.id,
          caseId: request.caseId,
          materialCodes: request.materials.map((m) => m.materialCode),
          receivedBy: { kind: 'person', id: clerk.id, name: clerk.name },
          receivedAt: now.toISOString(),
          // The corrected form goes back to the department that asked, with what changed in its share.
          ...(corrected && part.form
            ? { form: part.form, formChanges: partChanges(corrected.filing, corrected.changes, part.itemCode) }
            : {}),
        },
        requestCause(),
      );
      return application;
    });
  }
}
