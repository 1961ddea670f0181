import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser, Page, PageRequest } from '@onewindow/platform';
import { phoneOfApplicant } from '../applicant-sessions/sign-in-codes';
import type { FormCorrection } from '../forms/form-correction.entity';
import type { ApplicationNotice } from './application-notice.entity';
import type { Application } from './application.entity';
import { ApplicationRepository, type ApplicationFilter } from './application.repository';

/** What the window, the applicant and the printed documents read of applications: one, lists, notices, form history. */
@Injectable()
export class ApplicationQueries {
  constructor(private readonly applications: ApplicationRepository) {}

  async get(id: string): Promise<Application> {
    return this.applications.getOrFail(id);
  }

  async list(filter: ApplicationFilter): Promise<Page<Application>> {
    return this.applications.list(filter);
  }

  /** Online applications of the signed-in applicant, newest first. */
  async submittedOnlineBy(applicant: AuthenticatedUser, request: PageRequest): Promise<Page<Application>> {
    return this.applications.listSubmittedOnlineBy(applicant.id, request);
  }

  /**
   * 我的申报: what the signed-in applicant submitted, and (signed in by SMS code) every application
   * whose contact or applicant phone is the phone proven — those filed at a window too. Newest first.
   */
  async ofApplicant(applicant: AuthenticatedUser, request: PageRequest): Promise<Page<Application>> {
    return this.applications.listForApplicant(applicant.id, phoneOfApplicant(applicant.id), request);
  }

  /** The application an applicant asks about by number, if the proof matches; the same 404 otherwise. */
  async provenByNumber(number: string, proves: (application: Application) => boolean): Promise<Application> {
    return this.applications.getProvenByNumberOrFail(number, proves);
  }

  /** The application's one-time notices, oldest first. */
  async notices(applicationId: string): Promise<ApplicationNotice[]> {
    return this.applications.notices(applicationId);
  }

  /** 申请表更正记录 of an existing application, oldest first. */
  async formCorrections(applicationId: string): Promise<FormCorrection[]> {
    await this.applications.getOrFail(applicationId);
    return this.applications.formCorrections(applicationId);
  }
}
