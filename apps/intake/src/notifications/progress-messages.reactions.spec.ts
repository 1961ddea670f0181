import { ManualClock } from '@onewindow/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { IntakeEvents, type IntakeEvent } from '../events/intake-events';
import { anAcceptedApplication } from '../testing/application-builder';
import { NotificationRepository } from './notification.repository';
import { NotificationsService } from './notifications.service';
import { TextApplicantOnProgress } from './progress-messages.reactions';
import { LoggingSmsSender } from './sms-sender';

/** The notification outbox as far as the reactions use it: what would be written, in which transaction. */
class RecordingNotifications extends NotificationsService {
  readonly written: Array<{ tx: EntityManager; kind: string; dedupKey: string; facts: object }> = [];

  constructor() {
    const dataSource = new DataSource({ type: 'postgres' });
    super(dataSource, new NotificationRepository(dataSource), new LoggingSmsSender(), new ManualClock(new Date('2026-03-05T01:00:00Z')));
  }

  override async enqueue(tx: EntityManager, _application: unknown, kind: string, facts: object, dedupKey: string = kind): Promise<void> {
    this.written.push({ tx, kind, dedupKey, facts });
  }

  override async enqueueSignInCode(tx: EntityManager, _phone: string, _text: string, codeId: string): Promise<void> {
    this.written.push({ tx, kind: 'sign-in-code', dedupKey: codeId, facts: {} });
  }
}

function subscribed(): { events: IntakeEvents; notifications: RecordingNotifications } {
  const events = new IntakeEvents();
  const notifications = new RecordingNotifications();
  new TextApplicantOnProgress(events, notifications).onModuleInit();
  return { events, notifications };
}

const tx = new DataSource({ type: 'postgres' }).manager;
const application = anAcceptedApplication();

describe('progress messages react to the window’s events', () => {
  it('writes each message in the transaction that recorded the event, with the key that stops a second one', async () => {
    const { events, notifications } = subscribed();
    const recorded: IntakeEvent[] = [
      { kind: 'application-accepted', application, promisedDeadline: '2026-03-12' },
      { kind: 'materials-notice-issued', application, noticeNumber: 'GZ20260305000123-1', missingCount: 2 },
      { kind: 'supplement-requested', application, noticeNumber: 'GZ20260305000123-2', missingCount: 1 },
      { kind: 'supplement-withdrawn', application, noticeNumber: 'GZ20260305000123-2', reason: '已通过共享获取' },
      { kind: 'application-concluded', application, outcome: 'approved' },
      { kind: 'result-ready', application },
      {
        kind: 'licence-revoked',
        application,
        itemName: '食品经营许可（新办）',
        licenceNumber: 'JY13715020000001',
        reason: '以欺骗手段取得',
      },
      { kind: 'rectification-answered', application, rectificationId: 'r-1', answer: '已整改' },
      { kind: 'sign-in-code-requested', phone: '13863512345', text: '验证码123456', codeId: 'c-1' },
    ];
    for (const event of recorded) await events.record(tx, event);
    expect(notifications.written.map(({ kind, dedupKey }) => [kind, dedupKey])).toEqual([
      ['accepted', 'accepted'],
      ['notice', 'GZ20260305000123-1'],
      ['notice', 'supplement:GZ20260305000123-2'],
      ['notice-withdrawn', 'GZ20260305000123-2'],
      ['decided', 'decided'],
      ['ready-for-pickup', 'ready-for-pickup'],
      ['revoked', 'JY13715020000001'],
      ['rating-follow-up', 'r-1'],
      ['sign-in-code', 'c-1'],
    ]);
    expect(notifications.written.every((written) => written.tx === tx)).toBe(true);
  });

  it('fails the change when a reaction fails, so its transaction rolls back with nothing sent', async () => {
    const events = new IntakeEvents();
    events.subscribe(async () => {
      throw new Error('outbox unavailable');
    });
    await expect(events.record(tx, { kind: 'result-ready', application })).rejects.toThrow('outbox unavailable');
  });

  it('runs the reactions one after another, each finished before the use case goes on', async () => {
    const events = new IntakeEvents();
    const order: string[] = [];
    events.subscribe(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      order.push('first');
    });
    events.subscribe(async () => {
      order.push('second');
    });
    await events.record(tx, { kind: 'result-ready', application });
    order.push('use case');
    expect(order).toEqual(['first', 'second', 'use case']);
  });
});
