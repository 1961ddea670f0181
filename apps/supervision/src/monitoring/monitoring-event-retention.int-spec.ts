import { ManualClock, loadConfig } from '@onewindow/platform';
import { openTestSchema, type TestSchema } from '@onewindow/testing';
import { SUPERVISION_MIGRATIONS } from '../migrations';
import { SupervisionConfig } from '../supervision.config';
import { supervisionService } from '../supervision.service';
import { MonitoringEventRetention } from './monitoring-event-retention';
import { MonitoringRepository } from './monitoring.repository';

const DAY = 24 * 3_600_000;

describe("the monitoring event log's retention", () => {
  let test: TestSchema;
  const clock = new ManualClock(new Date('2026-06-30T02:00:00.000Z'));

  beforeAll(async () => {
    test = await openTestSchema({
      prefix: 'monitoring_retention',
      entities: supervisionService.entities,
      migrations: SUPERVISION_MIGRATIONS,
      poolSize: 3,
    });
  });

  afterAll(async () => {
    await test?.drop();
  });

  function retention(env: Record<string, string>): MonitoringEventRetention {
    const config = loadConfig(SupervisionConfig, { env: { DATABASE_URL: test.url, ...env } });
    return new MonitoringEventRetention(new MonitoringRepository(test.dataSource), clock, config);
  }

  /** `count` entries recorded `daysAgo` days before the clock's now. */
  async function logEntries(count: number, daysAgo: number): Promise<void> {
    await test.dataSource.query(
      `INSERT INTO "${test.schema}".monitoring_event (event_id, topic, envelope, recorded_at)
       SELECT gen_random_uuid()::text, 'intake.application.received.v1', '{}'::jsonb, $1::timestamptz FROM generate_series(1, $2)`,
      [new Date(clock.now().getTime() - daysAgo * DAY), count],
    );
  }

  async function entriesRecordedDaysAgo(): Promise<number[]> {
    const rows = (await test.dataSource.query(
      `SELECT round(extract(epoch FROM ($1::timestamptz - recorded_at)) / 86400)::int AS days FROM "${test.schema}".monitoring_event ORDER BY seq`,
      [clock.now()],
    )) as Array<{ days: number }>;
    return rows.map((row) => row.days);
  }

  it('deletes, in batches, the entries recorded before the retention on the service clock, and keeps the rest', async () => {
    await logEntries(7, 40);
    await logEntries(2, 31);
    await logEntries(3, 29);
    await logEntries(1, 0);

    const result = await retention({ MONITORING_EVENT_RETENTION_DAYS: '30', MONITORING_EVENT_PURGE_BATCH: '3' }).purge();

    expect(result).toEqual({ purged: 9, recordedBefore: new Date(clock.now().getTime() - 30 * DAY) });
    expect(await entriesRecordedDaysAgo()).toEqual([29, 29, 29, 0]);
    // Nothing older than the retention: a second pass deletes nothing.
    expect((await retention({ MONITORING_EVENT_RETENTION_DAYS: '30' }).purge()).purged).toBe(0);
  });

  it('moves with the clock: what was kept is purged once it is older than the retention', async () => {
    const start = clock.now();
    try {
      clock.advance(2 * DAY);
      expect((await retention({ MONITORING_EVENT_RETENTION_DAYS: '30' }).purge()).purged).toBe(3);
      expect(await entriesRecordedDaysAgo()).toEqual([2]);
    } finally {
      clock.set(start);
    }
  });

  it('refuses a retention that is not a whole number of days from 1', () => {
    expect(() => retention({ MONITORING_EVENT_RETENTION_DAYS: '0' })).toThrow(/MONITORING_EVENT_RETENTION_DAYS/);
  });
});
