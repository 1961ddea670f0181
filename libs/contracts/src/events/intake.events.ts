import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  ActorV1,
  CHANNELS,
  type Channel,
  DepartmentRefV1,
  HANDLING_TYPES,
  type HandlingType,
  LEVELS,
  type Level,
  LOCAL_DATE,
  PartyV1,
} from './shared';

/** 容缺受理: a material accepted as missing, to follow by a due date. */
export class DeficiencyV1 {
  @IsString()
  @Length(1, 40)
  materialCode!: string;

  @IsString()
  @Length(1, 200)
  materialName!: string;

  @Matches(LOCAL_DATE)
  dueDate!: string;
}

/** 告知承诺: a material replaced by the applicant's written pledge, to be verified later. */
export class PledgeV1 {
  @IsString()
  @Length(1, 40)
  materialCode!: string;

  @IsString()
  @Length(1, 200)
  materialName!: string;
}

export class AgentV1 {
  /** 帮办代办 helper at a centre, or a village agent (村代办员). */
  @IsIn(['helper', 'village-agent', 'proxy'])
  kind!: 'helper' | 'village-agent' | 'proxy';

  @IsString()
  @Length(1, 100)
  name!: string;

  @IsString()
  @Length(1, 18)
  identifier!: string;
}

export const FORM_SOURCES = ['enterprise', 'person', 'project'] as const;
export type FormSource = (typeof FORM_SOURCES)[number];

/** 数据自动调取: where an auto-filled answer came from, and whether a person changed it afterwards. */
export class FormFieldSourceV1 {
  /** enterprise 法人库 (by credit code), person 人口库 (by ID number), project 投资项目库 (by project code). */
  @IsIn(FORM_SOURCES)
  source!: FormSource;

  /** The source as the bridge named it, e.g. 聊城市法人单位基础信息库. */
  @IsString()
  @Length(1, 100)
  sourceName!: string;

  @IsISO8601({ strict: true })
  fetchedAt!: string;

  /** The clerk or applicant changed the filled value before submitting. */
  @IsBoolean()
  changed!: boolean;
}

/** One answer of a form as a person reads it. */
export class FormFieldV1 {
  /** Path in the part's form data: `buildingArea`, `builder.creditCode`, `shareholders[0].name`. */
  @IsString()
  @Length(1, 200)
  path!: string;

  /** The field's Chinese label, with its group or row: 建设单位统一社会信用代码. */
  @IsString()
  @Length(1, 200)
  label!: string;

  /** The answer as read: code labels, 是/否, the unit after a number, the division's name before an address. */
  @IsString()
  @Length(0, 4000)
  text!: string;

  /** 数据元: the shared data element the field is, e.g. DE-JYCS 经营场所. */
  @IsOptional()
  @IsString()
  @Length(1, 40)
  element?: string;

  /** Set when the answer was filled from a shared data source. */
  @IsOptional()
  @ValidateNested()
  @Type(() => FormFieldSourceV1)
  source?: FormFieldSourceV1;
}

/** One answer of a form as JSON: text, a number, yes/no, a group (object) or a table (array). */
export type FormValueV1 = string | number | boolean | object | null;

/** 申请表: one part's share of the application form, so its department never types it again. */
export class PartFormV1 {
  /** The answers by the field names of the item version's own form (groups as objects, tables as arrays). */
  @IsObject()
  data!: Record<string, FormValueV1>;

  /** Every answer with its label and text, and where an auto-filled one came from. */
  @IsArray()
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => FormFieldV1)
  fields!: FormFieldV1[];
}

export const PART_MATERIAL_STATUSES = ['received', 'to-follow', 'pledged'] as const;
export type PartMaterialStatus = (typeof PART_MATERIAL_STATUSES)[number];

/** One material of a part as accepted: received, to follow by a date (容缺), or replaced by a pledge (告知承诺). */
export class PartMaterialV1 extends PledgeV1 {
  @IsIn(PART_MATERIAL_STATUSES)
  status!: PartMaterialStatus;

  /** 容缺: the date it must arrive by. */
  @IsOptional()
  @Matches(LOCAL_DATE)
  dueDate?: string;
}

/** Answers of an application's form by how they were filled, for the 自动调取率 KPI (a shared answer counted once). */
export class FormStatisticsV1 {
  /** Filled from a shared data source and kept. */
  @IsInt()
  @Min(0)
  automatic!: number;

  /** Filled from a shared data source, then changed by a person. */
  @IsInt()
  @Min(0)
  changed!: number;

  /** Typed by a person. */
  @IsInt()
  @Min(0)
  typed!: number;
}

/** One answer a correction (补正) changed. */
export class FormChangeV1 {
  @IsString()
  @Length(1, 200)
  path!: string;

  @IsString()
  @Length(1, 200)
  label!: string;

  /** Absent: the answer is new. */
  @IsOptional()
  @IsString()
  @Length(0, 4000)
  before?: string;

