/**
 * The back office's calls to approval (后台分类审批) and its view of supervision's credit records,
 * through the generated clients. Request types come from the OpenAPI documents.
 */
import * as sdk from './generated/approval/sdk.gen';
import type {
  AdvanceStepDto,
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

export type { AdvanceStepDto, DecisionWithOverrideDto, GreenChannelDto, ReassignDto, RequestExtensionDto, RequestSupplementDto, ReviewExtensionDto, SuspendCaseDto };
export type CaseFilter = NonNullable<CasesControllerListData['query']>;

export interface Actor {
  kind: string;
  id: string;
  name: string;
}

export interface ApprovalCase {
  id: string;
  applicationId: string;
  partId: string;
  applicationNumber: string;
  itemCode: string;
  itemName: string;
  departmentCode: string;
  departmentName: string;
  applicant: { kind: string; name: string; identifier: string; phone?: string };
  status: 'open' | 'approved' | 'refused';
  handlingType: string;
  acceptedOn: string;
  promisedWorkingDays: number;
  deadline: string;
  colour: 'green' | 'yellow' | 'red';
  suspendedFor: string | null;
  suspendedWorkingDays: number;
  extendedWorkingDays: number;
  greenChannel: boolean;
  greenChannelReason: string | null;
  targetWorkingDays: number | null;
  currentStep: string;
  assigneeId: string | null;
  assigneeName: string | null;
  bundleCode: string | null;
  bundleName: string | null;
  leadDepartmentCode: string | null;
  deficiencies: Array<{ itemCode?: string; materialCode: string; materialName: string; dueDate: string }>;
  supervisingDepartments: Array<{ code: string; name: string }>;
  pledges: Array<{ materialCode: string; materialName: string }>;
  handedUpFrom: string | null;
  openedAt: string;
  decidedAt: string | null;
  decidedBy: Actor | null;
  reason: string | null;
  legalBasis: string | null;
  licenceId: string | null;
  creditOverride: { reason: string; by: Actor } | null;
  /** 剩余工作日 to the deadline: negative once overdue, null once decided. */
  workingDaysLeft: number | null;
}

export interface StepRecord {
  id: string;
  step: string;
  kind: 'completed' | 'assigned' | 'reassigned' | 'stand-in';
  actor: Actor;
  assigneeId: string | null;
  assigneeName: string | null;
  note: string | null;
  at: string;
}

export interface ClockEntry {
  id: string;
  kind: 'suspension' | 'extension';
  procedure: string | null;
  startOn: string | null;
  endOn: string | null;
  workingDays: number | null;
  reason: string;
  status: 'requested' | 'approved' | 'rejected' | null;
  recordedBy: Actor;
  reviewedBy: Actor | null;
  reviewNote: string | null;
  createdAt: string;
}

export interface DeadlineLedger {
  caseId: string;
  acceptedOn: string;
  promisedWorkingDays: number;
  targetWorkingDays: number | null;
  deadline: string;
  colour: string;
  suspendedFor: string | null;
  suspendedWorkingDays: number;
  extendedWorkingDays: number;
  entries: ClockEntry[];
}

export interface CreditRecord {
  recordId: string;
  kind: string;
  departmentName: string;
  title: string;
  documentNumber: string | null;
  decidedOn: string;
  validUntil: string | null;
  withdrawn: boolean;
}

export interface CreditView {
  holder: { name: string; identifier: string };
  blacklisted: boolean;
  redlisted: boolean;
  reliesOnTolerance: boolean;
  records: CreditRecord[];
}

export interface Approver {
  id: string;
  name: string;
  departmentCode: string;
  standInId: string | null;
  standInName: string | null;
  away: boolean;
  awayReason: string | null;
}

export interface Licence {
  id: string;
  number: string;
  itemName: string;
  departmentName: string;
  holder: { name: string; identifier: string };
  validFrom: string;
  validUntil: string | null;
  scope: string;
  status: string;
}

export interface Reminder {
  id: string;
  caseId: string;
  colour: string;
  message: string;
  createdAt: string;
}

export async function listCases(query: CaseFilter): Promise<Page<ApprovalCase>> {
  return (await sdk.casesControllerList({ query })).data as Page<ApprovalCase>;
}

export async function getCase(id: string): Promise<ApprovalCase> {
  return (await sdk.casesControllerGet({ path: { id } })).data as ApprovalCase;
}

export async function caseHistory(id: string): Promise<StepRecord[]> {
  return (await sdk.workflowControllerHistory({ path: { id } })).data as StepRecord[];
}

export async function caseLedger(id: string): Promise<DeadlineLedger> {
  return (await sdk.deadlinesControllerLedger({ path: { id } })).data as DeadlineLedger;
}

export async function caseCredit(id: string): Promise<CreditView> {
  return (await sdk.creditControllerForCase({ path: { id } })).data as CreditView;
}

export async function listApprovers(): Promise<Approver[]> {
  return (await sdk.workflowControllerListApprovers()).data as Approver[];
}

export async function getLicence(id: string): Promise<Licence> {
  return (await sdk.licencesControllerGet({ path: { id } })).data as Licence;
}

export async function listReminders(page = 1, pageSize = 10): Promise<Page<Reminder>> {
  return (await sdk.deadlinesControllerReminders({ query: { page, pageSize } })).data as Page<Reminder>;
}

export async function advanceStep(id: string, body: AdvanceStepDto): Promise<ApprovalCase> {
  return (await sdk.workflowControllerAdvance({ path: { id }, body })).data as ApprovalCase;
}

export async function decideCase(id: string, body: DecisionWithOverrideDto): Promise<ApprovalCase> {
  return (await sdk.decisionsControllerDecide({ path: { id }, body })).data as ApprovalCase;
}

export async function requestSupplement(id: string, body: RequestSupplementDto): Promise<ApprovalCase> {
  return (await sdk.decisionsControllerRequestSupplement({ path: { id }, body })).data as ApprovalCase;
}

export async function suspendCase(id: string, body: SuspendCaseDto): Promise<ApprovalCase> {
  return (await sdk.deadlinesControllerSuspend({ path: { id }, body })).data as ApprovalCase;
}

export async function resumeCase(id: string, suspensionId: string): Promise<ApprovalCase> {
  return (await sdk.deadlinesControllerResume({ path: { id, suspensionId }, body: {} })).data as ApprovalCase;
}

export async function requestExtension(id: string, body: RequestExtensionDto): Promise<ApprovalCase> {
  return (await sdk.deadlinesControllerRequestExtension({ path: { id }, body })).data as ApprovalCase;
}

export async function reviewExtension(id: string, extensionId: string, body: ReviewExtensionDto): Promise<ApprovalCase> {
  return (await sdk.deadlinesControllerReviewExtension({ path: { id, extensionId }, body })).data as ApprovalCase;
}

export async function joinGreenChannel(id: string, body: GreenChannelDto): Promise<ApprovalCase> {
  return (await sdk.deadlinesControllerGreenChannel({ path: { id }, body })).data as ApprovalCase;
}

export async function reassignCase(id: string, body: ReassignDto): Promise<ApprovalCase> {
  return (await sdk.workflowControllerReassign({ path: { id }, body })).data as ApprovalCase;
}

/** AB岗: an approver away hands their open cases to their stand-in (B角); back, they take new ones again. */
export async function setAway(approverId: string, body: SetAwayDto): Promise<{ approver: Approver; moved: number }> {
  return (await sdk.workflowControllerSetAway({ path: { id: approverId }, body })).data as { approver: Approver; moved: number };
}
