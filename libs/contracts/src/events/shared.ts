import { IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

export const PARTY_KINDS = ['person', 'organisation'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/**
 * An applicant or licence holder as other services need to know them. The identifier is a
 * resident identity number (person) or a unified social credit code (organisation); the
 * producer has already checked its check character.
 */
export class PartyV1 {
  @IsIn(PARTY_KINDS)
  kind!: PartyKind;

  @IsString()
  @Length(1, 100)
  name!: string;

  /** Resident identity number (GB 11643) or unified social credit code (GB 32100). */
  @Matches(/^[0-9A-Z]{17}[0-9A-Z]$/)
  identifier!: string;

  @IsOptional()
  @IsString()
  @MaxLength(20)
  phone?: string;
}

export const ACTOR_KINDS = ['person', 'department-system', 'platform'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** Who did something: a person with a role, or a department's own system (through the bridge). */
export class ActorV1 {
  @IsIn(ACTOR_KINDS)
  kind!: ActorKind;

  @IsString()
  @Length(1, 64)
  id!: string;

  @IsString()
  @Length(1, 100)
  name!: string;
}

export class DepartmentRefV1 {
  @IsString()
  @Length(1, 40)
  code!: string;

  @IsString()
  @Length(1, 100)
  name!: string;
}

export const CHANNELS = ['window', 'online', 'mobile', 'self-service', 'village-agent'] as const;
export type Channel = (typeof CHANNELS)[number];

export const LEVELS = ['district', 'town', 'village'] as const;
export type Level = (typeof LEVELS)[number];

export const HANDLING_TYPES = ['immediate', 'committed', 'escalated'] as const;
export type HandlingType = (typeof HANDLING_TYPES)[number];

/** Calendar date in China, `YYYY-MM-DD`. */
export const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
