import { acknowledgedOnTime, hoursNoticePolicy, isDueForEscalation } from './notice-policy';

describe('the new-holder notice policy', () => {
  const created = new Date('2026-03-09T06:00:00.000Z');

  it('gives the supervising department the configured hours to acknowledge', () => {
    expect(hoursNoticePolicy(72).acknowledgeBy(created).toISOString()).toBe('2026-03-12T06:00:00.000Z');
  });

  it('escalates a pending notice only once its deadline has passed', () => {
    const acknowledgeBy = new Date('2026-03-12T06:00:00.000Z');
    expect(isDueForEscalation({ status: 'pending', acknowledgeBy }, new Date('2026-03-12T06:00:00.000Z'))).toBe(false);
    expect(isDueForEscalation({ status: 'pending', acknowledgeBy }, new Date('2026-03-12T06:00:00.001Z'))).toBe(true);
    expect(isDueForEscalation({ status: 'acknowledged', acknowledgeBy }, new Date('2026-04-01T00:00:00.000Z'))).toBe(false);
    expect(isDueForEscalation({ status: 'escalated', acknowledgeBy }, new Date('2026-04-01T00:00:00.000Z'))).toBe(false);
  });

  it('counts an acknowledgement at the deadline as on time and one after it as late', () => {
    const acknowledgeBy = new Date('2026-03-12T06:00:00.000Z');
    expect(acknowledgedOnTime(acknowledgeBy, acknowledgeBy)).toBe(true);
    expect(acknowledgedOnTime(acknowledgeBy, new Date('2026-03-12T06:00:01.000Z'))).toBe(false);
  });
});
