import { Injectable } from '@nestjs/common';
import { localDateInShanghai } from '@onewindow/domain';
import { Clock, type AuthenticatedUser } from '@onewindow/platform';
import { DataSource } from 'typeorm';
import { isInPersonChannel } from '../catalogue/intake-rules';
import type { MaterialCheckEntry } from '../catalogue/materials-check';
import type { SupplementDto } from './accept-application.dto';
import { AcceptanceDecision } from './acceptance-decision';
import { ApplicationFormCorrections } from './application-form-corrections';
import type { Application } from './application.entity';
import { ApplicationRepository } from './application.repository';
import { FiledItems } from './filed-items';
import { invalid } from './refusals';
import { INTAKE_ERRORS } from '../intake-errors';

/**
 * 材料审查 and 补正: the clerk's check of a draft or an online submission (网上预审), and the
 * applicant's supplement after a one-time notice. Each ends in acceptance or a (new) notice.
 */
@Injectable()
export class MaterialsReviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationRepository,
    private readonly filedItems: FiledItems,
    private readonly acceptance: AcceptanceDecision,
    private readonly formCorrections: ApplicationFormCorrections,
    private readonly clock: Clock,
  ) {}

  /**
   * The materials check of a draft, or 网上预审 of an online submission: complete → accepted
   * (online: without a visit); incomplete → the one-time notice. Materials already recorded
   * (uploaded, or listed in the draft) count as provided unless the clerk lists them otherwise.
   */
  async check(id: string, input: SupplementDto, clerk: AuthenticatedUser): Promise<Application> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (tx) => {
      const application = await this.applications.lockOrFail(tx, id);
      if (application.status !== 'submitted' && application.status !== 'draft') {
        throw INTAKE_ERRORS.ALREADY_CHECKED(application);
      }
      const items = await this.filedItems.asFiled(tx, application);
      await this.formCorrections.correct(tx, application, items, input, clerk, now, 'check');
      const listed = new Set((input.materials ?? []).map((entry) => `${entry.itemCode}/${entry.materialCode}`));
      const uploaded: MaterialCheckEntry[] = application.parts
        .flatMap((part) => part.received)
        .filter((material) => !listed.has(`${material.itemCode}/${material.materialCode}`))
        .map((material) => ({ itemCode: material.itemCode, materialCode: material.materialCode, finding: 'provided' }));
      const check = await this.acceptance.checkMaterials(tx, {
        items,
        answers: application.situations,
        entries: [...((input.materials ?? []) as MaterialCheckEntry[]), ...uploaded],
        allOtherMaterialsProvided: input.allOtherMaterialsProvided ?? false,
        today: localDateInShanghai(now),
        applicantIdentifier: application.applicant.identifier,
      });
      if (check.outcome === 'invalid') throw invalid(check.problems);
      await this.acceptance.conclude(tx, application, items, check, clerk, now);
      return application;
    });
  }

  /** 补正: the applicant brings what the notice asked for; the whole file is checked again. */
  async supplement(id: string, input: SupplementDto, clerk: AuthenticatedUser): Promise<Application> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (tx) => {
      const application = await this.applications.lockOrFail(tx, id);
      if (application.status !== 'awaiting-supplement') {
        throw INTAKE_ERRORS.NOT_AWAITING_SUPPLEMENT(application);
      }
      const items = await this.filedItems.asFiled(tx, application);
      await this.formCorrections.correct(tx, application, items, input, clerk, now, 'supplement');
      const check = await this.acceptance.checkMaterials(tx, {
        items,
        answers: application.situations,
        entries: (input.materials ?? []) as MaterialCheckEntry[],
        allOtherMaterialsProvided: input.allOtherMaterialsProvided ?? false,
        today: localDateInShanghai(now),
        applicantIdentifier: application.applicant.identifier,
      });
      if (check.outcome === 'invalid') throw invalid(check.problems);
      if (input.visitedInPerson ?? isInPersonChannel(application.channel)) application.visits += 1;
      await this.applications.resolveOpenNotices(tx, application.id, now);
      // conclude() writes the application (the extra visit included) with its new state.
      await this.acceptance.conclude(tx, application, items, check, clerk, now);
      return application;
    });
  }
}
