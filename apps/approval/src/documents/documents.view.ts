import { ApiProperty } from '@nestjs/swagger';
import { serializeDates } from '@onewindow/platform';
import type { DecisionDocument } from './decision-document';
import type { DepartmentLegalProfile } from './legal-profile.entity';
import type { LicenceDocument } from './licence-document';

/** 准予/不予行政许可决定书 as data: what the printable page shows. */
export class DecisionDocumentView {
  @ApiProperty({ enum: ['准予行政许可决定书', '不予行政许可决定书'] })
  title!: '准予行政许可决定书' | '不予行政许可决定书';

  @ApiProperty({ description: '文书字号', example: '东市监许准〔2026〕15号' })
  number!: string;

  @ApiProperty()
  applicant!: string;

  @ApiProperty({ description: 'Masked for the roles that do not need it' })
  applicantIdentifier!: string;

  @ApiProperty()
  applicationNumber!: string;

  @ApiProperty()
  itemName!: string;

  @ApiProperty({ type: [String], description: 'The decision, paragraph by paragraph, as printed' })
  paragraphs!: string[];

  @ApiProperty({ description: '救济途径: 行政复议 within 60 days, 行政诉讼 within 6 months' })
  remedies!: string;

  @ApiProperty({ description: 'The deciding authority' })
  authority!: string;

  @ApiProperty({ example: '二〇二六年三月十日' })
  dateText!: string;

  @ApiProperty({ type: String, nullable: true })
  contact!: string | null;

  @ApiProperty({ type: [String], description: 'What an administrator still has to configure before the document is complete' })
  incomplete!: string[];
}

/** 电子证照 as the public sees it on verification: no identifiers beyond what a licence shows. */
export class LicenceVerificationView {
  @ApiProperty()
  title!: string;

  @ApiProperty()
  number!: string;

  @ApiProperty()
  holder!: string;

  @ApiProperty()
  itemName!: string;

  @ApiProperty()
  scope!: string;

  @ApiProperty({ example: '2026年03月10日至2031年03月09日' })
  validity!: string;

  @ApiProperty()
  authority!: string;

  @ApiProperty()
  issuedOn!: string;

  @ApiProperty({ enum: ['valid', 'revoked', 'expired', 'not-yet-valid'] })
  standing!: LicenceDocument['standing'];

  @ApiProperty({ example: '有效' })
  standingText!: string;
}

/** A department's legal profile: printed on its decision documents and licences. */
export class LegalProfileView {
  @ApiProperty()
  departmentCode!: string;

  @ApiProperty()
  authorityName!: string;

  @ApiProperty()
  documentPrefix!: string;

  @ApiProperty({ description: '行政复议机关' })
  reviewAuthority!: string;

  @ApiProperty({ description: '行政诉讼管辖法院' })
  court!: string;

  @ApiProperty({ type: String, nullable: true })
  address!: string | null;

  @ApiProperty({ type: String, nullable: true })
  phone!: string | null;

  @ApiProperty()
  updatedBy!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export function toLegalProfileView(profile: DepartmentLegalProfile): LegalProfileView {
  return serializeDates(profile);
}

export function toDecisionDocumentView(document: DecisionDocument): DecisionDocumentView {
  return document;
}

export function toLicenceVerificationView(licence: LicenceDocument): LicenceVerificationView {
  const { holderIdentifier: _identifier, verificationUrl: _url, ...shown } = licence;
  return shown;
}
