/**
 * The integration engineer's and the administrator's calls: the bridge's adapters, exchange log
 * and dead letters, and each service's own dead letters (`/admin/dead-letters`), through the
 * generated clients.
 */
import * as approval from '@/api/generated/approval/sdk.gen';
import * as bridge from '@/api/generated/bridge/sdk.gen';
import type {
  AdapterHealthView,
  BridgeDeadLetterView,
  ChainVerificationView,
  ConfigurationReloadView,
  DeadLetterView,
  ExchangeLogControllerListData,
  ExchangeLogEntryView,
  PlaygroundExampleView,
  PlaygroundResultView,
  PlaygroundRunDto,
  ReconciliationView,
  ReplayOutcomeView,
  ReplayReportView,
  ResumedAdapterView,
} from '@/api/generated/bridge/types.gen';
import * as identity from '@/api/generated/identity/sdk.gen';
import type { SessionsControllerSignInsData, SignInRecordView } from '@/api/generated/identity/types.gen';
import * as intake from '@/api/generated/intake/sdk.gen';
import * as supervision from '@/api/generated/supervision/sdk.gen';
import type { Page } from '@/api/intake';

export type {
  AdapterHealthView,
  BridgeDeadLetterView,
  ChainVerificationView,
  ConfigurationReloadView,
  DeadLetterView,
  ExchangeLogEntryView,
  ReconciliationView,
  ReplayOutcomeView,
  ReplayReportView,
};

export async function listAdapters(): Promise<AdapterHealthView[]> {
  return (await bridge.adaptersControllerList()).data as AdapterHealthView[];
}

export async function pauseAdapter(id: string, reason: string): Promise<AdapterHealthView> {
  return (await bridge.adaptersControllerPause({ path: { id }, body: { reason } })).data as AdapterHealthView;
}

export async function resumeAdapter(id: string): Promise<ResumedAdapterView> {
  return (await bridge.adaptersControllerResume({ path: { id } })).data as ResumedAdapterView;
}

export async function reconciliation(id: string, date: string): Promise<ReconciliationView> {
  return (await bridge.adaptersControllerReconciliation({ path: { id }, query: { date } })).data as ReconciliationView;
}

export type ExchangeLogFilter = NonNullable<ExchangeLogControllerListData['query']>;

export async function exchangeLog(filter: ExchangeLogFilter): Promise<Page<ExchangeLogEntryView>> {
  return (await bridge.exchangeLogControllerList({ query: filter })).data as Page<ExchangeLogEntryView>;
}

export async function verifyChain(): Promise<ChainVerificationView> {
  return (await bridge.exchangeLogControllerVerify()).data as ChainVerificationView;
}

export interface BridgeDeadLetterFilter {
  adapterId?: string;
  status?: BridgeDeadLetterView['status'];
  page: number;
  pageSize: number;
}

export async function bridgeDeadLetters(filter: BridgeDeadLetterFilter): Promise<Page<BridgeDeadLetterView>> {
  return (await bridge.exchangeLogControllerDeadLetters({ query: filter })).data as Page<BridgeDeadLetterView>;
}

export interface ReplaySelection {
  ids?: string[];
  from?: string;
  to?: string;
  adapterId?: string;
}

export async function replayBridgeDeadLetters(selection: ReplaySelection): Promise<ReplayReportView> {
  return (await bridge.exchangeLogControllerReplay({ body: selection })).data as ReplayReportView;
}

export async function discardBridgeDeadLetter(id: string, reason: string): Promise<BridgeDeadLetterView> {
  return (await bridge.exchangeLogControllerDiscard({ path: { id }, body: { reason } })).data as BridgeDeadLetterView;
}

/** 重新加载配置: the adapters file read again (admin); a refused file throws ApiError with every problem by path. */
export async function reloadAdaptersConfiguration(): Promise<ConfigurationReloadView> {
  return (await bridge.adaptersControllerReload()).data as ConfigurationReloadView;
}

