import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AdapterState } from './adapter-state.entity';
import { ConfigurationReload } from './configuration-reload.entity';

/** Who changed an adapter's state, and when. */
export interface StateChange {
  by: string;
  at: Date;
}

/**
 * What the bridge keeps in its database about its adapters' configuration: each adapter's
 * maintenance pause (维护暂停), which the worker, replays and webhooks honour, and the record of
 * every reload of the adapters file (重新加载配置). Every read and write of them goes through here.
 */
@Injectable()
export class AdapterConfigurationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The ids of the adapters paused now: their deliveries wait and their sources are not read. */
  async pausedAdapterIds(): Promise<Set<string>> {
    const paused = await this.dataSource.getRepository(AdapterState).find({ where: { paused: true } });
    return new Set(paused.map((state) => state.adapterId));
  }

  /** The adapter's state, or null when it was never paused or resumed. */
  async state(adapterId: string): Promise<AdapterState | null> {
    return this.dataSource.getRepository(AdapterState).findOne({ where: { adapterId } });
  }

  async pause(adapterId: string, reason: string, change: StateChange): Promise<void> {
    await this.saveState({ adapterId, paused: true, pausedReason: reason, pausedBy: change.by, changedAt: change.at });
  }

  async resume(adapterId: string, change: StateChange): Promise<void> {
    await this.saveState({ adapterId, paused: false, pausedReason: null, pausedBy: change.by, changedAt: change.at });
  }

  async insertReload(reload: ConfigurationReload): Promise<void> {
    await this.dataSource.getRepository(ConfigurationReload).insert(reload);
  }

  /** The latest reloads, newest first. */
  async latestReloads(limit: number): Promise<ConfigurationReload[]> {
    return this.dataSource.getRepository(ConfigurationReload).find({ order: { at: 'DESC' }, take: limit });
  }

  /** Writes the adapter's state whether or not it had one. */
  private async saveState(state: AdapterState): Promise<void> {
    await this.dataSource.getRepository(AdapterState).save(state);
  }
}
