import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Topics, type ActorV1, type ClockChange } from '@onewindow/contracts';
import { localDateInShanghai, type WorkingDayCalendar } from '@onewindow/domain';
import { EventOutbox } from '@onewindow/messaging';
import { Clock, DomainError, WORKING_DAY_CALENDAR, requestCause, type AuthenticatedUser } from '@onewindow/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { ApprovalConfig } from '../approval.config';
import type { ApprovalCase } from '../cases/approval-case.entity';
import { actorOf, assertOpen } from '../cases/case-access';
import { CaseRepository } from '../cases/case.repository';
import { ClockEntry } from './clock-entry.entity';
import { DeadlineLedgerRepository } from './deadline-ledger.repository';
import {
  SPECIAL_PROCEDURE_NAMES,
  checkSuspension,
  checkSuspensionEnd,
  computeDeadline,
  deadlineColour,
  workingDaysLeft,
  type DeadlineColour,
  type DeadlineLedger,
  type SpecialProcedure,
} from './deadline-ledger';
import { toClockEntryView, type LedgerView } from './deadlines.view';
import { APPROVAL_ERRORS } from '../approval-errors';

/**
 * The deadline ledger of each case (时限台账): special procedures stop the clock, approved
 * extensions add days, the green channel shortens the target. The deadline and colour are
 * recomputed from the ledger after every change, never edited by hand.
 */
const REMINDER_TEXT: Record<DeadlineColour, (c: ApprovalCase) => string> = {
  green: (c) => `办件${c.applicationNumber}（${c.itemName}）办理期限已顺延至${c.deadline}。`,
  yellow: (c) => `【黄灯预警】办件${c.applicationNumber}（${c.itemName}）将于${c.deadline}到期，请抓紧办理。`,
  red: (c) => `【红灯超期】办件${c.applicationNumber}（${c.itemName}）已超过办理期限${c.deadline}，请立即办理并说明原因。`,
};

