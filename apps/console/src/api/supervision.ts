/**
 * The supervisors' calls to supervision (审管互动): new-holder notices and their 认领, supervision
 * records, pledge verification. Request and answer types come from the OpenAPI document.
 */
import * as sdk from './generated/supervision/sdk.gen';
import type {
  EscalationsView,
  NoticesControllerListData,
  NoticeView,
  PledgesControllerListData,
  PledgeVerificationView,
  PublishRecordDto,
  SupervisionRecordView,
  VerificationResultDto,
} from './generated/supervision/types.gen';
import type { Page } from './intake';

export type { PublishRecordDto, VerificationResultDto };
export type Notice = NoticeView;
export type Escalations = EscalationsView;
export type SupervisionRecord = SupervisionRecordView;
export type PledgeVerification = PledgeVerificationView;
export type NoticeFilter = NonNullable<NoticesControllerListData['query']>;
export type NoticeStatus = NonNullable<NoticeFilter['status']>;
export type VerificationFilter = NonNullable<PledgesControllerListData['query']>;

export async function listNotices(query: NoticeFilter): Promise<Page<Notice>> {
  return (await sdk.noticesControllerList({ query })).data;
}

export async function escalatedNotices(page = 1, pageSize = 20): Promise<Escalations> {
  return (await sdk.noticesControllerEscalated({ query: { page, pageSize } })).data;
}

export async function acknowledgeNotice(id: string): Promise<Notice> {
  return (await sdk.noticesControllerAcknowledge({ path: { id } })).data;
}

export async function publishRecord(body: PublishRecordDto): Promise<SupervisionRecord> {
  return (await sdk.recordsControllerPublish({ body })).data;
}

export async function withdrawRecord(id: string, reason: string): Promise<SupervisionRecord> {
  return (await sdk.recordsControllerWithdraw({ path: { id }, body: { reason } })).data;
}

export async function recordsOfHolder(identifier: string, page = 1, pageSize = 50): Promise<Page<SupervisionRecord>> {
  return (await sdk.recordsControllerOfHolder({ path: { identifier }, query: { page, pageSize } })).data;
}

export async function listVerifications(query: VerificationFilter): Promise<Page<PledgeVerification>> {
  return (await sdk.pledgesControllerList({ query })).data;
}

export async function recordVerification(id: string, body: VerificationResultDto): Promise<PledgeVerification> {
  return (await sdk.pledgesControllerVerify({ path: { id }, body })).data;
}
