import { ApiProperty } from '@nestjs/swagger';
import { APPLICATION_STATUSES } from '../applications/application.entity';

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
    description: 'Why the part is where it is, when the applicant needs to know: a revocation’s, a refusal’s or a supplement request’s reason',
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
}
