import { ApiProperty } from '@nestjs/swagger';
import { ActorView, PartyView, serializeDates } from '@onewindow/platform';
import { DepartmentItemView } from '../cases/case.view';
import type { Licence } from './licence.entity';

/** 电子证照: a licence an approval issued. */
export class LicenceView extends DepartmentItemView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ description: '证照编号', example: 'JY13715022026000001' })
  number!: string;

  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({ format: 'uuid' })
  applicationId!: string;

  @ApiProperty({ type: PartyView })
  holder!: PartyView;

  @ApiProperty({ format: 'date' })
  validFrom!: string;

  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'Open-ended when null' })
  validUntil!: string | null;

  @ApiProperty({ description: '许可范围', example: '热食类食品制售' })
  scope!: string;

  @ApiProperty({ type: String, nullable: true, description: '经营场所, from the application form; null before forms' })
  holderAddress!: string | null;

  @ApiProperty({ enum: ['valid', 'revoked'] })
  status!: 'valid' | 'revoked';

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  revokedAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  revocationReason!: string | null;

  @ApiProperty({ type: ActorView, nullable: true })
  revokedBy!: ActorView | null;

  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The supervision request a revocation answered' })
  revocationRequestId!: string | null;

  @ApiProperty({ format: 'date-time' })
  issuedAt!: string;
}

export function toLicenceView(licence: Licence): LicenceView {
  return serializeDates(licence);
}
