import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Topics } from '@onewindow/contracts';
import { EventOutbox } from '@onewindow/messaging';
import { Clock } from '@onewindow/platform';
import { DataSource } from 'typeorm';
import type { ApprovalConfig } from '../approval.config';
import { APPROVAL_CONFIG } from '../approval.tokens';
import { ApprovalCase } from '../cases/approval-case.entity';
import { CaseReminder } from './case-reminder.entity';
import type { DeadlineColour } from './deadline-ledger';
import { DeadlinesService } from './deadlines.service';

const REMINDER_TEXT: Record<DeadlineColour, (c: ApprovalCase) => string> = {
  green: (c) => `办件${c.applicationNumber}（${c.itemName}）办理期限已顺延至${c.deadline}。`,
  yellow: (c) => `【黄灯预警】办件${c.applicationNumber}（${c.itemName}）将于${c.deadline}到期，请抓紧办理。`,
  red: (c) => `【红灯超期】办件${c.applicationNumber}（${c.itemName}）已超过办理期限${c.deadline}，请立即办理并说明原因。`,
};

/**
 * 红绿灯 watch: walks the open cases, recomputes each colour for today, and on a change tells the
 * assignee (催办) and announces it. Each case is re-read under a lock, so two instances never
 * announce the same change twice.
 */
@Injectable()
export class DeadlineWatch implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DeadlineWatch');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    private readonly deadlines: DeadlinesService,
    private readonly clock: Clock,
    @Inject(APPROVAL_CONFIG) private readonly config: ApprovalConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.deadlineWatchIntervalMs <= 0) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.scan()
        .catch((error: Error) => this.logger.warn(`Deadline watch failed: ${error.message}`))
        .finally(() => (this.running = undefined));
    }, this.config.deadlineWatchIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass over the open cases; returns how many changed colour. */
  async scan(): Promise<{ checked: number; changed: number }> {
    const today = this.deadlines.today();
    const open = await this.dataSource.getRepository(ApprovalCase).find({ where: { status: 'open' }, select: { id: true } });
    let changed = 0;
    for (const { id } of open) {
      const didChange = await this.dataSource.transaction(async (tx) => {
        const approvalCase = await tx.getRepository(ApprovalCase).findOne({ where: { id, status: 'open' }, lock: { mode: 'pessimistic_write' } });
        if (!approvalCase) return false;
        // A running suspension moves the deadline each working day; recompute first.
        if (approvalCase.suspendedFor) await this.deadlines.recompute(tx, approvalCase);
        const colour = this.deadlines.colourOf(approvalCase, today);
        if (colour === approvalCase.colour) return false;
        const previous = approvalCase.colour;
        approvalCase.colour = colour;
        await tx.save(approvalCase);
        await tx.insert(CaseReminder, {
          id: randomUUID(),
          caseId: approvalCase.id,
          departmentCode: approvalCase.departmentCode,
          assigneeId: approvalCase.assigneeId,
          colour,
          message: REMINDER_TEXT[colour](approvalCase),
          readAt: null,
        });
        await this.outbox.add(tx, Topics.CaseColourChanged, {
          applicationId: approvalCase.applicationId,
          caseId: approvalCase.id,
          department: { code: approvalCase.departmentCode, name: approvalCase.departmentName },
          itemCode: approvalCase.itemCode,
          colour,
          previousColour: previous,
          deadline: approvalCase.deadline,
          ...(approvalCase.assigneeId ? { assigneeId: approvalCase.assigneeId } : {}),
          changedAt: this.clock.now().toISOString(),
        });
        this.logger.log(`Case ${approvalCase.applicationNumber} ${approvalCase.itemCode} turned ${colour} (was ${previous}), deadline ${approvalCase.deadline}`);
        return true;
      });
      if (didChange) changed += 1;
    }
    return { checked: open.length, changed };
  }
}