  /** Absent: the answer was removed. */
  @IsOptional()
  @IsString()
  @Length(0, 4000)
  after?: string;
}

/** One department's share of an application: a single item, or one item of a bundle (一件事). */
export class ApplicationPartV1 {
  @IsUUID()
  partId!: string;

  @IsString()
  @Length(1, 64)
  itemCode!: string;

  @IsInt()
  @Min(1)
  itemVersion!: number;

  @IsString()
  @Length(1, 200)
  itemName!: string;

  @ValidateNested()
  @Type(() => DepartmentRefV1)
  department!: DepartmentRefV1;

  @IsIn(HANDLING_TYPES)
  handlingType!: HandlingType;

  @IsInt()
  @Min(0)
  @Max(365)
  committedWorkingDays!: number;

  @IsInt()
  @Min(0)
  @Max(365)
  legalWorkingDays!: number;

  /** Promised deadline (承诺时限) in working days from acceptance; the start day is not counted. */
  @Matches(LOCAL_DATE)
  promisedDeadline!: string;

  /** Departments that supervise holders of this item's licence (审管互动). */
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => DepartmentRefV1)
  supervisingDepartments!: DepartmentRefV1[];

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => DeficiencyV1)
  deficiencies!: DeficiencyV1[];

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PledgeV1)
  pledges!: PledgeV1[];

  /** Handled in the department's own system: the bridge pushes it there. */
  @IsBoolean()
  handledInDepartmentSystem!: boolean;

  /** 乡呼县应: taken in at a town or village window and handed up to this district department. */
  @IsOptional()
  @IsIn(LEVELS)
  handedUpFrom?: Level;

  /** The part's projection of the application form (added in the form release; absent from earlier events). */
  @IsOptional()
  @ValidateNested()
  @Type(() => PartFormV1)
  form?: PartFormV1;

  /**
   * Every material of the part as accepted: received, 容缺 with its due date, 告知承诺. Absent from
   * earlier events, which carry only `deficiencies` and `pledges` (still sent, unchanged).
   */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PartMaterialV1)
  materials?: PartMaterialV1[];
}

export class BundleRefV1 {
  @IsString()
  @Length(1, 64)
  code!: string;

  @IsString()
  @Length(1, 200)
  name!: string;

  /** 牵头部门: sees the whole bundle. */
  @IsString()
  @Length(1, 40)
  leadDepartmentCode!: string;
}

/** `intake.application.accepted.v1`: 受理 — the window accepted an application for every part. */
export class ApplicationAcceptedV1 {
  @IsUUID()
  applicationId!: string;

  /** Readable, unique, dated, e.g. `YC20260305000123`. */
  @IsString()
  @Length(6, 40)
  applicationNumber!: string;

  @IsISO8601({ strict: true })
  acceptedAt!: string;

  @IsIn(CHANNELS)
  channel!: Channel;

  @IsIn(LEVELS)
  level!: Level;

  @ValidateNested()
  @Type(() => PartyV1)
  applicant!: PartyV1;

  @IsOptional()
  @ValidateNested()
  @Type(() => AgentV1)
  agent?: AgentV1;

  @IsOptional()
  @ValidateNested()
  @Type(() => BundleRefV1)
  bundle?: BundleRefV1;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ApplicationPartV1)
  parts!: ApplicationPartV1[];

  @ValidateNested()
  @Type(() => ActorV1)
  acceptedBy!: ActorV1;

  /** How the application's form was filled (absent from events before forms). */
  @IsOptional()
  @ValidateNested()
  @Type(() => FormStatisticsV1)
  formStatistics?: FormStatisticsV1;
}

/** One material on a one-time notice (一次性告知). */
export class NoticeLineV1 {
  @IsString()
  @Length(1, 64)
  itemCode!: string;

  @IsString()
  @Length(1, 40)
  materialCode!: string;

  @IsString()
  @Length(1, 200)
  materialName!: string;

  /** 未提交, or what is wrong with it. */
  @IsString()
  @Length(1, 200)
  problem!: string;
}

/** `intake.application.notice-issued.v1`: 一次性告知 — the file is incomplete; the applicant was told everything at once. */
export class ApplicationNoticeIssuedV1 {
  @IsUUID()
  applicationId!: string;

  @IsString()
  @Length(6, 40)
  applicationNumber!: string;

  @IsUUID()
  noticeId!: string;

  @IsString()
  @Length(1, 60)
  noticeNumber!: string;

  @ValidateNested()
  @Type(() => PartyV1)
  applicant!: PartyV1;

  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => NoticeLineV1)
  lines!: NoticeLineV1[];

  @IsISO8601({ strict: true })
  issuedAt!: string;

  @ValidateNested()
  @Type(() => ActorV1)
  issuedBy!: ActorV1;
}

/** `intake.application.issued.v1`: 统一出件 — the results left the centre, at the window or by post. */
export class ApplicationIssuedV1 {
  @IsUUID()
  applicationId!: string;