/** The services whose Kafka consumers keep dead letters (each answers `/admin/dead-letters`, role admin). */
export const SERVICES_WITH_DEAD_LETTERS = ['intake', 'approval', 'supervision', 'bridge'] as const;
export type ServiceName = (typeof SERVICES_WITH_DEAD_LETTERS)[number];

const SERVICE_SDKS = {
  intake: {
    list: intake.deadLettersControllerList,
    replay: intake.deadLettersControllerReplay,
    discard: intake.deadLettersControllerDiscard,
  },
  approval: {
    list: approval.deadLettersControllerList,
    replay: approval.deadLettersControllerReplay,
    discard: approval.deadLettersControllerDiscard,
  },
  supervision: {
    list: supervision.deadLettersControllerList,
    replay: supervision.deadLettersControllerReplay,
    discard: supervision.deadLettersControllerDiscard,
  },
  bridge: {
    list: bridge.deadLettersControllerList,
    replay: bridge.deadLettersControllerReplay,
    discard: bridge.deadLettersControllerDiscard,
  },
} as const;

export interface ServiceDeadLetterFilter {
  status?: DeadLetterView['status'];
  page: number;
  pageSize: number;
}

export async function serviceDeadLetters(service: ServiceName, filter: ServiceDeadLetterFilter): Promise<Page<DeadLetterView>> {
  return (await SERVICE_SDKS[service].list({ query: filter })).data as Page<DeadLetterView>;
}

export async function replayServiceDeadLetters(
  service: ServiceName,
  selection: { ids?: string[]; from?: string; to?: string },
): Promise<ReplayOutcomeView> {
  return (await SERVICE_SDKS[service].replay({ body: selection })).data as ReplayOutcomeView;
}

export async function discardServiceDeadLetter(service: ServiceName, id: string, reason: string): Promise<void> {
  await SERVICE_SDKS[service].discard({ path: { id }, body: { reason } });
}

/** 工作日历: the years a deadline-counting service has loaded, and loading one (role admin). */
const CALENDAR_SDKS = {
  intake: { list: intake.calendarYearsControllerList, load: intake.calendarYearsControllerLoad },
  approval: { list: approval.calendarYearsControllerList, load: approval.calendarYearsControllerLoad },
} as const;

export async function loadedCalendarYears(service: keyof typeof CALENDAR_SDKS): Promise<number[]> {
  return ((await CALENDAR_SDKS[service].list()).data as { loadedYears: number[] }).loadedYears;
}

export async function loadCalendarYear(service: keyof typeof CALENDAR_SDKS, year: Record<string, unknown>): Promise<number[]> {
  // The year's shape is checked by the service (every problem by path); the document declares no body schema for it.
  const options = { body: year } as unknown as Parameters<(typeof CALENDAR_SDKS)[typeof service]['load']>[0];
  return ((await CALENDAR_SDKS[service].load(options)).data as { loadedYears: number[] }).loadedYears;
}

export type {
  PlaygroundExampleView,
  PlaygroundProblemView,
  PlaygroundResultView,
  PlaygroundRunDto,
} from '@/api/generated/bridge/types.gen';

/** 映射调试: the demo systems' sample and spec pairs to start from. */
export async function playgroundExamples(): Promise<PlaygroundExampleView[]> {
  return (await bridge.mappingPlaygroundControllerExamples()).data as PlaygroundExampleView[];
}

/** 映射调试: the mapped records or every problem by path, with the mapping CLI's engine. */
export async function runMappingPlayground(body: PlaygroundRunDto): Promise<PlaygroundResultView> {
  return (await bridge.mappingPlaygroundControllerRun({ body })).data as PlaygroundResultView;
}

/** 登录审计: the identity service's sign-in attempts and sign-outs, newest first. */
export async function signInAudit(query: NonNullable<SessionsControllerSignInsData['query']>): Promise<Page<SignInRecordView>> {
  return (await identity.sessionsControllerSignIns({ query })).data as Page<SignInRecordView>;
}
