import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask } from '@onewindow/platform';
import { DataSource } from 'typeorm';
import { ApprovalConfig } from '../approval.config';
import { ApprovalCase } from '../cases/approval-case.entity';
import { DeadlinesService } from './deadlines.service';

/**
 * 红绿灯 watch: walks the open cases, recomputes each colour for today, and on a change tells the
 * assignee (催办) and announces it. Each case is re-read under a lock, so two instances never
 * announce the same change twice.
 */
@Injectable()
export class DeadlineWatch implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DeadlineWatch');
  private readonly task = new PeriodicTask('Deadline watch', () => this.scan(), this.logger);

  constructor(
    private readonly dataSource: DataSource,
    private readonly deadlines: DeadlinesService,
    private readonly config: ApprovalConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start(this.config.deadlineWatchIntervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.task.stop();
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
        const before = approvalCase.colour;
        // A running suspension moves the deadline each working day: recompute (which announces any colour change) first.
        if (approvalCase.suspendedFor) await this.deadlines.recompute(tx, approvalCase, undefined, 'keep');
        if (await this.deadlines.announceColour(tx, approvalCase, this.deadlines.colourOf(approvalCase, today))) {
          await tx.update(ApprovalCase, { id: approvalCase.id }, { colour: approvalCase.colour });
        }
        return approvalCase.colour !== before;
      });
      if (didChange) changed += 1;
    }
    return { checked: open.length, changed };
  }
}
