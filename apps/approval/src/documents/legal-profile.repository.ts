import { Injectable } from '@nestjs/common';
import { departmentScope, scopeAdmits, type AuthenticatedUser } from '@onewindow/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { DepartmentLegalProfile } from './legal-profile.entity';
import { APPROVAL_ERRORS } from '../approval-errors';

/**
 * Each department's legal profile (法律文书要素): its name as the deciding authority, document
 * prefix, 复议机关 and court, as the documents print them. Every read and write of it goes through
 * here; a use case that spans a transaction passes the transaction's EntityManager.
 */
@Injectable()
export class LegalProfileRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The department's profile, or null while it is not configured (a document then prints the department's name). */
  async find(departmentCode: string): Promise<DepartmentLegalProfile | null> {
    return this.dataSource.getRepository(DepartmentLegalProfile).findOne({ where: { departmentCode } });
  }

  /** The profile of a department within the user's scope, or the 404: one of another department is not disclosed. */
  async getInScopeOrFail(user: AuthenticatedUser, departmentCode: string): Promise<DepartmentLegalProfile> {
    const profile = scopeAdmits(departmentScope(user), departmentCode) ? await this.find(departmentCode) : null;
    if (!profile) throw APPROVAL_ERRORS.LEGAL_PROFILE_NOT_FOUND();
    return profile;
  }

  /** The department's configured document prefix only (a decision numbers itself with it), or null. */
  async documentPrefix(tx: EntityManager, departmentCode: string): Promise<string | null> {
    const profile = await tx.getRepository(DepartmentLegalProfile).findOne({ where: { departmentCode }, select: { documentPrefix: true } });
    return profile?.documentPrefix ?? null;
  }

  /** Writes the department's profile, new or replacing the one kept, and answers it as written. */
  async save(profile: Omit<DepartmentLegalProfile, 'updatedAt'>): Promise<DepartmentLegalProfile> {
    return this.dataSource.getRepository(DepartmentLegalProfile).save(profile);
  }

  /** Writes several departments' profiles at once (the demo's). */
  async saveAll(profiles: Array<Omit<DepartmentLegalProfile, 'updatedAt'>>): Promise<void> {
    await this.dataSource.getRepository(DepartmentLegalProfile).save(profiles);
  }
}
