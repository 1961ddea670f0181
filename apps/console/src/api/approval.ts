/**
 * The back office's calls to approval (后台分类审批) and its view of supervision's credit records,
 * through the generated clients. Request types come from the OpenAPI documents.
 */
import * as sdk from './generated/approval/sdk.gen';
import type {
  AdvanceStepDto,
  ApproverView,
  CaseCreditView,
  CaseDossierView,
  CaseReminderView,
  CaseStepRecordView,
  CaseView,
  ClockEntryView,
  LedgerView,
  LicenceView,
  CasesControllerListData,
  DecisionWithOverrideDto,
  GreenChannelDto,
  ReassignDto,
  RequestExtensionDto,
  RequestSupplementDto,
  ReviewExtensionDto,
  SetAwayDto,
  SuspendCaseDto,
} from './generated/approval/types.gen';
import type { Page } from './intake';

export type {
  AdvanceStepDto,
  DecisionWithOverrideDto,
  GreenChannelDto,
  ReassignDto,
  RequestExtensionDto,
  RequestSupplementDto,
  ReviewExtensionDto,
  SuspendCaseDto,
};
export type CaseFilter = NonNullable<CasesControllerListData['query']>;

/** A case as the queue shows it, with the working days left (剩余工作日). */
export type ApprovalCase = CaseView;
/** The case page: the case with its part's application form (answers with their sources) and materials. */
export type CaseDossier = CaseDossierView;
export type StepRecord = CaseStepRecordView;
export type ClockEntry = ClockEntryView;
export type DeadlineLedger = LedgerView;
export type CreditView = CaseCreditView;
export type Approver = ApproverView;
export type Licence = LicenceView;
export type Reminder = CaseReminderView;

export async function listCases(query: CaseFilter): Promise<Page<ApprovalCase>> {
  return (await sdk.casesControllerList({ query })).data;
}

export async function getCase(id: string): Promise<CaseDossier> {
  return (await sdk.casesControllerGet({ path: { id } })).data;
}

export async function caseHistory(id: string): Promise<StepRecord[]> {
  return (await sdk.workflowControllerHistory({ path: { id } })).data;
}

export async function caseLedger(id: string): Promise<DeadlineLedger> {
  return (await sdk.deadlinesControllerLedger({ path: { id } })).data;
}

export async function caseCredit(id: string): Promise<CreditView> {
  return (await sdk.creditControllerForCase({ path: { id } })).data;
}

export async function listApprovers(): Promise<Approver[]> {
  return (await sdk.workflowControllerListApprovers()).data;
}

export async function getLicence(id: string): Promise<Licence> {
  return (await sdk.licencesControllerGet({ path: { id } })).data;
}

export async function listReminders(page = 1, pageSize = 10): Promise<Page<Reminder>> {
  return (await sdk.deadlinesControllerReminders({ query: { page, pageSize } })).data;
}

export async function advanceStep(id: string, body: AdvanceStepDto) {
  return (await sdk.workflowControllerAdvance({ path: { id }, body })).data;
}

export async function decideCase(id: string, body: DecisionWithOverrideDto) {
  return (await sdk.decisionsControllerDecide({ path: { id }, body })).data;
}

export async function requestSupplement(id: string, body: RequestSupplementDto) {
  return (await sdk.decisionsControllerRequestSupplement({ path: { id }, body })).data;
}

export async function suspendCase(id: string, body: SuspendCaseDto) {
  return (await sdk.deadlinesControllerSuspend({ path: { id }, body })).data;
}

export async function resumeCase(id: string, suspensionId: string) {
  return (await sdk.deadlinesControllerResume({ path: { id, suspensionId }, body: {} })).data;
}

export async function requestExtension(id: string, body: RequestExtensionDto) {
  return (await sdk.deadlinesControllerRequestExtension({ path: { id }, body })).data;
}

export async function reviewExtension(id: string, extensionId: string, body: ReviewExtensionDto) {
  return (await sdk.deadlinesControllerReviewExtension({ path: { id, extensionId }, body })).data;
}

export async function joinGreenChannel(id: string, body: GreenChannelDto) {
  return (await sdk.deadlinesControllerGreenChannel({ path: { id }, body })).data;
}

export async function reassignCase(id: string, body: ReassignDto) {
  return (await sdk.workflowControllerReassign({ path: { id }, body })).data;
}

/** AB岗: an approver away hands their open cases to their stand-in (B角); back, they take new ones again. */
export async function setAway(approverId: string, body: SetAwayDto) {
  return (await sdk.workflowControllerSetAway({ path: { id: approverId }, body })).data;
}
