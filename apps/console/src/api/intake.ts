/**
 * The window's calls to intake (前台综合受理), through the generated client: requests and answers
 * typed from intake's OpenAPI document, named as the window speaks of them.
 */
import { mergeForms, type FormDefinition } from '@onewindow/forms';
import * as sdk from './generated/intake/sdk.gen';
import type {
  ApplicationPartView,
  ApplicationsControllerListData,
  ApplicationView,
  CatalogueControllerListData,
  FileApplicationDto,
  IssueDto,
  MaterialSpecView,
  NoticeView,
  PaymentDto,
  ServiceBundleView,
  ServiceItemView,
  SituationQuestionView,
  SupplementDto,
} from './generated/intake/types.gen';

export type { FileApplicationDto, IssueDto, PaymentDto, SupplementDto };
export type MaterialCheck = NonNullable<FileApplicationDto['materials']>[number];

/** The one page shape of the platform. */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export type ServiceItem = ServiceItemView;
export type ServiceBundle = ServiceBundleView;
export type MaterialRequirement = MaterialSpecView;
export type SituationQuestion = SituationQuestionView;
export type ApplicationPart = ApplicationPartView;
/** 一次性告知书 as intake prints it: every material to bring or fix. */
export type NoticeDocument = NoticeView;
export type { ApplicationView };

export type ApplicationFilter = NonNullable<ApplicationsControllerListData['query']>;

export async function listItems(query: NonNullable<CatalogueControllerListData['query']>): Promise<Page<ServiceItem>> {
  return (await sdk.catalogueControllerList({ query })).data;
}

/** The current version of an item, or the version an application was filed under. */
export async function getItem(code: string, version?: number): Promise<ServiceItem> {
  // `?version=` is optional on the server (the current version without it); the document marks it required.
  const options = { path: { code }, ...(version === undefined ? {} : { query: { version } }) } as Parameters<
    typeof sdk.catalogueControllerItem<true>
  >[0];
  return (await sdk.catalogueControllerItem<true>(options)).data;
}

/** The 申请表 a filing fills: the item's own, the bundle's 一表申请, or several items' forms merged as intake merges them. */
export interface FilingFormDefinition {
  title: string;
  definition: FormDefinition;
  /** One item: its own form (its situation rules name no item). */
  itemCode?: string;
}

export async function getItemForm(
  code: string,
  version?: number,
): Promise<{ itemCode: string; itemName: string; definition: FormDefinition }> {
  // `?version=` is optional on the server (the current version without it); the document marks it required.
  const options = { path: { code }, ...(version === undefined ? {} : { query: { version } }) } as Parameters<
    typeof sdk.catalogueControllerItemForm<true>
  >[0];
  const answer = (await sdk.catalogueControllerItemForm<true>(options)).data;
  return { itemCode: answer.itemCode, itemName: answer.itemName, definition: answer.form as unknown as FormDefinition };
}

export async function filingForm(target: { bundleCode: string } | { items: ServiceItem[] }): Promise<FilingFormDefinition> {
  if ('bundleCode' in target) {
    const answer = (await sdk.catalogueControllerBundleForm({ path: { code: target.bundleCode } })).data;
    return { title: `${answer.bundleName}一表申请`, definition: answer.form as unknown as FormDefinition };
  }
  const forms = await Promise.all(target.items.map((item) => getItemForm(item.code)));
  if (forms.length === 1) return { title: forms[0]!.itemName, definition: forms[0]!.definition, itemCode: forms[0]!.itemCode };
  const title = `${forms.map((form) => form.itemName).join('、')}申请表`;
  const merged = mergeForms(
    forms.map((form) => ({ itemCode: form.itemCode, itemName: form.itemName, form: form.definition })),
    title,
  );
  return { title, definition: merged.form };
}

export async function listBundles(): Promise<ServiceBundle[]> {
  return (await sdk.catalogueControllerBundles()).data;
}

export async function getBundle(code: string): Promise<ServiceBundle> {
  return (await sdk.catalogueControllerBundle({ path: { code } })).data;
}

export async function fileApplication(body: FileApplicationDto): Promise<ApplicationView> {
  return (await sdk.applicationsControllerFile({ body })).data;
}

/** 材料审查 of a draft, or 网上预审 of an online submission: complete → accepted; incomplete → the one-time notice. */
export async function checkApplication(id: string, body: SupplementDto): Promise<ApplicationView> {
  return (await sdk.applicationsControllerCheck({ path: { id }, body })).data;
}

export async function supplementApplication(id: string, body: SupplementDto): Promise<ApplicationView> {
  return (await sdk.applicationsControllerSupplement({ path: { id }, body })).data;
}

export async function receiveDeficiency(id: string, partId: string, materialCode: string): Promise<ApplicationView> {
  return (await sdk.applicationsControllerReceiveDeficiency({ path: { id, partId, materialCode } })).data;
}

export async function receiveRequestedSupplement(id: string, partId: string): Promise<ApplicationView> {
  return (await sdk.applicationsControllerReceiveRequestedSupplement({ path: { id, partId }, body: {} })).data;
}

export async function listApplications(query: ApplicationFilter): Promise<Page<ApplicationView>> {
  return (await sdk.applicationsControllerList({ query })).data;
}

export async function getApplication(id: string): Promise<ApplicationView> {
  return (await sdk.applicationsControllerGet({ path: { id } })).data;
}

export async function getNotice(id: string): Promise<NoticeDocument> {
  return (await sdk.receiptsControllerNotice({ path: { id } })).data;
}

export async function recordPayment(id: string, body: PaymentDto): Promise<ApplicationView> {
  return (await sdk.issuanceControllerPay({ path: { id }, body })).data;
}

export async function issueResults(id: string, body: IssueDto): Promise<ApplicationView> {
  return (await sdk.issuanceControllerIssue({ path: { id }, body })).data;
}

/** The printable pages intake renders (受理回执, 一次性告知书), reached through the gateway. */
export function receiptHtmlUrl(id: string): string {
  return `/api/intake/applications/${encodeURIComponent(id)}/receipt.html`;
}

export function noticeHtmlUrl(id: string): string {
  return `/api/intake/applications/${encodeURIComponent(id)}/notice.html`;
}
