import { ApiProperty } from '@nestjs/swagger';
import { serializeDates } from '@onewindow/platform';
import { DELIVERY_STATUSES, type DeliveryStatus, type DepartmentDelivery } from './department-delivery.entity';

/** A part waiting for or sent to a department system. */
export class DeliveryView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  applicationId!: string;

  @ApiProperty()
  applicationNumber!: string;

  @ApiProperty({ format: 'uuid' })
  partId!: string;

  @ApiProperty()
  departmentCode!: string;

  @ApiProperty()
  itemCode!: string;

  @ApiProperty({ enum: DELIVERY_STATUSES })
  status!: DeliveryStatus;

  @ApiProperty()
  attempts!: number;

  @ApiProperty({ type: String, nullable: true, description: 'Null: no configured adapter takes the item (unrouted)' })
  adapterId!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  nextAttemptAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  lastError!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The department system’s own reference' })
  externalReference!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  sentAt!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The application part as the platform describes it' })
  payload!: object;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export function toDeliveryView(delivery: DepartmentDelivery): DeliveryView {
  return serializeDates(delivery);
}
