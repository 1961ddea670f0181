import { ApiProperty } from '@nestjs/swagger';
import { ActorView, serializeDates } from '@onewindow/platform';
import { LicenceSubjectView } from '../licence-subject.view';
import { VERIFICATION_STATUSES, type PledgeVerification, type VerificationStatus } from './pledge-verification.entity';

export class PledgedMaterialView {
  @ApiProperty()
  materialCode!: string;

  @ApiProperty()
  materialName!: string;
}

/** 告知承诺 核查: a task to check what a licence holder pledged instead of proving. */
export class PledgeVerificationView extends LicenceSubjectView {
  @ApiProperty({ type: [PledgedMaterialView] })
  pledges!: PledgedMaterialView[];

  @ApiProperty({ enum: VERIFICATION_STATUSES })
  status!: VerificationStatus;

  @ApiProperty({ format: 'date' })
  dueOn!: string;

  @ApiProperty({ type: String, nullable: true, description: '核查情况' })
  finding!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  verifiedAt!: string | null;

  @ApiProperty({ type: ActorView, nullable: true })
  verifiedBy!: ActorView | null;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  revocationRequestId!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The 失信 record a false pledge published' })
  recordId!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export function toPledgeVerificationView(verification: PledgeVerification): PledgeVerificationView {
  return serializeDates(verification);
}
