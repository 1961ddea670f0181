import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock, PeriodicTask } from '@onewindow/platform';
import { SupervisionConfig } from '../supervision.config';
import { MonitoringRepository } from './monitoring.repository';

const DAY_MS = 24 * 3_600_000;

/**
 * The retention of 电子监察's event log: entries recorded more than `MONITORING_EVENT_RETENTION_DAYS`
 * ago (on the service clock) are deleted in batches of `MONITORING_EVENT_PURGE_BATCH`, each batch its own
 * short transaction, so the log stops growing with the district's history and a purge never holds
 * the consumers back for long. The read model keeps its rows, but a rebuild (which empties it)
 * rebuilds it from the days kept only: the default keeps more than a year of monthly reports.
 */
@Injectable()
export class MonitoringEventRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MonitoringEventRetention');
  private readonly task = new PeriodicTask('Monitoring event log retention', () => this.purge(), this.logger);

  constructor(
    private readonly monitoring: MonitoringRepository,
    private readonly clock: Clock,
    private readonly config: SupervisionConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start(this.config.monitoringEventPurgeIntervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.task.stop();
  }

  /** Deletes every entry older than the retention, batch by batch; returns how many went. */
  async purge(): Promise<{ purged: number; recordedBefore: Date }> {
    const recordedBefore = new Date(this.clock.now().getTime() - this.config.monitoringEventRetentionDays * DAY_MS);
    let purged = 0;
    for (;;) {
      const deleted = await this.monitoring.purgeEvents(recordedBefore, this.config.monitoringEventPurgeBatch);
      purged += deleted;
      if (deleted < this.config.monitoringEventPurgeBatch) break;
    }
    if (purged > 0) this.logger.log(`Monitoring event log: ${purged} entries recorded before ${recordedBefore.toISOString()} purged`);
    return { purged, recordedBefore };
  }
}