  @IsString()
  @Length(6, 40)
  applicationNumber!: string;

  @IsIn(['window', 'post'])
  method!: 'window' | 'post';

  @IsOptional()
  @IsString()
  @Length(1, 40)
  trackingNumber?: string;

  /** 统一收费: what was paid, in fen (0 for free items). */
  @IsInt()
  @Min(0)
  feePaidFen!: number;

  /** Visits the applicant made in person over the whole application (最多跑一次). */
  @IsInt()
  @Min(0)
  visits!: number;

  @IsISO8601({ strict: true })
  issuedAt!: string;
}

export const RATING_LEVELS = [1, 2, 3, 4, 5] as const;

/** `intake.rating.submitted.v1`: 好差评 — 5 非常满意 … 1 非常不满意; a follow-up closes a rectification. */
export class RatingSubmittedV1 {
  @IsUUID()
  ratingId!: string;

  @IsUUID()
  applicationId!: string;

  @IsString()
  @Length(6, 40)
  applicationNumber!: string;

  @IsInt()
  @Min(1)
  @Max(5)
  level!: number;

  @ValidateNested()
  @Type(() => DepartmentRefV1)
  department!: DepartmentRefV1;

  /** Set when the rating is unfavourable (2 or 1): the department must answer. */
  @IsOptional()
  @IsUUID()
  rectificationId?: string;

  /** Set when this rating answers a rectification's follow-up; the rectification is closed. */
  @IsOptional()
  @IsUUID()
  closesRectificationId?: string;

  @IsISO8601({ strict: true })
  ratedAt!: string;
}

/** `intake.rectification.answered.v1`: 差评整改 — the department answered an unfavourable rating. */
export class RectificationAnsweredV1 {
  @IsUUID()
  rectificationId!: string;

  @IsUUID()
  applicationId!: string;

  @ValidateNested()
  @Type(() => DepartmentRefV1)
  department!: DepartmentRefV1;

  @Matches(LOCAL_DATE)
  dueDate!: string;

  @IsISO8601({ strict: true })
  answeredAt!: string;

  /** Answered on or before the due date. */
  @IsBoolean()
  onTime!: boolean;
}

/** `intake.application.received.v1`: 收件 — an application came in (at a window, as a draft, or online). */
export class ApplicationReceivedV1 {
  @IsUUID()
  applicationId!: string;

  @IsString()
  @Length(6, 40)
  applicationNumber!: string;

  /** window: a clerk took it in; online: the applicant submitted it (pre-review follows). */
  @IsIn(['window', 'online'])
  via!: 'window' | 'online';

  @IsIn(CHANNELS)
  channel!: Channel;

  @IsIn(LEVELS)
  level!: Level;

  @ValidateNested()
  @Type(() => PartyV1)
  applicant!: PartyV1;

  @IsArray()
  @ArrayMinSize(1)
  @IsString({ each: true })
  itemCodes!: string[];

  @IsOptional()
  @IsString()
  @Length(1, 64)
  bundleCode?: string;

  @IsISO8601({ strict: true })
  receivedAt!: string;
}

/** `intake.deficiency.received.v1`: 容缺补交 — a material accepted as missing arrived. */
export class DeficiencyReceivedV1 {
  @IsUUID()
  applicationId!: string;

  @IsUUID()
  partId!: string;

  @IsString()
  @Length(1, 40)
  materialCode!: string;

  @Matches(LOCAL_DATE)
  dueDate!: string;

  /** Arrived on or before its due date. */
  @IsBoolean()
  onTime!: boolean;

  @IsISO8601({ strict: true })
  receivedAt!: string;
}

/** `intake.fee.paid.v1`: 统一收费 — the fee of an application was paid at the window. */
export class FeePaidV1 {
  @IsUUID()
  applicationId!: string;

  @IsInt()
  @Min(1)
  amountFen!: number;

  @IsString()
  @Length(1, 40)
  receiptNumber!: string;

  @IsISO8601({ strict: true })
  paidAt!: string;
}

/** `intake.part.supplemented.v1`: the applicant handed in what a department asked for (补正材料已补齐); its clock runs again. */
export class PartSupplementedV1 {
  @IsUUID()
  applicationId!: string;

  @IsUUID()
  partId!: string;

  @IsUUID()
  caseId!: string;

  @IsArray()
  @IsString({ each: true })
  @ArrayMaxSize(50)
  materialCodes!: string[];

  @ValidateNested()
  @Type(() => ActorV1)
  receivedBy!: ActorV1;

  @IsISO8601({ strict: true })
  receivedAt!: string;

  /** The part's form as corrected with the supplement, when the department asked for corrections to it. */
  @IsOptional()
  @ValidateNested()
  @Type(() => PartFormV1)
  form?: PartFormV1;

  /** What the correction changed in the form, answer by answer. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => FormChangeV1)
  formChanges?: FormChangeV1[];
}
