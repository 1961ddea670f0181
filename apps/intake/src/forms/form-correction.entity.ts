import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { FormChange } from '@onewindow/forms';

/** Why the form was corrected: at the clerk's check of a draft or online submission, with a supplement after a notice, or for a department's 补正 request. */
export const FORM_CORRECTION_OCCASIONS = ['check', 'supplement', 'department-request'] as const;
export type FormCorrectionOccasion = (typeof FORM_CORRECTION_OCCASIONS)[number];

/** 申请表更正记录: one correction of an application's form — what changed, who changed it, when. Never updated. */
@Entity({ name: 'form_correction' })
@Index('ix_form_correction_application', ['applicationId', 'correctedAt'])
export class FormCorrection {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @Column({ type: 'text' })
  occasion!: FormCorrectionOccasion;

  /** Answer by answer, by the paths of the application's (merged) form. */
  @Column({ type: 'jsonb' })
  changes!: FormChange[];

  @Column({ name: 'corrected_by', type: 'text' })
  correctedBy!: string;

  @Column({ name: 'corrected_by_name', type: 'text' })
  correctedByName!: string;

  @Column({ name: 'corrected_at', type: 'timestamptz' })
  correctedAt!: Date;
}
