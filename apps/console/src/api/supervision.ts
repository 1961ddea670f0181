/**
 * The supervisors' calls to supervision (审管互动): new-holder notices and their 认领, supervision
 * records, pledge verification. Request and answer types come from the OpenAPI document.
 */
import * as sdk from './generated/supervision/sdk.gen';
import type {
  EscalationsView,
  KpiReportView,
  MonitoredCaseView,
  MonitoringControllerCasesData,
  MonitoringControllerKpisData,
  MonthlyReportView,
  OverdueCasesView,
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

// 电子监察 (centre management): the KPI read model, open and overdue cases, the monthly report.
export type {
  KpiReportView,
  KpisView,
  MonitoredCaseView,
  MonthlyReportView,
  OverdueCasesView,
  RatioView,
} from './generated/supervision/types.gen';
export type KpiFilter = NonNullable<MonitoringControllerKpisData['query']>;
export type MonitoredCaseFilter = NonNullable<MonitoringControllerCasesData['query']>;

export async function kpis(query: KpiFilter): Promise<KpiReportView> {
  return (await sdk.monitoringControllerKpis({ query })).data;
}

export async function monitoredCases(query: MonitoredCaseFilter): Promise<Page<MonitoredCaseView>> {
  return (await sdk.monitoringControllerCases({ query })).data;
}

export async function overdueCases(query: { department?: string; page?: number; pageSize?: number }): Promise<OverdueCasesView> {
  return (await sdk.monitoringControllerOverdue({ query })).data;
}

export async function monthlyReport(month: string, department?: string): Promise<MonthlyReportView> {
  return (await sdk.monitoringControllerReport({ path: { month }, query: department ? { department } : {} })).data;
}

/** The report's printable page and CSV, opened by the browser itself (the session cookie goes with it). */
export function monthlyReportUrl(month: string, format: 'html' | 'csv', department?: string): string {
  const query = department ? `?department=${encodeURIComponent(department)}` : '';
  return `/api/supervision/monitoring/reports/${month}/report.${format}${query}`;
}
