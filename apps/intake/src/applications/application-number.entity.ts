import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last application number handed out per day; numbers restart at 1 each day. */
@Entity({ name: 'application_number_sequence' })
export class ApplicationNumberSequence {
  @PrimaryColumn({ type: 'date' })
  day!: string;

  @Column({ name: 'last_value', type: 'int' })
  lastValue!: number;
}
