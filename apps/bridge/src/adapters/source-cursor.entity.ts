import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** How far a polled department table has been read (数据库表轮询的游标). */
@Entity({ name: 'source_cursor' })
export class SourceCursor {
  /** `{adapter}:{schema.table}`. */
  @PrimaryColumn({ name: 'source_id', type: 'text' })
  sourceId!: string;

  /** The last cursor value handled, as text (an identity or a timestamp). */
  @Column({ type: 'text' })
  position!: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
