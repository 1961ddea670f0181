import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export type AppointmentStatus = 'booked' | 'cancelled' | 'arrived';

/** 预约办理: a half-hour slot at the comprehensive window on a working day. */
@Entity({ name: 'appointment' })
@Index('ix_appointment_day_slot', ['day', 'slot'])
@Index('ux_appointment_phone_day_slot', ['phone', 'day', 'slot'], { unique: true, where: `status = 'booked'` })
export class Appointment {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** Readable: `YY` + day + sequence within the day. */
  @Column({ type: 'text', unique: true })
  number!: string;

  @Column({ type: 'date' })
  day!: string;

  /** `09:00` … `16:30`, the start of a half-hour slot. */
  @Column({ type: 'text' })
  slot!: string;

  @Column({ name: 'item_code', type: 'text' })
  itemCode!: string;

  @Column({ name: 'item_name', type: 'text' })
  itemName!: string;

  @Column({ name: 'applicant_name', type: 'text' })
  applicantName!: string;

  @Column({ type: 'text' })
  phone!: string;

  @Column({ type: 'text', default: 'booked' })
  status!: AppointmentStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
