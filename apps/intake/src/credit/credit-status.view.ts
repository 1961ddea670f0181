import { ApiProperty } from '@nestjs/swagger';

/** An active 失信 entry, as the window shows it. */
export class CreditEntryView {
  @ApiProperty({ example: '拖欠农民工工资列入失信联合惩戒对象名单' })
  title!: string;

  @ApiProperty({ description: 'The department that published it' })
  departmentName!: string;

  @ApiProperty({ type: String, nullable: true, description: '决定文书号' })
  documentNumber!: string | null;

  @ApiProperty({ format: 'date' })
  decidedOn!: string;

  @ApiProperty({ type: String, nullable: true, format: 'date' })
  validUntil!: string | null;
}

/** 信用状况 at the window: may the applicant use 容缺受理 and 告知承诺? */
export class CreditStatusView {
  @ApiProperty({ description: 'Credit code or ID number, upper case' })
  identifier!: string;

  @ApiProperty()
  blacklisted!: boolean;

  @ApiProperty({ description: 'May the applicant use 容缺受理 and 告知承诺?' })
  toleranceAllowed!: boolean;

  @ApiProperty({ type: [CreditEntryView] })
  entries!: CreditEntryView[];
}
