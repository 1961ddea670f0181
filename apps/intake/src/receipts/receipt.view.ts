import { ApiProperty } from '@nestjs/swagger';

/** The applicant as printed: a resident ID masked, a credit code in full. */
export class PrintedApplicantView {
  @ApiProperty()
  name!: string;

  @ApiProperty({ example: '371502********002X' })
  identifier!: string;
}

export class PrintedBundleView {
  @ApiProperty()
  code!: string;

  @ApiProperty()
  name!: string;
}

export class MaterialToFollowView {
  @ApiProperty()
  name!: string;

  @ApiProperty({ format: 'date' })
  dueDate!: string;
}

export class ReceiptPartView {
  @ApiProperty()
  itemCode!: string;

  @ApiProperty()
  itemName!: string;

  @ApiProperty({ description: 'Department name' })
  department!: string;

  @ApiProperty({ format: 'date', description: '承诺办结日期' })
  promisedDeadline!: string;

  @ApiProperty()
  committedWorkingDays!: number;

  @ApiProperty({ type: [String] })
  materialsReceived!: string[];

  @ApiProperty({ type: [MaterialToFollowView], description: '容缺: to follow by the date; the result is withheld until it arrives' })
  materialsToFollow!: MaterialToFollowView[];

  @ApiProperty({ type: [String], description: '告知承诺' })
  materialsPledged!: string[];
}

/** 受理回执: what the applicant takes home after acceptance. */
export class ReceiptView {
  @ApiProperty({ example: '东昌府区政务服务中心受理回执' })
  title!: string;

  @ApiProperty({ example: 'YC20260305000123' })
  applicationNumber!: string;

  @ApiProperty({ type: PrintedApplicantView })
  applicant!: PrintedApplicantView;

  @ApiProperty({ type: PrintedBundleView, nullable: true })
  bundle!: PrintedBundleView | null;

  @ApiProperty({ format: 'date-time' })
  acceptedAt!: string;

  @ApiProperty({ format: 'date', description: 'The day in China' })
  acceptedOn!: string;

  @ApiProperty({ type: [ReceiptPartView] })
  parts!: ReceiptPartView[];

  @ApiProperty({ type: String, nullable: true })
  contactPhone!: string | null;

  @ApiProperty({ example: '0635-12345' })
  centrePhone!: string;

  @ApiProperty({ type: [String] })
  notes!: string[];
}

export class NoticeLineView {
  @ApiProperty()
  itemName!: string;

  @ApiProperty()
  materialName!: string;

  @ApiProperty({ example: '原件和复印件' })
  form!: string;

  @ApiProperty()
  copies!: number;

  @ApiProperty()
  requirement!: string;

  @ApiProperty({ example: '未提供' })
  problem!: string;
}

/** 一次性告知书: every missing or faulty material, with what it must be. */
export class NoticeView {
  @ApiProperty({ example: '东昌府区政务服务中心一次性告知书' })
  title!: string;

  @ApiProperty()
  noticeNumber!: string;

  @ApiProperty()
  applicationNumber!: string;

  @ApiProperty({ type: PrintedApplicantView })
  applicant!: PrintedApplicantView;

  @ApiProperty({ format: 'date-time' })
  issuedAt!: string;

  @ApiProperty({ format: 'date', description: 'The day in China the notice was issued' })
  issuedOn!: string;

  @ApiProperty({ description: 'The clerk’s name' })
  issuedBy!: string;

  @ApiProperty({ type: [NoticeLineView] })
  lines!: NoticeLineView[];

  @ApiProperty({ description: 'Everything it asked for has arrived' })
  resolved!: boolean;

  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'The department withdrew its request (撤回补正要求)' })
  withdrawnAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  withdrawalReason!: string | null;

  @ApiProperty({ type: [String] })
  notes!: string[];
}
