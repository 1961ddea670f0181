import { Injectable } from '@nestjs/common';
import type { ApplicationOutcome } from '@onewindow/contracts';
import type { EntityManager } from 'typeorm';
import type { Application } from '../applications/application.entity';

/**
 * What happened at the window, as the use cases record it. Each is recorded inside the
 * transaction of the change it reports, so whatever reacts (a progress message in the SMS
 * outbox) is written or rolled back with it.
 */
export type IntakeEvent =
  /** 受理: the materials were complete; `promisedDeadline` is the latest of the parts' deadlines. */
  | { kind: 'application-accepted'; application: Application; promisedDeadline: string | null }
  /** 一次性告知 at the window: the materials check found something missing or faulty. */
  | { kind: 'materials-notice-issued'; application: Application; noticeNumber: string; missingCount: number }
  /** 退回补正: a department asked for more materials during its review (a notice of its own). */
  | { kind: 'supplement-requested'; application: Application; noticeNumber: string; missingCount: number }
  /** 撤回补正要求: the department no longer needs what its notice asked for. */
  | { kind: 'supplement-withdrawn'; application: Application; noticeNumber: string; reason: string }
  /** 办结: the last part was decided. */
  | { kind: 'application-concluded'; application: Application; outcome: ApplicationOutcome }
  /** 统一出件: nothing blocks handing out the result any more. */
  | { kind: 'result-ready'; application: Application }
  /** 撤销许可: a licence of the application was revoked and is withheld. */
  | { kind: 'licence-revoked'; application: Application; itemName: string; licenceNumber: string; reason: string }
  /** 差评整改: the department answered an unfavourable rating; the applicant is asked to rate again. */
  | { kind: 'rectification-answered'; application: Application; rectificationId: string; answer: string }
  /** 短信验证码: an applicant asked for a sign-in code (about no application). */
  | { kind: 'sign-in-code-requested'; phone: string; text: string; codeId: string };

/** Reacts to an event inside the transaction that recorded it; a failure rolls the change back. */
export type IntakeEventReaction = (tx: EntityManager, event: IntakeEvent) => Promise<void>;

/**
 * The window's in-process domain events: a use case records what happened, the modules that care
 * react in the same transaction, one after another, before `record` returns. Reactions subscribe
 * when their module starts (see docs/adr/intake-domain-events.md).
 */
@Injectable()
export class IntakeEvents {
  private readonly reactions: IntakeEventReaction[] = [];

  subscribe(reaction: IntakeEventReaction): void {
    this.reactions.push(reaction);
  }

  async record(tx: EntityManager, event: IntakeEvent): Promise<void> {
    for (const reaction of this.reactions) await reaction(tx, event);
  }
}
