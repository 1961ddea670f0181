import { Injectable } from '@nestjs/common';
import { Clock, DomainError, type DepartmentScope } from '@onewindow/platform';
import { AdapterConfigurationRepository } from '../adapters/adapter-configuration.repository';
import { BridgeRuntime, adaptersInScope } from '../adapters/bridge-runtime';
import { DeliveryRepository } from '../deliveries/delivery.repository';
import { DeliveryWorker } from '../deliveries/delivery-worker';
import { InboundProcessor } from '../inbound/inbound-processor';
import type { BridgeDeadLetter } from './bridge-dead-letter.entity';
import { DeadLetterRepository } from './dead-letter.repository';

export interface ReplayRequest {
  ids?: string[];
  from?: string;
  to?: string;
  adapterId?: string;
}

export interface ReplayLine {
  deadLetterId: string;
  outcome: 'requeued' | 'published' | 'recorded' | 'duplicate' | 'dead-lettered-again' | 'not-replayable';
  message?: string;
}

/**
 * 重放: carries dead letters again after the cause was fixed (a spec or code table updated, the
 * department system back up). Outbound: the delivery goes back to the queue with fresh attempts.
 * Inbound: the stored record is mapped and published again (once per department id, as always).
 */
@Injectable()
export class ReplayService {
  constructor(
    private readonly configuration: AdapterConfigurationRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly letters: DeadLetterRepository,
    private readonly runtime: BridgeRuntime,
    private readonly processor: InboundProcessor,
    private readonly worker: DeliveryWorker,
    private readonly clock: Clock,
  ) {}

  async replay(request: ReplayRequest, scope: DepartmentScope): Promise<{ replayed: number; lines: ReplayLine[] }> {
    if (!request.ids?.length && !(request.from && request.to)) {
      throw DomainError.validation([{ path: 'ids', code: 'REPLAY_SELECTION_REQUIRED', message: '请指定要重放的死信编号，或起止时间' }]);
    }
    // A letter of an adapter no longer configured is selected too, and reported as not replayable.
    const letters = await this.letters.listToReplay({
      ids: request.ids,
      from: request.from,
      to: request.to,
      adapters: adaptersInScope(this.runtime, scope, request.adapterId),
    });
    const lines: ReplayLine[] = [];
    const requeuedAdapters = new Set<string>();
    for (const letter of letters) {
      const line = await this.replayOne(letter);
      if (line.outcome === 'requeued') requeuedAdapters.add(letter.adapterId);
      lines.push(line);
    }
    // A paused adapter keeps its requeued deliveries until it is resumed.
    const paused = await this.configuration.pausedAdapterIds();
    for (const adapterId of requeuedAdapters) if (!paused.has(adapterId)) await this.worker.flush(adapterId);
    return { replayed: lines.filter((l) => l.outcome !== 'not-replayable').length, lines };
  }

  private async replayOne(letter: BridgeDeadLetter): Promise<ReplayLine> {
    const adapter = this.runtime.adapter(letter.adapterId);
    const markReplayed = () => this.letters.markReplayed(letter.id, this.clock.now());
    if (!adapter) return { deadLetterId: letter.id, outcome: 'not-replayable', message: `适配器 ${letter.adapterId} 已不在配置中` };
    if (letter.direction === 'outbound') {
      if (!(await this.deliveries.requeueFailed(letter.reference)))
        return { deadLetterId: letter.id, outcome: 'not-replayable', message: '对应的投递记录不存在或已不是失败状态' };
      await markReplayed();
      return { deadLetterId: letter.id, outcome: 'requeued' };
    }
    const inbound = adapter.inbound.find((i) => i.definition.kind === letter.kind);
    let record: unknown;
    try {
      record = JSON.parse(letter.payload);
    } catch {
      record = undefined;
    }
    if (!inbound || typeof record !== 'object' || record === null || Array.isArray(record)) {
      return {
        deadLetterId: letter.id,
        outcome: 'not-replayable',
        message: '原始内容无法解析（编码或格式错误），请部门系统修正后重新投递',
      };
    }
    const outcome = await this.processor.processRecord(adapter, inbound, `${letter.reference} 重放`, record);
    await markReplayed();
    if (outcome.status === 'dead-lettered')
      return { deadLetterId: letter.id, outcome: 'dead-lettered-again', message: outcome.problems.map((p) => p.message).join('；') };
    return { deadLetterId: letter.id, outcome: outcome.status };
  }
}
