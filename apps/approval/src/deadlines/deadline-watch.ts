import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask } from '@onewindow/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { ApprovalConfig } from '../approval.config';
import type { ApprovalCase } from '../cases/approval-case.entity';
import { CaseRepository } from '../cases/case.repository';
import { DeadlinesService } from './deadlines.service';

/** Cases looked at in one transaction. */
const BATCH_SIZE = 100;

/**
 * 红绿灯 watch: recomputes the colour of each open case for today, and on a change tells the
 * assignee (催办) and announces it. A colour changes only from one day to the next (an action that
 * changes it during the day announces it itself), so each case is looked at once a day: the watch
 * takes the open cases not yet looked at today, a batch per transaction, locked with SKIP LOCKED so
 * that two instances share the work and never announce the same change twice. A pass costs nothing
 * once the day's cases are done, however many cases are open.
 */
@Injectable()
export class DeadlineWatch implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DeadlineWatch');
  private readonly task = new PeriodicTask('Deadline watch', () => this.scan(), this.logger);

  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
    private readonly deadlines: DeadlinesService,
    private readonly config: ApprovalConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start(this.config.deadlineWatchIntervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.task.stop();
  }

  /** Looks at every open case not yet looked at today; returns how many it looked at and how many changed colour. */
  async scan(): Promise<{ checked: number; changed: number }> {
    const today = this.deadlines.today();
    // A case that fails is left for the next pass, so one bad case never stops the others.
    const failed = new Set<string>();
    let checked = 0;
    let changed = 0;
    for (;;) {
      let batch: string[] = [];
      try {
        const outcome = await this.dataSource.transaction(async (tx) => {
          const cases = await this.takeBatch(tx, today, failed);
          batch = cases.map((c) => c.id);
          let batchChanged = 0;
          for (const approvalCase of cases) if (await this.look(tx, approvalCase, today)) batchChanged += 1;
          return { looked: cases.length, changed: batchChanged };
        });
        checked += outcome.looked;
        changed += outcome.changed;
        if (outcome.looked < BATCH_SIZE) break;
      } catch (error) {
        if (batch.length === 0) throw error;
        // Find the case that fails: the batch's cases one transaction each.
        for (const id of batch) {
          try {
            const didChange = await this.dataSource.transaction(async (tx) => {
              const [approvalCase] = await this.takeBatch(tx, today, failed, id);
              return approvalCase ? this.look(tx, approvalCase, today) : false;
            });
            checked += 1;
            if (didChange) changed += 1;
          } catch (caseError) {
            failed.add(id);
            this.logger.error(`Case ${id}: the traffic light could not be computed: ${(caseError as Error).message}`);
          }
        }
      }
    }
    return { checked, changed };
  }

  private takeBatch(tx: EntityManager, today: string, failed: Set<string>, only?: string): Promise<ApprovalCase[]> {
    return this.cases.lockUncheckedOpen(tx, { today, limit: BATCH_SIZE, excluding: failed, ...(only ? { only } : {}) });
  }

  private async look(tx: EntityManager, approvalCase: ApprovalCase, today: string): Promise<boolean> {
    const before = approvalCase.colour;
    // A running suspension moves the deadline each working day: recompute (which announces any colour change) first.
    if (approvalCase.suspendedFor) await this.deadlines.recompute(tx, approvalCase, undefined, 'keep');
    await this.deadlines.announceColour(tx, approvalCase, this.deadlines.colourOf(approvalCase, today));
    await this.cases.update(tx, approvalCase.id, { colour: approvalCase.colour, colourCheckedOn: today });
    return approvalCase.colour !== before;
  }
}
