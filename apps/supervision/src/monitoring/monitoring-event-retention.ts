import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { quotedTable } from '@onewindow/persistence';
import { Clock, PeriodicTask } from '@onewindow/platform';
import { DataSource } from 'typeorm';
import { SupervisionConfig } from '../supervision.config';
import { MonitoringEvent } from './monitoring.entities';

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
    private readonly dataSource: DataSource,
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
    const table = quotedTable(this.dataSource, MonitoringEvent);
    let purged = 0;
    for (;;) {
      // SKIP LOCKED: a second instance purging at the same time takes other rows instead of waiting.
      const [row] = (await this.dataSource.query(
        `WITH gone AS (
           DELETE FROM ${table} WHERE seq IN (
             SELECT seq FROM ${table} WHERE recorded_at < $1 ORDER BY recorded_at LIMIT $2 FOR UPDATE SKIP LOCKED)
           RETURNING 1)
         SELECT count(*)::int AS deleted FROM gone`,
        [recordedBefore, this.config.monitoringEventPurgeBatch],
      )) as Array<{ deleted: number }>;
      const deleted = row?.deleted ?? 0;
      purged += deleted;
      if (deleted < this.config.monitoringEventPurgeBatch) break;
    }
    if (purged > 0) this.logger.log(`Monitoring event log: ${purged} entries recorded before ${recordedBefore.toISOString()} purged`);
    return { purged, recordedBefore };
  }
}
