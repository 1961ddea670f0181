import { ApiProperty } from '@nestjs/swagger';
import { PageOf, serializeDates } from '@onewindow/platform';
import { LicenceSubjectView } from '../licence-subject.view';
import { NOTICE_STATUSES, type NoticeStatus, type SupervisionNotice } from './supervision-notice.entity';

/** 审管互动: a new licence holder told to a supervising department. */
export class NoticeView extends LicenceSubjectView {
  @ApiProperty({ enum: NOTICE_STATUSES })
  status!: NoticeStatus;

  @ApiProperty({ format: 'date-time', description: '认领 due by' })
  acknowledgeBy!: string;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  acknowledgedAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  acknowledgedBy!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: '督办: when the head was alerted' })
  escalatedAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  licenceIssuedAt!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: '经营场所 from the application form: where the supervisor goes first; null before forms',
  })
  holderAddress!: string | null;

  @ApiProperty({ type: String, nullable: true, description: '许可范围 / 经营范围: what to supervise; null before forms' })
  scope!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class EscalationCountView {
  @ApiProperty({ title: '部门代码' })
  departmentCode!: string;

  @ApiProperty({ title: '监管部门', example: '东昌府区卫生健康委员会' })
  departmentName!: string;

  @ApiProperty({ description: 'Notices ever escalated' })
  escalated!: number;

  @ApiProperty({ description: 'Of those, still not acknowledged' })
  stillOpen!: number;
}

/** 督办: the head's inbox, with counts per department. */
export class EscalationsView extends PageOf(NoticeView) {
  @ApiProperty({ type: [EscalationCountView] })
  counts!: EscalationCountView[];
}

export class EscalationScanView {
  @ApiProperty()
  checked!: number;

  @ApiProperty()
  escalated!: number;
}

export function toNoticeView(notice: SupervisionNotice): NoticeView {
  return serializeDates(notice);
}
