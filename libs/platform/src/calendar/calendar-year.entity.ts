import type { CalendarYearData } from '@onewindow/domain';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A year of public holidays and make-up working days an administrator loaded (it overrides the bundled one). */
@Entity({ name: 'calendar_year' })
export class CalendarYear {
  @PrimaryColumn({ type: 'int' })
  year!: number;

  @Column({ type: 'jsonb' })
  data!: CalendarYearData;

  @Column({ name: 'loaded_by', type: 'text' })
  loadedBy!: string;

  @UpdateDateColumn({ name: 'loaded_at', type: 'timestamptz' })
  loadedAt!: Date;
}
