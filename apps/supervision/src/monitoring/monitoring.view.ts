import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DepartmentRefView, PageOf, serializeDates } from '@onewindow/platform';
import { KPI_DIMENSIONS, type KpiDimension } from './kpis';
import type { MonitoredCase } from './monitoring.repository';

/** A rate with what it was computed from; `value` is null when nothing was counted. */
export class RatioView {
  @ApiProperty()
  numerator!: number;

  @ApiProperty()
  denominator!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'numerator / denominator, 4 decimals' })
  value!: number | null;
}

/** 电子监察 KPIs of a slice (definitions in apps/supervision/README.md). */
export class KpisView {
  @ApiProperty()
  cases!: number;

  @ApiProperty()
  decided!: number;

  @ApiProperty()
  open!: number;

  @ApiProperty({ type: RatioView, description: '办结率' })
  completionRate!: RatioView;

  @ApiProperty({ type: RatioView, description: '按时办结率' })
  onTimeRate!: RatioView;

  @ApiProperty({ type: RatioView, description: '承诺时限压缩率' })
  promiseCompressionRate!: RatioView;

  @ApiProperty({ type: RatioView, description: '网上办理率' })
  onlineRate!: RatioView;

  @ApiProperty({ type: RatioView, description: '一窗受理率' })
  oneWindowRate!: RatioView;

  @ApiProperty({ type: RatioView, description: '平均跑动次数' })
  visitsPerCase!: RatioView;

  @ApiProperty({ type: RatioView, description: '零跑动率' })
  zeroVisitRate!: RatioView;

  @ApiProperty({ type: RatioView, description: '最多跑一次率' })
  atMostOneVisitRate!: RatioView;

  @ApiProperty({ type: RatioView, description: '满意率' })
  satisfactionRate!: RatioView;

  @ApiProperty({ type: RatioView, description: '差评整改率' })
  rectificationRate!: RatioView;

  @ApiProperty()
  notices!: number;

  @ApiProperty({ type: RatioView, description: '审管互动推送及时率' })
  noticePushedOnTimeRate!: RatioView;

  @ApiProperty({ type: RatioView, description: '审管互动认领率' })
  noticeAcknowledgedRate!: RatioView;

  @ApiProperty({ type: RatioView, description: '审管互动按时认领率' })
  noticeAcknowledgedOnTimeRate!: RatioView;

  @ApiProperty({ description: '督办: notices escalated to the department head' })
  noticesEscalated!: number;

  @ApiProperty({ type: RatioView, description: '申请表自动调取率: answers filled from shared data and kept / all answers' })
  autoFillRate!: RatioView;
}

export class KpiGroupView {
  @ApiProperty({ description: 'The dimension’s value: a department code, an item code, a level, a channel or a month' })
  key!: string;

  @ApiProperty({ type: KpisView })
  kpis!: KpisView;
}

export class KpiFilterView {
  @ApiPropertyOptional()
  departmentCode?: string;

  @ApiPropertyOptional()
  itemCode?: string;

  @ApiPropertyOptional()
  level?: string;

  @ApiPropertyOptional()
  channel?: string;

  @ApiPropertyOptional({ description: 'YYYY-MM, inclusive' })
  fromMonth?: string;

  @ApiPropertyOptional({ description: 'YYYY-MM, inclusive' })
  toMonth?: string;
}

export class KpiReportView {
  @ApiProperty({ type: KpiFilterView, description: 'The slice, a department role narrowed to its own department' })
  filter!: KpiFilterView;

  @ApiProperty({ type: KpisView })
  overall!: KpisView;

  @ApiPropertyOptional({ enum: KPI_DIMENSIONS })
  groupBy?: KpiDimension;

  @ApiPropertyOptional({ type: [KpiGroupView] })
  groups?: KpiGroupView[];
}

/** A case as monitoring lists it, with its latest colour and deadline. */
export class MonitoredCaseView {
  @ApiProperty({ format: 'uuid' })
  partId!: string;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  caseId!: string | null;

  @ApiProperty({ format: 'uuid' })
  applicationId!: string;

  @ApiProperty({ type: String, nullable: true })
  applicationNumber!: string | null;

  @ApiProperty()
  departmentCode!: string;

  @ApiProperty()
  departmentName!: string;

  @ApiProperty({ type: String, nullable: true })
  itemCode!: string | null;

  @ApiProperty({ type: String, nullable: true })
  itemName!: string | null;

  @ApiProperty({ enum: ['open', 'approved', 'refused'] })
  status!: string;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  acceptedAt!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  decidedAt!: string | null;

  @ApiProperty({ type: Boolean, nullable: true })
  onTime!: boolean | null;

  @ApiProperty({ type: String, nullable: true, format: 'date' })
  deadline!: string | null;

  @ApiProperty({ enum: ['green', 'yellow', 'red'] })
  colour!: string;

  @ApiProperty({ description: 'A special procedure stops its clock' })
  suspended!: boolean;

  @ApiProperty({ description: 'Open and past its deadline today' })
  overdue!: boolean;
}

/** 超期预警: the page of overdue cases, and the day it was reckoned on. */
export class OverdueCasesView extends PageOf(MonitoredCaseView) {
  @ApiProperty({ format: 'date', description: 'Today in China' })
  today!: string;
}

export class ItemKpisView {
  @ApiProperty()
  itemCode!: string;

  @ApiProperty()
  itemName!: string;

  @ApiProperty({ type: KpisView })
  kpis!: KpisView;
}

export class OverdueCaseLineView {
  @ApiProperty()
  applicationNumber!: string;

  @ApiProperty()
  itemCode!: string;

  @ApiProperty()
  itemName!: string;

  @ApiProperty({ format: 'date' })
  deadline!: string;

  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'The decision’s date in China, null while open' })
  decidedOn!: string | null;

  @ApiProperty()
  status!: string;
}

/** 月报: a department's KPIs and overdue cases for a month. */
export class MonthlyReportView {
  @ApiProperty({ example: '2026-03' })
  month!: string;

  @ApiProperty({ type: DepartmentRefView })
  department!: DepartmentRefView;

  @ApiProperty({ format: 'date' })
  producedOn!: string;

  @ApiProperty({ type: KpisView })
  kpis!: KpisView;

  @ApiProperty({ type: [ItemKpisView] })
  items!: ItemKpisView[];

  @ApiProperty({ type: [OverdueCaseLineView] })
  overdue!: OverdueCaseLineView[];
}

export class RebuildView {
  @ApiProperty({ description: 'Stored events applied again' })
  events!: number;
}

export function toMonitoredCaseView(row: MonitoredCase): MonitoredCaseView {
  return serializeDates(row);
}
