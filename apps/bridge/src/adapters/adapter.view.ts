import { ApiProperty } from '@nestjs/swagger';
import { DepartmentRefView } from '@onewindow/platform';
import { EXCHANGE_STATUSES, type ExchangeStatus } from '../exchange-log/exchange-log-entry.entity';

export class AdapterChannelView {
  @ApiProperty({ enum: ['result', 'supervision-record'] })
  kind!: string;

  @ApiProperty({ example: 'webhook' })
  transport!: string;
}

export class AdapterFailureView {
  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ enum: EXCHANGE_STATUSES })
  status!: ExchangeStatus;

  @ApiProperty({ type: String, nullable: true })
  detail!: string | null;
}

/** One adapter to a department system and its health. */
export class AdapterHealthView {
  @ApiProperty({ example: 'dcf-scjgj-qydj' })
  id!: string;

  @ApiProperty({ example: '市场监管局企业登记系统' })
  name!: string;

  @ApiProperty({ type: DepartmentRefView })
  department!: DepartmentRefView;

  @ApiProperty({ type: String, nullable: true, description: 'Outbound transport: http, file, table…' })
  outbound!: string | null;

  @ApiProperty({ type: [AdapterChannelView] })
  inbound!: AdapterChannelView[];

  @ApiProperty({
    enum: ['up', 'degraded', 'paused', 'unavailable'],
    description:
      'degraded: the last exchange failed; unavailable: the adapter cannot work now (e.g. chromium not found), its deliveries wait',
  })
  status!: 'up' | 'degraded' | 'paused' | 'unavailable';

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Why the adapter cannot work now, e.g. `unavailable: chromium not found at /usr/bin/chromium`',
  })
  unavailableReason!: string | null;

  @ApiProperty()
  paused!: boolean;

  @ApiProperty({ type: String, nullable: true })
  pausedReason!: string | null;

  @ApiProperty()
  pendingDeliveries!: number;

  @ApiProperty()
  failedDeliveries!: number;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  lastExchangeAt!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  lastSuccessAt!: string | null;

  @ApiProperty({ type: AdapterFailureView, nullable: true })
  lastFailure!: AdapterFailureView | null;
}

export class ResumedAdapterView extends AdapterHealthView {
  @ApiProperty({ description: 'Deliveries sent at once on resuming' })
  flushed!: number;
}

export class ReconciliationCountsView {
  @ApiProperty()
  sent!: number;

  @ApiProperty()
  acknowledged!: number;

  @ApiProperty()
  retried!: number;

  @ApiProperty()
  deliveriesDeadLettered!: number;

  @ApiProperty()
  resultsReceived!: number;

  @ApiProperty()
  supervisionRecordsReceived!: number;

  @ApiProperty()
  duplicates!: number;

  @ApiProperty()
  inboundDeadLettered!: number;

  @ApiProperty()
  refused!: number;

  @ApiProperty()
  pendingDeliveries!: number;

  @ApiProperty()
  awaitingResult!: number;
}

/** 每日对账 of one adapter for one day in China. */
export class ReconciliationView {
  @ApiProperty()
  adapterId!: string;

  @ApiProperty({ format: 'date' })
  date!: string;

  @ApiProperty({ type: ReconciliationCountsView })
  counts!: ReconciliationCountsView;

  @ApiProperty({ description: 'The report in Chinese, as text' })
  report!: string;
}
