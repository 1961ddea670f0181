import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PartFormV1, PartMaterialV1 } from '@onewindow/contracts';

/**
 * What the approver reads of the application (申请表 and 材料): the part's share of the form with
 * the source of every auto-filled answer, and its materials as accepted — received, 容缺 with a
 * due date, 告知承诺. Taken from the accepted event; one row per case, kept apart from the case so
 * the queue stays light.
 */
@Entity({ name: 'case_form' })
export class CaseForm {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  /** Null for applications accepted before forms. */
  @Column({ type: 'jsonb', nullable: true })
  form!: PartFormV1 | null;

  @Column({ type: 'jsonb' })
  materials!: PartMaterialV1[];
}
