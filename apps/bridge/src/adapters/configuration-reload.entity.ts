import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const CONFIGURATION_RELOAD_OUTCOMES = ['applied', 'refused'] as const;
export type ConfigurationReloadOutcome = (typeof CONFIGURATION_RELOAD_OUTCOMES)[number];

/** 重新加载配置: who read the adapters file again, when, with what result (refused ones with every problem). */
@Entity({ name: 'configuration_reload' })
@Index('ix_configuration_reload_at', ['at'])
export class ConfigurationReload {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_configuration_reload' })
  id!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  /** The account's name and id. */
  @Column({ name: 'reloaded_by', type: 'text' })
  reloadedBy!: string;

  @Column({ type: 'text' })
  file!: string;

  /** SHA-256 of the file read, when it could be read and was valid. */
  @Column({ name: 'file_sha256', type: 'text', nullable: true })
  fileSha256!: string | null;

  @Column({ type: 'text' })
  outcome!: ConfigurationReloadOutcome;

  /** Names of the mapping specs that changed (applied). */
  @Column({ name: 'changed_mappings', type: 'jsonb' })
  changedMappings!: string[];

  /** Every problem by its path in the file (refused). */
  @Column({ type: 'jsonb' })
  problems!: Array<{ path: string; message: string }>;
}
