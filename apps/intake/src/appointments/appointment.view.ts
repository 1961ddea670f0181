import { ApiProperty } from '@nestjs/swagger';
import { serializeDates } from '@onewindow/platform';
import type { Appointment, AppointmentStatus } from './appointment.entity';

/** 预约办理: a booked window visit. */
export class AppointmentView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ description: 'Readable: `YY` + day + sequence', example: 'YY20260305007' })
  number!: string;

  @ApiProperty({ format: 'date' })
  day!: string;

  @ApiProperty({ description: 'Start of the half-hour slot', example: '09:30' })
  slot!: string;

  @ApiProperty()
  itemCode!: string;

  @ApiProperty()
  itemName!: string;

  @ApiProperty()
  applicantName!: string;

  @ApiProperty()
  phone!: string;

  @ApiProperty({ enum: ['booked', 'cancelled', 'arrived'] })
  status!: AppointmentStatus;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class SlotAvailabilityView {
  @ApiProperty({ example: '09:30' })
  slot!: string;

  @ApiProperty({ description: 'Places left' })
  remaining!: number;
}

export class DaySlotsView {
  @ApiProperty({ format: 'date' })
  day!: string;

  @ApiProperty({ type: [SlotAvailabilityView] })
  slots!: SlotAvailabilityView[];
}

export function toAppointmentView(appointment: Appointment): AppointmentView {
  return serializeDates(appointment);
}