@Injectable()
export class DeadlinesService {
  private readonly logger = new Logger('Deadlines');

  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
    private readonly ledgers: DeadlineLedgerRepository,
    private readonly outbox: EventOutbox,
    private readonly clock: Clock,
    @Inject(WORKING_DAY_CALENDAR) private readonly calendar: WorkingDayCalendar,
    private readonly config: ApprovalConfig,
  ) {}

  today(): string {
    return localDateInShanghai(this.clock.now());
  }

  /** 剩余工作日 of an open case (negative once overdue); null once decided or when the year has no calendar. */
  workingDaysLeft(approvalCase: ApprovalCase): number | null {
    return approvalCase.status === 'open' ? workingDaysLeft(approvalCase.deadline, this.today(), this.calendar) : null;
  }

  async ledger(user: AuthenticatedUser, caseId: string): Promise<LedgerView> {
    const approvalCase = await this.cases.getInScopeOrFail(user, caseId);
    const entries = await this.ledgers.entries(caseId);
    return {
      caseId,
      acceptedOn: approvalCase.acceptedOn,
      promisedWorkingDays: approvalCase.promisedWorkingDays,
      targetWorkingDays: approvalCase.targetWorkingDays,
      deadline: approvalCase.deadline,
      colour: approvalCase.colour,
      suspendedFor: approvalCase.suspendedFor,
      suspendedWorkingDays: approvalCase.suspendedWorkingDays,
      extendedWorkingDays: approvalCase.extendedWorkingDays,
      entries: entries.map(toClockEntryView),
    };
  }

  /** 中止计时: a special procedure starts (today unless a past start is given). */
  async suspend(user: AuthenticatedUser, caseId: string, input: { procedure: SpecialProcedure; startOn?: string; reason: string }) {
    return this.dataSource.transaction(async (tx) => {
      const approvalCase = await this.cases.lockInScopeOrFail(tx, user, caseId);
      assertOpen(approvalCase);
      await this.startSuspension(
        tx,
        approvalCase,
        { procedure: input.procedure, startOn: input.startOn ?? this.today(), reason: input.reason },
        actorOf(user),
      );
      return approvalCase;
    });
  }

  /** 恢复计时: the special procedure ended (today unless an earlier end is given). */
  async resume(user: AuthenticatedUser, caseId: string, suspensionId: string, input: { endOn?: string }) {
    return this.dataSource.transaction(async (tx) => {
      const approvalCase = await this.cases.lockInScopeOrFail(tx, user, caseId);
      assertOpen(approvalCase);
      const entry = await this.ledgers.suspensionOrFail(tx, caseId, suspensionId);
      if (entry.procedure === 'supplement') {
        throw APPROVAL_ERRORS.SUPPLEMENT_ENDS_AT_WINDOW();
      }
      await this.endSuspension(tx, approvalCase, entry, input.endOn ?? this.today());
      return approvalCase;
    });
  }

  /** 延期: asked for with a reason; counts only once someone else approves it. */
  async requestExtension(user: AuthenticatedUser, caseId: string, input: { workingDays: number; reason: string }) {
    return this.dataSource.transaction(async (tx) => {
      const approvalCase = await this.cases.lockInScopeOrFail(tx, user, caseId);
      assertOpen(approvalCase);
      const pending = await this.ledgers.countPendingExtensions(tx, caseId);
      if (pending > 0) throw APPROVAL_ERRORS.EXTENSION_PENDING();
      if (!input.reason.trim()) {
        throw DomainError.validation([{ path: 'reason', code: 'EXTENSION_REASON_REQUIRED', message: '延期必须说明理由' }], 'unprocessable');
      }
      const entry = tx.create(ClockEntry, {
        id: randomUUID(),
        caseId,
        kind: 'extension',
        procedure: null,
        startOn: null,
        endOn: null,
        workingDays: input.workingDays,
        reason: input.reason.trim(),
        status: 'requested',
        recordedBy: actorOf(user),
        reviewedBy: null,
        reviewNote: null,
      });
      return this.ledgers.save(tx, entry);
    });
  }

  async reviewExtension(user: AuthenticatedUser, caseId: string, extensionId: string, input: { approve: boolean; note?: string }) {
    return this.dataSource.transaction(async (tx) => {
      const approvalCase = await this.cases.lockInScopeOrFail(tx, user, caseId);
      assertOpen(approvalCase);
      const entry = await this.ledgers.extensionOrFail(tx, caseId, extensionId);
      if (entry.status !== 'requested') throw APPROVAL_ERRORS.EXTENSION_ALREADY_REVIEWED();
      if (entry.recordedBy.id === user.id) {
        throw APPROVAL_ERRORS.EXTENSION_SELF_APPROVAL();
      }
      if (!input.approve && !input.note?.trim()) {
        throw DomainError.validation([{ path: 'note', code: 'REJECTION_NOTE_REQUIRED', message: '不同意延期须说明理由' }], 'unprocessable');
      }
      entry.status = input.approve ? 'approved' : 'rejected';
      entry.reviewedBy = actorOf(user);
      entry.reviewNote = input.note?.trim() || null;
      await this.ledgers.save(tx, entry);
      if (input.approve) await this.recompute(tx, approvalCase, { change: 'extended', reason: entry.reason });
      return entry;
    });
  }

  /** 绿色通道: a key project, sorted first, with a shorter target. */
  async joinGreenChannel(user: AuthenticatedUser, caseId: string, input: { reason: string }) {
    return this.dataSource.transaction(async (tx) => {
      const approvalCase = await this.cases.lockInScopeOrFail(tx, user, caseId);
      assertOpen(approvalCase);
      if (approvalCase.greenChannel) throw APPROVAL_ERRORS.ALREADY_GREEN_CHANNEL();
      approvalCase.greenChannel = true;
      approvalCase.greenChannelReason = input.reason.trim();
      approvalCase.targetWorkingDays =
        approvalCase.promisedWorkingDays === 0
          ? 0
          : Math.max(1, Math.ceil(approvalCase.promisedWorkingDays * this.config.greenChannelShare));
      await this.recompute(tx, approvalCase, { change: 'green-channel', reason: `绿色通道：${approvalCase.greenChannelReason}` });
      return approvalCase;
    });
  }

  /** Used by the decisions module: 退回补正 stops the clock until the applicant supplies. */
  async startSuspension(
    tx: EntityManager,
    approvalCase: ApprovalCase,
    input: { procedure: SpecialProcedure; startOn: string; reason: string },
    actor: ActorV1,
  ): Promise<ClockEntry> {
    const ledger = await this.ledgerOf(tx, approvalCase);
    const problems = checkSuspension(ledger, { ...input, endOn: null }, this.today());
    if (problems.length > 0) throw DomainError.validation(problems, 'unprocessable');
    const entry = tx.create(ClockEntry, {
      id: randomUUID(),
      caseId: approvalCase.id,
      kind: 'suspension',
      procedure: input.procedure,
      startOn: input.startOn,
      endOn: null,
      workingDays: null,
      reason: input.reason.trim(),
      status: null,
      recordedBy: actor,
      reviewedBy: null,
      reviewNote: null,
    });
    await this.ledgers.save(tx, entry);
    await this.recompute(tx, approvalCase, { change: 'suspended', procedure: input.procedure, reason: entry.reason });
    return entry;
  }

  async endSuspension(
    tx: EntityManager,
    approvalCase: ApprovalCase,
    entry: ClockEntry,
    endOn: string,
    missingYear: 'refuse' | 'keep' = 'refuse',
  ): Promise<void> {
    const problems = checkSuspensionEnd(
      {
        id: entry.id,
        procedure: entry.procedure as SpecialProcedure,
        startOn: entry.startOn as string,
        endOn: entry.endOn,
        reason: entry.reason,
      },
      endOn,
      this.today(),
    );
    if (problems.length > 0) throw DomainError.validation(problems, 'unprocessable');
    entry.endOn = endOn;
    await this.ledgers.save(tx, entry);
    await this.recompute(
      tx,
      approvalCase,
      {
        change: 'resumed',
        procedure: entry.procedure as SpecialProcedure,
        reason: `${SPECIAL_PROCEDURE_NAMES[entry.procedure as SpecialProcedure]}结束，恢复计时`,
      },
      missingYear,
    );
  }

  /**
   * Recomputes the deadline and colour from the ledger and writes them on the case. With a
   * `change`, announces the new deadline with the reason the applicant is told. A deadline that
   * reaches into a year whose calendar is not loaded is never guessed: a person's change is
   * refused (409 CALENDAR_YEAR_MISSING, nothing written), the watch and events keep the old one.
   */
  async recompute(
    tx: EntityManager,
    approvalCase: ApprovalCase,
    change?: { change: ClockChange; procedure?: SpecialProcedure; reason: string },
    missingYear: 'refuse' | 'keep' = 'refuse',
  ): Promise<void> {
    const today = this.today();
    const ledger = await this.ledgerOf(tx, approvalCase);
    const result = computeDeadline(ledger, this.calendar, today);
    if (!result.ok) {
      if (missingYear === 'refuse') throw APPROVAL_ERRORS.CALENDAR_YEAR_MISSING({ explanation: result.message });
      this.logger.warn(`Case ${approvalCase.id}: deadline not recomputed: ${result.message}`);
      return;
    }
    const running = ledger.suspensions.find((s) => s.endOn === null);
    approvalCase.deadline = result.deadline;
    approvalCase.suspendedFor = running?.procedure ?? null;
    approvalCase.suspendedWorkingDays = result.suspendedWorkingDays;
    approvalCase.extendedWorkingDays = result.extendedWorkingDays;
    await this.announceColour(tx, approvalCase, this.colourOf(approvalCase, today));
    await this.cases.save(tx, approvalCase);
    if (!change) return;
    await this.outbox.add(
      tx,
      Topics.CaseDeadlineChanged,
      {
        applicationId: approvalCase.applicationId,
        caseId: approvalCase.id,
        department: { code: approvalCase.departmentCode, name: approvalCase.departmentName },
        change: change.change,
        ...(change.procedure ? { procedure: change.procedure } : {}),
        reason: change.reason,
        deadline: result.deadline,
        suspended: result.suspended,
        suspendedWorkingDays: result.suspendedWorkingDays,
        extendedWorkingDays: result.extendedWorkingDays,
        changedAt: this.clock.now().toISOString(),
      },
      requestCause(),
    );
  }

  /**
   * 红绿灯: the one place a case changes colour. A change (by the watch, or because the ledger moved
   * the deadline) reminds the assignee (催办) and is announced; the caller saves the case.
   * Returns whether the colour changed.
   */
  async announceColour(tx: EntityManager, approvalCase: ApprovalCase, colour: DeadlineColour): Promise<boolean> {
    const previous = approvalCase.colour;
    if (colour === previous) return false;
    approvalCase.colour = colour;
    await this.ledgers.insertReminder(tx, {
      id: randomUUID(),
      caseId: approvalCase.id,
      departmentCode: approvalCase.departmentCode,
      assigneeId: approvalCase.assigneeId,
      colour,
      message: REMINDER_TEXT[colour](approvalCase),
      readAt: null,
    });
    await this.outbox.add(
      tx,
      Topics.CaseColourChanged,
      {
        applicationId: approvalCase.applicationId,
        caseId: approvalCase.id,
        department: { code: approvalCase.departmentCode, name: approvalCase.departmentName },
        itemCode: approvalCase.itemCode,
        colour,
        previousColour: previous,
        deadline: approvalCase.deadline,
        ...(approvalCase.assigneeId ? { assigneeId: approvalCase.assigneeId } : {}),
        changedAt: this.clock.now().toISOString(),
      },
      requestCause(),
    );
    this.logger.log(
      `Case ${approvalCase.applicationNumber} ${approvalCase.itemCode} turned ${colour} (was ${previous}), deadline ${approvalCase.deadline}`,
    );
    return true;
  }

  colourOf(approvalCase: ApprovalCase, today: string) {
    const days = approvalCase.targetWorkingDays ?? approvalCase.promisedWorkingDays;
    return deadlineColour(approvalCase.deadline, today, days, this.config.deadlineYellowShare, this.calendar);
  }

  async ledgerOf(tx: EntityManager, approvalCase: ApprovalCase): Promise<DeadlineLedger> {
    const entries = await this.ledgers.entries(approvalCase.id, tx);
    return {
      startOn: approvalCase.acceptedOn,
      workingDays: approvalCase.targetWorkingDays ?? approvalCase.promisedWorkingDays,
      suspensions: entries
        .filter((e) => e.kind === 'suspension')
        .map((e) => ({
          id: e.id,
          procedure: e.procedure as SpecialProcedure,
          startOn: e.startOn as string,
          endOn: e.endOn,
          reason: e.reason,
        })),
      extensions: entries
        .filter((e) => e.kind === 'extension')
        .map((e) => ({ id: e.id, workingDays: e.workingDays ?? 0, reason: e.reason, status: e.status ?? 'requested' })),
    };
  }
}
