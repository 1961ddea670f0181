import { MonitoringProjector } from './monitoring-projector';
import { MONITORED_TOPICS, MONITORING_HANDLERS } from './monitoring.handlers';
import type { MonitoringRepository } from './monitoring.repository';

describe('the monitoring consumers', () => {
  it('apply every monitored topic, one consumer each, named for what they do', () => {
    const projector = new MonitoringProjector({} as MonitoringRepository);
    expect(MONITORED_TOPICS.filter((topic) => !projector.uses(topic.name))).toEqual([]);
    const handlers = MONITORING_HANDLERS.map((Handler) => new Handler(projector, { now: () => new Date() }));
    expect(handlers.map((h) => h.topic.name)).toEqual(MONITORED_TOPICS.map((t) => t.name));
    expect(new Set(handlers.map((h) => h.name)).size).toBe(MONITORED_TOPICS.length);
    expect(handlers[0]?.name).toBe('supervision.update-monitoring-when-intake-application-received');
  });
});
