import { Injectable } from '@nestjs/common';
import { type DomainError, departmentScope, scopeAdmits, type AuthenticatedUser } from '@onewindow/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { DecidingAuthority } from './decision-document';
import { DepartmentLegalProfile } from './legal-profile.entity';
import { APPROVAL_ERRORS } from '../approval-errors';

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
  constructor(private readonly dataSource: DataSource) {}

  async get(user: AuthenticatedUser, departmentCode: string): Promise<DepartmentLegalProfile> {
    if (!scopeAdmits(departmentScope(user), departmentCode)) throw notFound();
    const profile = await this.dataSource.getRepository(DepartmentLegalProfile).findOne({ where: { departmentCode } });
    if (!profile) throw notFound();
    return profile;
  }

  async put(user: AuthenticatedUser, departmentCode: string, input: LegalProfileInput): Promise<DepartmentLegalProfile> {
    return this.dataSource.getRepository(DepartmentLegalProfile).save({
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
    const profile = await tx.getRepository(DepartmentLegalProfile).findOne({ where: { departmentCode }, select: { documentPrefix: true } });
    return profile?.documentPrefix ?? departmentName;
  }

  /** The deciding authority as a document prints it; the remedies stay unnamed (and flagged) until configured. */
  async authority(tx: EntityManager, departmentCode: string, departmentName: string): Promise<DecidingAuthority> {
    const profile = await tx.getRepository(DepartmentLegalProfile).findOne({ where: { departmentCode } });
    return {
      name: profile?.authorityName ?? departmentName,
      reviewAuthority: profile?.reviewAuthority ?? null,
      court: profile?.court ?? null,
      address: profile?.address ?? null,
      phone: profile?.phone ?? null,
    };
  }
}

function notFound(): DomainError {
  return APPROVAL_ERRORS.LEGAL_PROFILE_NOT_FOUND();
}
