import type { DecodedRecords } from '@onewindow/mapping';
import type { Clock } from '@onewindow/platform';
import type { DataSource } from 'typeorm';

/** Where a transport setting is wrong, e.g. `adapters[1].outbound.transport.url`. */
export interface SettingProblem {
  path: string;
  message: string;
}

/** What a department system said when it took a record. */
export interface SentReceipt {
  /** The system confirmed it took the record (HTTP 2xx with its reference, a row inserted); a file drop is only sent. */
  acknowledged: boolean;
  reference?: string;
  /** The department's own case number for the part (部门办件编号), when its answer gives one; later records may name the part by it. */
  caseNumber?: string;
}

/** A failed exchange; `retryable` failures are tried again with backoff, the others dead-lettered at once. */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    /** The department field at fault, when the record itself cannot be sent (a character its encoding lacks). */
    readonly field?: string,
    readonly code: string = 'transport_failed',
    /** Where in the adapter's configuration it failed (a browser step: `adapters[0].outbound.transport.steps[3]`). */
    readonly rule?: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

/** A record decoded from the wire, or why it could not be: the field at fault where one is known. */
export type Decoded = DecodedRecords;

/** One file, row or request picked up from a department system. */
export interface InboundItem {
  /** File name, row id: what the integration engineer looks for. */
  reference: string;
  /** The text as received (decoded from its encoding where possible), kept in dead letters. */
  raw: string;
  decoded: Decoded;
  /** Called once the item's records are published or dead-lettered, so it is not picked up again. */
  done(outcome: 'processed' | 'failed'): Promise<void>;
}

export interface OutboundTransport {
  /** Why it cannot send now (`unavailable: chromium not found at …`): its deliveries wait, nothing is tried or lost. */
  unavailable?(): string | null;
  /** How many deliveries it may send at once (a browser pool's size); default 1. */
  readonly concurrency?: number;
  send(record: Record<string, unknown>, meta: { deliveryId: string; applicationNumber: string }): Promise<SentReceipt>;
  close?(): Promise<void>;
}

export interface PolledSource {
  unavailable?(): string | null;
  poll(limit: number): Promise<InboundItem[]>;
  close?(): Promise<void>;
}

export interface LookupTransport {
  /** The record for the key, or null when the source knows none. */
  fetch(key: string): Promise<Record<string, unknown> | null>;
}

export type TransportDirection = 'outbound' | 'inbound' | 'lookup';

export interface TransportContext {
  adapterId: string;
  /** The bridge's own database, for department tables reached through it (the demo systems). */
  dataSource: DataSource;
  clock: Clock;
  /** The bridge's data folder (kept files: screenshots and pages of failed browser steps). */
  dataFolder?: string;
}

/**
 * A kind of transport (http, webhook, file, table, browser). A new kind is one object implementing this:
 * it checks its settings at start-up and builds the directions it supports.
 */
export interface TransportKind {
  readonly kind: string;
  check(settings: Record<string, unknown>, path: string, direction: TransportDirection): SettingProblem[];
  outbound?(settings: Record<string, unknown>, context: TransportContext): OutboundTransport;
  /** Polled sources; push kinds (webhook) return nothing and are served by a controller. */
  inbound?(settings: Record<string, unknown>, context: TransportContext): PolledSource | undefined;
  lookup?(settings: Record<string, unknown>, context: TransportContext): LookupTransport;
}
