import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@onewindow/platform';
import type { EntityManager } from 'typeorm';
import type { DecidingAuthority } from './decision-document';
import type { DepartmentLegalProfile } from './legal-profile.entity';
import { LegalProfileRepository } from './legal-profile.repository';

export interface LegalProfileInput {
  authorityName: string;
  documentPrefix: string;
  reviewAuthority: string;
  court: string;
  address?: string;
  phone?: string;
}

/** Each department's legal profile: its name as the deciding authority, document prefix, 复议机关 and court. */
@Injectable()
export class LegalProfilesService {
  constructor(private readonly profiles: LegalProfileRepository) {}

  async put(user: AuthenticatedUser, departmentCode: string, input: LegalProfileInput): Promise<DepartmentLegalProfile> {
    return this.profiles.save({
      departmentCode,
      authorityName: input.authorityName.trim(),
      documentPrefix: input.documentPrefix.trim(),
      reviewAuthority: input.reviewAuthority.trim(),
      court: input.court.trim(),
      address: input.address?.trim() || null,
      phone: input.phone?.trim() || null,
      updatedBy: user.id,
    });
  }

  /** The document prefix of a department: its configured one, else its name (never a guess at an abbreviation). */
  async documentPrefix(tx: EntityManager, departmentCode: string, departmentName: string): Promise<string> {
    return (await this.profiles.documentPrefix(tx, departmentCode)) ?? departmentName;
  }

  /** The deciding authority as a document prints it; the remedies stay unnamed (and flagged) until configured. */
  async authority(departmentCode: string, departmentName: string): Promise<DecidingAuthority> {
    const profile = await this.profiles.find(departmentCode);
    return {
      name: profile?.authorityName ?? departmentName,
      reviewAuthority: profile?.reviewAuthority ?? null,
      court: profile?.court ?? null,
      address: profile?.address ?? null,
      phone: profile?.phone ?? null,
    };
  }
}
