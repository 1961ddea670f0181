import { Env, BaseServiceConfig } from '@onewindow/platform';
import { IsInt, Max, Min } from 'class-validator';

export class SupervisionConfig extends BaseServiceConfig {
  /** How long a supervising department has to acknowledge (认领) a new licence holder. */
  @Env('NOTICE_ACKNOWLEDGE_HOURS')
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  noticeAcknowledgeHours: number = 72;

  /** How often unacknowledged notices past their deadline are escalated to the department head. */
  @Env('NOTICE_WATCH_INTERVAL_MS')
  @IsInt({ message: 'must be a whole number of milliseconds, 0 to switch the watch off' })
  @Min(0, { message: 'must be a whole number of milliseconds, 0 to switch the watch off' })
  noticeWatchIntervalMs: number = 60_000;

  /** 审管互动 KPI: a notice counts as pushed on time when created within this many minutes of the licence. */
  @Env('NOTICE_PUSH_ON_TIME_MINUTES')
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  noticePushOnTimeMinutes: number = 60;

  /** 告知承诺 核查: calendar days the supervising department has to verify a holder's pledges. */
  @Env('PLEDGE_VERIFICATION_DAYS')
  @IsInt()
  @Min(1)
  @Max(365)
  pledgeVerificationDays: number = 30;

  /**
   * 电子监察's event log keeps this many days (by the time each event was recorded); older entries are
   * purged. The read model keeps its rows, but a rebuild rebuilds it from the days kept only, and an event
   * redelivered after this many days would be applied again: keep it well above the broker's retention.
   */
  @Env('MONITORING_EVENT_RETENTION_DAYS')
  @IsInt()
  @Min(1)
  @Max(3650)
  monitoringEventRetentionDays: number = 400;

  /** How often the event log's retention runs. */
  @Env('MONITORING_EVENT_PURGE_INTERVAL_MS')
  @IsInt({ message: 'must be a whole number of milliseconds, 0 to switch the purge off' })
  @Min(0, { message: 'must be a whole number of milliseconds, 0 to switch the purge off' })
  monitoringEventPurgeIntervalMs: number = 3_600_000;

  /** Entries deleted per transaction by the event log's retention. */
  @Env('MONITORING_EVENT_PURGE_BATCH')
  @IsInt()
  @Min(1)
  @Max(100_000)
  monitoringEventPurgeBatch: number = 1000;
}
