import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * 数据自动调取: one form pre-filled from a shared data source, and (once the form reports back)
 * how many of its fields were kept as filled, changed, or typed by hand. The key is kept only as
 * a hash: which company or person was looked up is personal data.
 */
@Entity({ name: 'prefill_record' })
@Index('ix_prefill_created', ['createdAt'])
export class PrefillRecord {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'lookup_id', type: 'text' })
  lookupId!: string;

  @Column({ name: 'key_kind', type: 'text' })
  keyKind!: string;

  @Column({ name: 'key_hash', type: 'text' })
  keyHash!: string;

  @Column({ name: 'fields_filled', type: 'int' })
  fieldsFilled!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** Reported by the form when submitted: pre-filled fields left as they were. */
  @Column({ name: 'fields_kept', type: 'int', nullable: true })
  fieldsKept!: number | null;

  @Column({ name: 'fields_changed', type: 'int', nullable: true })
  fieldsChanged!: number | null;

  /** Fields the applicant or clerk typed that no source filled. */
  @Column({ name: 'fields_typed', type: 'int', nullable: true })
  fieldsTyped!: number | null;

  @Column({ name: 'reported_at', type: 'timestamptz', nullable: true })
  reportedAt!: Date | null;
}
