import { ApiProperty } from '@nestjs/swagger';
import { ActorView, serializeDates } from '@onewindow/platform';
import type { CaseReminder } from './case-reminder.entity';
import type { ClockEntry } from './clock-entry.entity';
import { DEADLINE_COLOURS, SPECIAL_PROCEDURES, type DeadlineColour, type ExtensionStatus, type SpecialProcedure } from './deadline-ledger';

/** One line of a case's deadline ledger: a suspension (中止计时) or an extension (延期). */
export class ClockEntryView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({ enum: ['suspension', 'extension'] })
  kind!: 'suspension' | 'extension';

  @ApiProperty({ enum: SPECIAL_PROCEDURES, nullable: true, description: 'For a suspension: 听证, 现场勘察, 检验检测, 专家评审, 补正材料' })
  procedure!: SpecialProcedure | null;

  @ApiProperty({ type: String, nullable: true, format: 'date' })
  startOn!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'Null while the procedure runs' })
  endOn!: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'For an extension' })
  workingDays!: number | null;

  @ApiProperty({ description: 'The reason the applicant is told' })
  reason!: string;

  @ApiProperty({ enum: ['requested', 'approved', 'rejected'], nullable: true, description: 'For an extension' })
  status!: ExtensionStatus | null;

  @ApiProperty({ type: ActorView })
  recordedBy!: ActorView;

  @ApiProperty({ type: ActorView, nullable: true })
  reviewedBy!: ActorView | null;

  @ApiProperty({ type: String, nullable: true })
  reviewNote!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

/** The deadline ledger (时限台账): what the deadline and colour are computed from. */
export class LedgerView {
  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({ format: 'date' })
  acceptedOn!: string;

  @ApiProperty()
  promisedWorkingDays!: number;

  @ApiProperty({ type: Number, nullable: true, description: '绿色通道 target' })
  targetWorkingDays!: number | null;

  @ApiProperty({ format: 'date' })
  deadline!: string;

  @ApiProperty({ enum: DEADLINE_COLOURS })
  colour!: string;

  @ApiProperty({ enum: SPECIAL_PROCEDURES, nullable: true })
  suspendedFor!: string | null;

  @ApiProperty()
  suspendedWorkingDays!: number;

  @ApiProperty()
  extendedWorkingDays!: number;

  @ApiProperty({ type: [ClockEntryView] })
  entries!: ClockEntryView[];
}

/** 催办提醒: a colour change told to the assignee (or the department pool). */
export class CaseReminderView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty()
  departmentCode!: string;

  @ApiProperty({ type: String, nullable: true, description: 'Null: the department pool' })
  assigneeId!: string | null;

  @ApiProperty({ enum: DEADLINE_COLOURS })
  colour!: DeadlineColour;

  @ApiProperty({ example: '【黄灯预警】办件YC20260305000123（食品经营许可）将于2026-03-12到期，请抓紧办理。' })
  message!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  readAt!: string | null;
}

export class DeadlineScanView {
  @ApiProperty({ description: 'Open cases looked at' })
  checked!: number;

  @ApiProperty({ description: 'Cases whose colour changed' })
  changed!: number;
}

export function toClockEntryView(entry: ClockEntry): ClockEntryView {
  return serializeDates(entry);
}

export function toCaseReminderView(reminder: CaseReminder): CaseReminderView {
  return serializeDates(reminder);
}
