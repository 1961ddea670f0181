/**
 * The applicant's calls (no staff sign-in): 办件查询, 好差评 and window appointments (预约办事),
 * public on the server; and, signed in by SMS code, 网上申报 and 我的申报 — those carry
 * `X-OneWindow-Session: applicant`, so the gateway sends the applicant's cookie, not a clerk's.
 */
import { ApiError } from './api-error';
import * as sdk from './generated/intake/sdk.gen';
import type {
  ApplicantSessionView,
  AppointmentView,
  ApplicationView,
  BookDto,
  CodeSentView,
  DaySlotsView,
  FileApplicationDto,
  MyApplicationView,
  ProgressView,
  RateDto,
  RatingReceiptView,
} from './generated/intake/types.gen';
import { APPLICANT_CALL } from './session-aware-fetch';

export type { BookDto, FileApplicationDto, RateDto };
export type ApplicantSession = ApplicantSessionView;
export type CodeSent = CodeSentView;
export type MyApplication = MyApplicationView;
export type Submission = ApplicationView;
export type Progress = ProgressView;
export type RatingReceipt = RatingReceiptView;
export type DaySlots = DaySlotsView;
export type Appointment = AppointmentView;

export async function followApplication(number: string, phoneTail: string): Promise<Progress> {
  return (await sdk.progressControllerProgress({ query: { number, phoneTail } })).data;
}

export async function rateApplication(body: RateDto): Promise<RatingReceipt> {
  return (await sdk.ratingsControllerRate({ body })).data;
}

export async function daySlots(day: string): Promise<DaySlots> {
  return (await sdk.appointmentsControllerSlots({ query: { day } })).data;
}

export async function bookAppointment(body: BookDto): Promise<Appointment> {
  return (await sdk.appointmentsControllerBook({ body })).data;
}

export async function cancelAppointment(number: string, phone: string): Promise<Appointment> {
  return (await sdk.appointmentsControllerCancel({ path: { number }, body: { phone } })).data;
}

/** 获取短信验证码. */
export async function requestSignInCode(phone: string): Promise<CodeSent> {
  return (await sdk.applicantSessionsControllerRequestCode({ body: { phone }, headers: APPLICANT_CALL })).data;
}

/** 短信验证码登录: sets the httpOnly applicant cookie. */
export async function signInApplicant(phone: string, code: string): Promise<ApplicantSession> {
  return (await sdk.applicantSessionsControllerSignIn({ body: { phone, code }, headers: APPLICANT_CALL })).data;
}

/** The signed-in applicant, or null when nobody is (or the session ran out). */
export async function currentApplicant(): Promise<ApplicantSession | null> {
  try {
    return (await sdk.applicantSessionsControllerCurrent({ headers: APPLICANT_CALL })).data;
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) return null;
    throw error;
  }
}

export async function signOutApplicant(): Promise<void> {
  await sdk.applicantSessionsControllerSignOut({ headers: APPLICANT_CALL });
}

/** 网上申报: submitted for the window's pre-review (网上预审). */
export async function submitForPreReview(body: FileApplicationDto): Promise<Submission> {
  return (await sdk.onlineApplicationsControllerSubmit({ body, headers: APPLICANT_CALL })).data;
}

/** 我的申报: newest first. */
export async function myApplications(page = 1, pageSize = 20): Promise<{ items: MyApplication[]; total: number }> {
  return (await sdk.progressControllerMine({ query: { page, pageSize }, headers: APPLICANT_CALL })).data;
}
