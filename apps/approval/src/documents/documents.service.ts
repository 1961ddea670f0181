import { Injectable } from '@nestjs/common';
import { localDateInShanghai, maskResidentId } from '@onewindow/domain';
import { Clock, type AuthenticatedUser } from '@onewindow/platform';
import { toString as qrSvg } from 'qrcode';
import { ApprovalConfig } from '../approval.config';
import type { ApprovalCase } from '../cases/approval-case.entity';
import { CaseRepository } from '../cases/case.repository';
import type { Licence } from '../licences/licence.entity';
import { LicenceRepository } from '../licences/licence.repository';
import { buildDecisionDocument, type DecisionDocument } from './decision-document';
import { LegalProfilesService } from './legal-profiles.service';
import { buildLicenceDocument, type LicenceDocument } from './licence-document';
import { licenceStanding, verificationCode, verificationUrl } from './licence-verification';
import { APPROVAL_ERRORS } from '../approval-errors';

/**
 * The documents a decision needs besides its status: the decision document (准予/不予行政许可决定书)
 * and the licence (电子证照) with the QR code that verifies it. The window's clerk prints both for
 * the department (统一出件); an approver of the department and management read them too.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly cases: CaseRepository,
    private readonly licences: LicenceRepository,
    private readonly legalProfiles: LegalProfilesService,
    private readonly clock: Clock,
    private readonly config: ApprovalConfig,
  ) {}

  async decisionDocument(user: AuthenticatedUser, caseId: string): Promise<DecisionDocument> {
    const approvalCase = await this.decidedCase(user, caseId);
    const licence = approvalCase.licenceId ? await this.licences.find(approvalCase.licenceId) : null;
    const authority = await this.legalProfiles.authority(approvalCase.departmentCode, approvalCase.departmentName);
    return buildDecisionDocument(
      {
        outcome: approvalCase.status as 'approved' | 'refused',
        decisionNumber: approvalCase.decisionNumber ?? '',
        applicationNumber: approvalCase.applicationNumber,
        applicant: approvalCase.applicant,
        itemName: approvalCase.itemName,
        acceptedOn: approvalCase.acceptedOn,
        decidedOn: localDateInShanghai(approvalCase.decidedAt as Date),
        reason: approvalCase.reason,
        legalBasis: approvalCase.legalBasis,
        licence: licence
          ? { number: licence.number, scope: licence.scope, validFrom: licence.validFrom, validUntil: licence.validUntil }
          : null,
      },
      authority,
      maskResidentId,
    );
  }

  async licenceDocument(user: AuthenticatedUser, licenceId: string): Promise<{ document: LicenceDocument; qrSvg: string }> {
    const licence = await this.licences.getOrFail(licenceId, (found) => this.mayRead(user, found.departmentCode));
    const document = await this.describe(licence);
    return { document, qrSvg: await qrSvg(document.verificationUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }) };
  }

  /** 证照核验, without signing in: the licence as it shows publicly, when the number and its code match. */
  async verify(number: string, code: string): Promise<LicenceDocument> {
    const licence = await this.licences.getVerifiedOrFail(
      number,
      (found) => code === verificationCode(this.config.authTokenSecret, found.id),
    );
    return this.describe(licence);
  }

  private async describe(licence: Licence): Promise<LicenceDocument> {
    const authority = await this.legalProfiles.authority(licence.departmentCode, licence.departmentName || licence.departmentCode);
    const standing = licenceStanding(licence, localDateInShanghai(this.clock.now()));
    const url = verificationUrl(
      this.config.licenceVerifyBaseUrl,
      licence.number,
      verificationCode(this.config.authTokenSecret, licence.id),
    );
    return buildLicenceDocument(
      { ...licence, itemName: licence.itemName || licence.itemCode },
      authority.name,
      standing,
      url,
      maskResidentId,
    );
  }

  private async decidedCase(user: AuthenticatedUser, caseId: string): Promise<ApprovalCase> {
    // The window prints every department's documents (统一出件): a clerk's read is not scoped.
    const approvalCase = user.role === 'clerk' ? await this.cases.getOrFail(caseId) : await this.cases.getInScopeOrFail(user, caseId);
    if (approvalCase.status === 'open' || !approvalCase.decidedAt) throw APPROVAL_ERRORS.NOT_DECIDED();
    return approvalCase;
  }

  /** The window prints every department's documents (统一出件); a department reads its own. */
  private mayRead(user: AuthenticatedUser, departmentCode: string): boolean {
    return user.role === 'clerk' || user.role === 'admin' || user.role === 'manager' || user.department === departmentCode;
  }
}
