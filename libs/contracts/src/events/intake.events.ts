import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
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
}
