import { Injectable } from '@nestjs/common';
import type { CreditStatusView } from './credit-status.view';
import { blacklistEntriesText, creditStanding, localDateInShanghai } from '@onewindow/domain';
import { Clock } from '@onewindow/platform';
import type { EntityManager } from 'typeorm';
import { CreditEntry } from './credit-entry.entity';

/** 信用状况 at the window: from the event-fed copy, by the rule approval's credit gate uses. */
@Injectable()
export class CreditStatusService {
  constructor(private readonly clock: Clock) {}

  async statusOf(tx: EntityManager, identifier: string): Promise<CreditStatusView> {
    const standing = await this.standingOf(tx, identifier);
    return {
      identifier: identifier.toUpperCase(),
      blacklisted: standing.blacklisted,
      toleranceAllowed: !standing.blacklisted,
      entries: standing.activeBlacklist.map(({ title, departmentName, documentNumber, decidedOn, validUntil }) => ({
        title,
        departmentName,
        documentNumber,
        decidedOn,
        validUntil,
      })),
    };
  }

  /** Why the applicant may not rely on 容缺 or 告知承诺, in the words the clerk reads; null when they may. */
  async toleranceBar(tx: EntityManager, identifier: string): Promise<string | null> {
    const standing = await this.standingOf(tx, identifier);
    return standing.blacklisted ? `列入失信名单（${blacklistEntriesText(standing)}）` : null;
  }

  private async standingOf(tx: EntityManager, identifier: string) {
    const entries = await tx
      .getRepository(CreditEntry)
      .find({ where: { holderIdentifier: identifier.toUpperCase() }, order: { decidedOn: 'DESC' } });
    return creditStanding(entries, localDateInShanghai(this.clock.now()));
  }
}
