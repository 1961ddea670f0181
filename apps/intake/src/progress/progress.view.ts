import { ApiProperty } from '@nestjs/swagger';
import { APPLICATION_STATUSES } from '../applications/application.entity';
import { RatingLevelView } from '../ratings/rating.view';

export class ProgressPartView {
  @ApiProperty()
  itemName!: string;

  @ApiProperty({ description: 'Department name' })
  department!: string;

  @ApiProperty({ type: String, nullable: true, format: 'date' })
  promisedDeadline!: string | null;

  @ApiProperty({ description: '乡呼县应: handed up to the district' })
  handedUp!: boolean;

  @ApiProperty({ example: '办理中' })
  statusText!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Why the part is where it is, when the applicant needs to know: a revocation’s, a refusal’s or a supplement request’s reason',
  })
  reason!: string | null;
}

export class OutstandingMaterialView {
  @ApiProperty()
  itemName!: string;

  @ApiProperty()
  materialName!: string;

  @ApiProperty()
  problem!: string;
}

export class TimelineEntryView {
  @ApiProperty({ description: 'China time, e.g. 2026-03-05T09:00:00+08:00' })
  at!: string;

  @ApiProperty({ example: '已受理，转审批部门办理' })
  text!: string;
}

export class ProgressRatingView extends RatingLevelView {
  @ApiProperty({ description: 'China time' })
  at!: string;

  @ApiProperty({ type: String, nullable: true })
  comment!: string | null;

  @ApiProperty({ description: 'The rating after a rectification was answered' })
  followUp!: boolean;
}

/** 差评整改 as the applicant follows it: the department's answer once given. */
export class ProgressRectificationView {
  @ApiProperty()
  department!: string;

  @ApiProperty({ example: '部门整改中' })
  statusText!: string;

  @ApiProperty({ format: 'date', description: 'The answer is due by' })
  dueDate!: string;

  @ApiProperty({ type: String, nullable: true, description: '整改答复' })
  answer!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'China time' })
  answeredAt!: string | null;
}

/** What an applicant sees when following an application (办件进度查询): no internal ids, no full identifiers. */
export class ProgressView {
  @ApiProperty()
  applicationNumber!: string;

  @ApiProperty({ enum: APPLICATION_STATUSES })
  status!: string;

  @ApiProperty({ example: '审批办理中' })
  statusText!: string;

  @ApiProperty({ description: 'The bundle’s name, or the items’', example: '开办餐饮店' })
  subject!: string;

  @ApiProperty({ type: [ProgressPartView] })
  parts!: ProgressPartView[];

  @ApiProperty({ type: [OutstandingMaterialView], description: 'What the latest open notice still asks for' })
  outstanding!: OutstandingMaterialView[];

  @ApiProperty({ type: [TimelineEntryView] })
  timeline!: TimelineEntryView[];

  @ApiProperty({ type: String, nullable: true, description: 'Where and when to collect the results, while they wait at the centre' })
  collection!: string | null;

  @ApiProperty({ description: '好差评: the applicant may rate now (issued, not yet rated, or a rectification answered)' })
  canRate!: boolean;

  @ApiProperty({ type: [ProgressRatingView] })
  ratings!: ProgressRatingView[];

  @ApiProperty({ type: ProgressRectificationView, nullable: true })
  rectification!: ProgressRectificationView | null;
}

/** 我的申报: one of the signed-in applicant's applications. */
export class MyApplicationView extends ProgressView {
  @ApiProperty({ title: '申报方式', enum: ['window', 'online'], description: 'window 窗口收件 / online 网上申报' })
  receivedVia!: 'window' | 'online';

  @ApiProperty({ title: '提交时间', description: 'China time, e.g. 2026-03-05T09:00:00+08:00' })
  receivedAt!: string;

  @ApiProperty({
    title: '网上预审',
    type: String,
    nullable: true,
    example: '待预审',
    description: 'Where the online pre-review stands; null for an application filed at a window',
  })
  preReview!: string | null;
}
