import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { BundleRefV1 } from '@onewindow/contracts';
import { DomainError, type AuthenticatedUser } from '@onewindow/platform';
import type { EntityManager } from 'typeorm';
import type { ServiceItem } from '../catalogue/service-item.entity';
import { ApplicationForms } from '../forms/application-forms';
import type { FormCorrection, FormCorrectionOccasion } from '../forms/form-correction.entity';
import { correctFilingForm, partForm, type FilingForm } from '../forms/filing-form';
import type { FormAnswersDto } from './accept-application.dto';
import type { Application } from './application.entity';
import { ApplicationRepository } from './application.repository';
import { fieldError } from './refusals';

/** The application's form (申请表): the one it is filed with, and its corrections with their history. */
@Injectable()
export class ApplicationFormCorrections {
  constructor(
    private readonly forms: ApplicationForms,
    private readonly applications: ApplicationRepository,
  ) {}

  /** The form these items are filed with: one item's own, or the merged 一表申请 form of a bundle or of several items. */
  filingForm(items: ServiceItem[], bundle: BundleRefV1 | null): FilingForm {
    return this.forms.forFiling(items, bundle ? `${bundle.name}一表申请` : undefined);
  }

  /**
   * 补正 of the form: corrected answers replace the filed ones, every part gets its new share, and
   * the change is recorded (what, who, when). Nothing happens when no form is sent.
   */
  async correct(
    tx: EntityManager,
    application: Application,
    items: ServiceItem[],
    input: FormAnswersDto,
    clerk: AuthenticatedUser,
    at: Date,
    occasion: FormCorrectionOccasion,
  ): Promise<{ filing: FilingForm; changes: FormCorrection['changes'] } | undefined> {
    if (input.form === undefined && input.formSources === undefined) return undefined;
    const filing = this.filingForm(items, application.bundle);
    const previous = application.form ?? { data: {}, provenance: [], statistics: { automatic: 0, changed: 0, typed: 0 } };
    const result = correctFilingForm(
      filing,
      previous,
      { data: input.form ?? previous.data, sources: input.formSources },
      application.situations,
    );
    if (!result.ok) throw DomainError.validation(result.problems.map((problem) => fieldError(problem, 'FORM_INVALID')));
    application.form = result.filed;
    for (const part of application.parts) part.form = partForm(filing, result.filed, part.itemCode, application.situations);
    if (result.changes.length > 0) {
      await this.applications.insertFormCorrection(tx, {
        id: randomUUID(),
        applicationId: application.id,
        occasion,
        changes: result.changes,
        correctedBy: clerk.id,
        correctedByName: clerk.name,
        correctedAt: at,
      });
    }
    return { filing, changes: result.changes };
  }
}
