import { createHmac, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { maskPersonalDataInText } from '@onewindow/domain';
import { Clock, DomainError } from '@onewindow/platform';
import { DataSource } from 'typeorm';
import type { LookupKey } from '../adapters/adapter-definition';
import { BridgeRuntime } from '../adapters/bridge-runtime';
import { BridgeConfig } from '../bridge.config';
import { BRIDGE_METRICS, type BridgeMetrics } from '../exchange-log/bridge-metrics';
import { ExchangeLog } from '../exchange-log/exchange-log.service';
import { automaticShare, prefilledFields, type PrefilledField } from './prefill-fields';
import type { PrefillRecord } from './prefill-record.entity';
import { PrefillRecordRepository } from './prefill-record.repository';
import { BRIDGE_ERRORS } from '../bridge-errors';

const KEY_NAMES: Record<LookupKey, string> = { creditCode: '统一社会信用代码', idNumber: '公民身份号码', projectCode: '项目代码' };

export interface Prefill {
  prefillId: string;
  key: { kind: LookupKey; value: string };
  source: string;
  fetchedAt: string;
  fields: PrefilledField[];
}

/**
 * 数据自动调取: looks a key up in the shared data source configured for it, through the same
 * transport and mapping machinery as the department adapters, and returns form fields each with
 * its source and time. Counts the fields filled automatically against those typed.
 */
@Injectable()
export class PrefillService {
  constructor(
    private readonly runtime: BridgeRuntime,
    private readonly dataSource: DataSource,
    private readonly records: PrefillRecordRepository,
    private readonly log: ExchangeLog,
    private readonly clock: Clock,
    @Inject(BRIDGE_METRICS) private readonly metrics: BridgeMetrics,
    config: BridgeConfig,
  ) {
    this.keyDigestSecret = createHmac('sha256', config.authTokenSecret).update('onewindow-prefill-key').digest();
  }

  /** A lookup key (an ID number, a credit code) is kept only as a keyed digest: a plain hash of an ID number is easily reversed. */
  private readonly keyDigestSecret: Buffer;

  private keyDigest(value: string): string {
    return createHmac('sha256', this.keyDigestSecret).update(value).digest('hex');
  }

  async prefill(kind: LookupKey, value: string): Promise<Prefill> {
    const lookup = this.runtime.lookups.find((l) => l.definition.key === kind);
    if (!lookup) throw BRIDGE_ERRORS.LOOKUP_NOT_CONFIGURED({ keyName: KEY_NAMES[kind] });
    const started = performance.now();
    const base = {
      direction: 'lookup' as const,
      adapterId: lookup.definition.id,
      kind: 'lookup',
      reference: maskPersonalDataInText(value),
      payloadHash: this.keyDigest(value),
    };
    let record: Record<string, unknown> | null;
    try {
      record = await lookup.transport.fetch(value);
    } catch (error) {
      await this.log.appendAlone({
        ...base,
        status: 'failed',
        durationMs: Math.round(performance.now() - started),
        detail: (error as Error).message,
      });
      this.metrics.exchanged(lookup.definition.id, 'lookup', 'failed');
      throw BRIDGE_ERRORS.SOURCE_UNAVAILABLE({ source: lookup.definition.source });
    }
    if (!record) {
      await this.log.appendAlone({ ...base, status: 'not-found', durationMs: Math.round(performance.now() - started) });
      this.metrics.exchanged(lookup.definition.id, 'lookup', 'not-found');
      throw BRIDGE_ERRORS.NOT_FOUND_IN_SOURCE({ source: lookup.definition.source, keyName: KEY_NAMES[kind], value }, [
        { path: kind, code: 'NOT_FOUND_IN_SOURCE', message: `${lookup.definition.source}中未查到该${KEY_NAMES[kind]}` },
      ]);
    }
    const mapped = lookup.mapping.map(record);
    if (!mapped.ok) {
      await this.log.appendAlone({
        ...base,
        status: 'failed',
        durationMs: Math.round(performance.now() - started),
        detail: mapped.errors.map((e) => `${e.path.source ?? ''} ${e.message}`).join('；'),
      });
      this.metrics.exchanged(lookup.definition.id, 'lookup', 'failed');
      throw BRIDGE_ERRORS.SOURCE_DATA_INVALID({ source: lookup.definition.source });
    }
    const fetchedAt = this.clock.now();
    const fields = prefilledFields(mapped.value, lookup.definition.source, fetchedAt);
    const id = randomUUID();
    await this.dataSource.transaction(async (tx) => {
      await this.records.insert(tx, {
        id,
        lookupId: lookup.definition.id,
        keyKind: kind,
        keyHash: this.keyDigest(value),
        fieldsFilled: fields.length,
        createdAt: fetchedAt,
        fieldsKept: null,
        fieldsChanged: null,
        fieldsTyped: null,
        reportedAt: null,
      });
      await this.log.append(tx, {
        ...base,
        reference: `${base.reference} ${id}`,
        status: 'found',
        durationMs: Math.round(performance.now() - started),
        detail: `预填 ${fields.length} 个字段`,
      });
    });
    this.metrics.exchanged(lookup.definition.id, 'lookup', 'found');
    return { prefillId: id, key: { kind, value }, source: lookup.definition.source, fetchedAt: fetchedAt.toISOString(), fields };
  }

  /** The form reports, when submitted, how the pre-filled fields were used and how many were typed. */
  async report(id: string, usage: { kept: number; changed: number; typed: number }): Promise<PrefillRecord> {
    return this.dataSource.transaction(async (tx) => {
      const record = await this.records.lockOrFail(tx, id);
      if (usage.kept + usage.changed > record.fieldsFilled) {
        throw DomainError.validation(
          [{ path: 'kept', code: 'MORE_THAN_FILLED', message: `保留与修改的字段合计不能超过预填的 ${record.fieldsFilled} 个` }],
          'unprocessable',
        );
      }
      record.fieldsKept = usage.kept;
      record.fieldsChanged = usage.changed;
      record.fieldsTyped = usage.typed;
      record.reportedAt = this.clock.now();
      return this.records.save(tx, record);
    });
  }

  /** 自动调取率: over the reported forms, fields filled automatically and kept vs changed vs typed. */
  async statistics() {
    const { lookups, filled } = await this.records.totals();
    const reported = await this.records.listReported();
    const kept = reported.reduce((sum, r) => sum + (r.fieldsKept ?? 0), 0);
    const changed = reported.reduce((sum, r) => sum + (r.fieldsChanged ?? 0), 0);
    const typed = reported.reduce((sum, r) => sum + (r.fieldsTyped ?? 0), 0);
    return {
      lookups,
      fieldsFilledAutomatically: filled,
      reportedForms: reported.length,
      fieldsKept: kept,
      fieldsChanged: changed,
      fieldsTyped: typed,
      automaticSharePercent: automaticShare(kept, changed, typed),
    };
  }
}
