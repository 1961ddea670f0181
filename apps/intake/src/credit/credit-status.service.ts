import { Injectable } from '@nestjs/common';
import type { CreditStatusView } from './credit-status.view';
import { blacklistEntriesText, creditStanding, localDateInShanghai } from '@onewindow/domain';
import { Clock } from '@onewindow/platform';
import type { EntityManager } from 'typeorm';
import { CreditEntryRepository } from './credit-entry.repository';

/** 信用状况 at the window: from the event-fed copy, by the rule approval's credit gate uses. */
@Injectable()
export class CreditStatusService {
  constructor(
    private readonly entries: CreditEntryRepository,
    private readonly clock: Clock,
  ) {}

  async statusOf(identifier: string): Promise<CreditStatusView> {
    const standing = await this.standingOf(identifier);
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
    const standing = await this.standingOf(identifier, tx);
    return standing.blacklisted ? `列入失信名单（${blacklistEntriesText(standing)}）` : null;
  }

  /** Read in the caller's transaction when there is one (acceptance decides on it), else outside any. */
  private async standingOf(identifier: string, tx?: EntityManager) {
    const entries = await this.entries.ofHolder(identifier.toUpperCase(), tx);
    return creditStanding(entries, localDateInShanghai(this.clock.now()));
  }
}
