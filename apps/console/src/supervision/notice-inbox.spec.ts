import { describe, expect, it } from 'vitest';
import { aNotice } from '@/testing/builders';
import { acknowledgeCountdown, acknowledgeEach, inboxOrder } from './notice-inbox';

const NOW = new Date('2026-03-10T02:00:00.000Z');

describe('the supervisor’s inbox order', () => {
  it('puts what still waits for 认领 first, the nearest deadline first', () => {
    const done = aNotice({ id: 'a', status: 'acknowledged', acknowledgeBy: '2026-03-09T00:00:00.000Z' });
    const later = aNotice({ id: 'b', status: 'pending', acknowledgeBy: '2026-03-12T00:00:00.000Z' });
    const escalated = aNotice({ id: 'c', status: 'escalated', acknowledgeBy: '2026-03-08T00:00:00.000Z' });
    const sooner = aNotice({ id: 'd', status: 'pending', acknowledgeBy: '2026-03-11T00:00:00.000Z' });
    expect(inboxOrder([done, later, escalated, sooner]).map((n) => n.id)).toEqual(['c', 'd', 'b', 'a']);
  });
});

describe('the 认领 countdown', () => {
  it('counts down in days and hours, then hours and minutes', () => {
    expect(acknowledgeCountdown(aNotice({ acknowledgeBy: '2026-03-11T05:30:00.000Z' }), NOW)).toEqual({
      text: '剩 1 天 3 小时',
      urgency: 'ample',
    });
    expect(acknowledgeCountdown(aNotice({ acknowledgeBy: '2026-03-10T04:45:00.000Z' }), NOW)).toEqual({
      text: '剩 2 小时 45 分钟',
      urgency: 'soon',
    });
    expect(acknowledgeCountdown(aNotice({ acknowledgeBy: '2026-03-10T02:20:00.000Z' }), NOW).text).toBe('剩 20 分钟');
  });

  it('says how long ago the deadline passed', () => {
    expect(acknowledgeCountdown(aNotice({ status: 'escalated', acknowledgeBy: '2026-03-09T23:00:00.000Z' }), NOW)).toEqual({
      text: '已超时 3 小时',
      urgency: 'overdue',
    });
  });

  it('stops once the notice is acknowledged or closed', () => {
    expect(acknowledgeCountdown(aNotice({ status: 'acknowledged', acknowledgedAt: '2026-03-09T01:00:00.000Z' }), NOW).text).toBe('已认领');
    expect(acknowledgeCountdown(aNotice({ status: 'closed' }), NOW).text).toBe('已关闭');
  });
});

describe('acknowledging several notices at once', () => {
  it('acknowledges each and keeps the refusals with their reasons', async () => {
    const result = await acknowledgeEach(
      ['n1', 'n2', 'n3'],
      async (id) => {
        if (id === 'n2') throw new Error('closed');
      },
      () => '该监管告知已关闭，无需认领',
    );
    expect(result).toEqual({ done: ['n1', 'n3'], failed: [{ id: 'n2', message: '该监管告知已关闭，无需认领' }] });
  });
});
