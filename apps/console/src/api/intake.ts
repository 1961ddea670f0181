/**
 * The window's calls to intake (前台综合受理), through the generated client. The request types
 * come from intake's OpenAPI document; the views below describe what intake answers.
 */
import * as sdk from './generated/intake/sdk.gen';
import type { ApplicationsControllerListData, CatalogueControllerListData, FileApplicationDto, IssueDto, PaymentDto, SupplementDto } from './generated/intake/types.gen';

export type { FileApplicationDto, IssueDto, PaymentDto, SupplementDto };
export type MaterialCheck = NonNullable<FileApplicationDto['materials']>[number];

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface SituationQuestion {
  code: string;
  text: string;
  options: Array<{ code: string; label: string }>;
}

export interface MaterialRequirement {
  code: string;
  name: string;
  form: string;
  copies: number;
  mayFollowLater: boolean;
  pledgeAllowed: boolean;
  requirement: string;
  when?: { question: string; answers: string[] };
}

export interface ServiceItem {
  code: string;
  version: number;
  name: string;
  departmentCode: string;
  departmentName: string;
  kind: string;
  handlingType: string;
  legalWorkingDays: number;
  committedWorkingDays: number;
  conditions: string[];
  legalBasis: string[];
  fee: { charged: boolean; amountFen?: number; basis?: string };
  channels: string[];
  levels: string[];
  entrustedToWindow: boolean;
  questions: SituationQuestion[];
  materials: MaterialRequirement[];
}

export interface ServiceBundle {
  code: string;
  name: string;
  description: string;
  leadDepartmentCode: string;
  leadDepartmentName: string;
  itemCodes: string[];
}

export interface AcceptedMaterial {
  itemCode: string;
  materialCode: string;
  materialName: string;
}

export interface ApplicationPart {
  id: string;
  itemCode: string;
  itemVersion: number;
  itemName: string;
  department: { code: string; name: string };
  committedWorkingDays: number;
  feeFen: number;
  handOff: { fromLevel: string; toLevel: string; reason: string } | null;
  promisedDeadline: string | null;
  status: string;
  received: AcceptedMaterial[];
  deficiencies: Array<{ materialCode: string; materialName: string; dueDate: string; receivedAt: string | null }>;
  pledges: AcceptedMaterial[];
  licenceNumber: string | null;
  decisionReason: string | null;
  /** 退回补正: what the department asked for; null once it has arrived at the window. */
  supplementRequest: {
    noticeNumber: string;
    reason: string;
    materials: Array<{ materialCode: string; materialName: string; problem: string }>;
    requestedAt: string;
  } | null;
}

export interface ApplicationView {
  id: string;
  number: string;
  status: string;
  outcome: string | null;
  channel: string;
  level: string;
  applicant: { kind: string; name: string; identifier: string; phone?: string };
  agent: { kind: string; name: string; identifier: string } | null;
  bundle: { code: string; name: string; leadDepartmentCode?: string } | null;
  situations: Record<string, Record<string, string>>;
  visits: number;
  payment: { amountFen: number; method: string; receiptNumber: string; paidAt: string } | null;
  issuance: { method: string; trackingNumber?: string; address?: string; issuedAt: string } | null;
  contactPhone: string | null;
  receivedAt: string;
  acceptedAt: string | null;
  decidedAt: string | null;
  parts: ApplicationPart[];
}

/** 一次性告知书 as intake prints it: every material to bring or fix. */
export interface NoticeDocument {
  title: string;
  noticeNumber: string;
  applicationNumber: string;
  applicant: { name: string; identifier: string };
  issuedAt: string;
  issuedOn: string;
  issuedBy: string;
  lines: Array<{ itemName: string; materialName: string; form: string; copies: number; requirement: string; problem: string }>;
  resolved: boolean;
  notes: string[];
}

export type ApplicationFilter = NonNullable<ApplicationsControllerListData['query']>;

export async function listItems(query: NonNullable<CatalogueControllerListData['query']>): Promise<Page<ServiceItem>> {
  return (await sdk.catalogueControllerList({ query })).data as Page<ServiceItem>;
}

/** The current version of an item, or the version an application was filed under. */
export async function getItem(code: string, version?: number): Promise<ServiceItem> {
  // `?version=` is optional on the server (the current version without it); the document marks it required.
  const options = { path: { code }, ...(version === undefined ? {} : { query: { version } }) } as Parameters<typeof sdk.catalogueControllerItem>[0];
  return (await sdk.catalogueControllerItem(options)).data as ServiceItem;
}

export async function listBundles(): Promise<ServiceBundle[]> {
  return (await sdk.catalogueControllerBundles()).data as ServiceBundle[];
}

export async function getBundle(code: string): Promise<ServiceBundle> {
  return (await sdk.catalogueControllerBundle({ path: { code } })).data as ServiceBundle;
}

export async function fileApplication(body: FileApplicationDto): Promise<ApplicationView> {
  return (await sdk.applicationsControllerFile({ body })).data as ApplicationView;
}

export async function supplementApplication(id: string, body: SupplementDto): Promise<ApplicationView> {
  return (await sdk.applicationsControllerSupplement({ path: { id }, body })).data as ApplicationView;
}

export async function receiveDeficiency(id: string, partId: string, materialCode: string): Promise<ApplicationView> {
  return (await sdk.applicationsControllerReceiveDeficiency({ path: { id, partId, materialCode } })).data as ApplicationView;
}

export async function receiveRequestedSupplement(id: string, partId: string): Promise<ApplicationView> {
  return (await sdk.applicationsControllerReceiveRequestedSupplement({ path: { id, partId } })).data as ApplicationView;
}

export async function listApplications(query: ApplicationFilter): Promise<Page<ApplicationView>> {
  return (await sdk.applicationsControllerList({ query })).data as Page<ApplicationView>;
}

export async function getApplication(id: string): Promise<ApplicationView> {
  return (await sdk.applicationsControllerGet({ path: { id } })).data as ApplicationView;
}

export async function getNotice(id: string): Promise<NoticeDocument> {
  return (await sdk.receiptsControllerNotice({ path: { id } })).data as NoticeDocument;
}

export async function recordPayment(id: string, body: PaymentDto): Promise<ApplicationView> {
  return (await sdk.issuanceControllerPay({ path: { id }, body })).data as ApplicationView;
}

export async function issueResults(id: string, body: IssueDto): Promise<ApplicationView> {
  return (await sdk.issuanceControllerIssue({ path: { id }, body })).data as ApplicationView;
}

/** The printable pages intake renders (受理回执, 一次性告知书), reached through the gateway. */
export function receiptHtmlUrl(id: string): string {
  return `/api/intake/applications/${encodeURIComponent(id)}/receipt.html`;
}

export function noticeHtmlUrl(id: string): string {
  return `/api/intake/applications/${encodeURIComponent(id)}/notice.html`;
}
