import type { MappingSpec } from '@onewindow/mapping';

/**
 * How the bridge talks to one department system (部门自建系统): which parts it receives, over
 * which transport and mapping, and what it sends back. Written in a configuration file (YAML or
 * JSON, `BRIDGE_ADAPTERS_FILE`) and validated at start-up; a new system of a known kind needs only
 * configuration and mapping specs.
 */
export interface AdapterDefinition {
  /** Stable id used in the delivery log and URLs, e.g. `dcf-scjgj-qydj`. */
  id: string;
  /** For people: 市场监管局企业登记系统. */
  name: string;
  department: { code: string; name: string };
  /** Items handled in this system; absent = every part of the department marked as handled in its own system. */
  itemCodes?: string[];
  outbound?: OutboundDefinition;
  inbound?: InboundDefinition[];
}

export interface OutboundDefinition {
  transport: TransportConfig;
  mapping: MappingSpec;
  /** Attempts before a delivery is dead-lettered (default 5). */
  maxAttempts: number;
  /** First retry after this long, doubling each time (default 1000 ms). */
  backoffMs: number;
  /**
   * 补正材料回传: what the window received after the department returned the part for supplement
   * (the materials and the corrected form), sent to the same system. Without it such parts wait
   * as unrouted deliveries naming the missing configuration.
   */
  supplement?: SupplementDefinition;
}

export interface SupplementDefinition {
  mapping: MappingSpec;
  /** Defaults to the outbound transport (often another file root or endpoint). */
  transport: TransportConfig;
}

export const INBOUND_KINDS = ['result', 'supervision-record', 'acknowledgement'] as const;
/**
 * What a department system sends back: 审批结果 (a decision, or 退回补正), 监管记录 (行政处罚,
 * 信用记录, 检查结果), or 受理回执 (it took a part, under its own case number).
 */
export type InboundKind = (typeof INBOUND_KINDS)[number];

export interface InboundDefinition {
  kind: InboundKind;
  transport: TransportConfig;
  mapping: MappingSpec;
}

/** 数据自动调取: a look-up in a shared data source (人口库, 法人库, 投资项目库) by one key. */
export interface LookupDefinition {
  id: string;
  /** Shown with every pre-filled field as its source, e.g. 聊城市法人单位基础信息库. */
  source: string;
  key: LookupKey;
  transport: TransportConfig;
  mapping: MappingSpec;
}

export const LOOKUP_KEYS = ['creditCode', 'idNumber', 'projectCode'] as const;
export type LookupKey = (typeof LOOKUP_KEYS)[number];

/** Transport settings: `kind` picks the transport class, the rest is that class's own settings. */
export interface TransportConfig {
  kind: string;
  [setting: string]: unknown;
}

export interface BridgeConfiguration {
  adapters: AdapterDefinition[];
  lookups: LookupDefinition[];
}
