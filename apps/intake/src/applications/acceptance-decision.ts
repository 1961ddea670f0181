import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Topics, type Level, type PartMaterialV1 } from '@onewindow/contracts';
import { localDateInShanghai, type WorkingDayCalendar } from '@onewindow/domain';
import { EventOutbox } from '@onewindow/messaging';
import { requestCause, type AuthenticatedUser } from '@onewindow/platform';
import type { EntityManager } from 'typeorm';
import { checkMaterials, type MaterialsCheckResult } from '../catalogue/materials-check';
import type { ServiceItem } from '../catalogue/service-item.entity';
import { CreditStatusService } from '../credit/credit-status.service';
import { IntakeEvents } from '../events/intake-events';
import { IntakeConfig } from '../intake.config';
import { WORKING_DAY_CALENDAR } from '../intake.tokens';
import { buildAcceptedApplication } from './acceptance';
import type { ApplicationPart } from './application-part.entity';
import type { Application } from './application.entity';
import { ApplicationRepository } from './application.repository';
import { INTAKE_ERRORS } from '../intake-errors';

/** What the materials check is asked about, and whose credit standing bars 容缺 and 告知承诺. */
export type MaterialsUnderCheck = Omit<Parameters<typeof checkMaterials>[0], 'creditBar' | 'dueWithinDays'> & {
  applicantIdentifier: string;
};

/**
 * The window's decision on a complete or incomplete file: accepted (受理, announced to every
 * department) or a one-time notice (一次性告知). The window never refuses; only a department does.
 */
@Injectable()
export class AcceptanceDecision {
  constructor(
    private readonly applications: ApplicationRepository,
    private readonly outbox: EventOutbox,
    private readonly events: IntakeEvents,
    private readonly credit: CreditStatusService,
    @Inject(WORKING_DAY_CALENDAR) private readonly calendar: WorkingDayCalendar,
    private readonly config: IntakeConfig,
  ) {}

  /** The materials check with the window's settings and the applicant's credit standing. */
  async checkMaterials(tx: EntityManager, check: MaterialsUnderCheck): Promise<MaterialsCheckResult> {
    const { applicantIdentifier, ...request } = check;
    return checkMaterials({
      ...request,
      ...(await this.creditBar(tx, applicantIdentifier)),
      dueWithinDays: this.config.deficiencyDueWithinDays,
    });
  }

  /** Accepts (受理) and announces, or issues the one-time notice (一次性告知). */
  async conclude(
    tx: EntityManager,
    application: Application,
    items: ServiceItem[],
    check: Exclude<MaterialsCheckResult, { outcome: 'invalid' }>,
    clerk: AuthenticatedUser,
    at: Date,
    { isNew = false }: { isNew?: boolean } = {},
  ): Promise<void> {
    const parts = application.parts;
    if (check.outcome === 'notice') {
      const round = isNew ? 1 : (await this.applications.countNotices(tx, application.id)) + 1;
      const notice = {
        id: randomUUID(),
        applicationId: application.id,
        number: `GZ${application.number.slice(2)}-${round}`,
        lines: check.lines,
        issuedBy: clerk.id,
        issuedByName: clerk.name,
        issuedAt: at,
        resolvedAt: null,
        withdrawnAt: null,
        withdrawalReason: null,
      };
      for (const part of parts) part.received = check.received.filter((m) => m.itemCode === part.itemCode);
      // A draft or an online submission (网上预审) found incomplete now waits for its supplement, like a filing at the window.
      application.status = 'awaiting-supplement';
      await this.store(tx, application, isNew);
      await this.applications.insertNotice(tx, notice);
      await this.outbox.add(
        tx,
        Topics.ApplicationNoticeIssued,
        {
          applicationId: application.id,
          applicationNumber: application.number,
          noticeId: notice.id,
          noticeNumber: notice.number,
          applicant: application.applicant,
          lines: check.lines.map(({ itemCode, materialCode, materialName, problem }) => ({
            itemCode,
            materialCode,
            materialName,
            problem,
          })),
          issuedAt: at.toISOString(),
          issuedBy: { kind: 'person', id: clerk.id, name: clerk.name },
        },
        requestCause(),
      );
      await this.events.record(tx, {
        kind: 'materials-notice-issued',
        application,
        noticeNumber: notice.number,
        missingCount: check.lines.length,
      });
      return;
    }
    const acceptedOn = localDateInShanghai(at);
    for (const part of parts) {
      part.promisedDeadline = this.deadline(acceptedOn, part.committedWorkingDays);
      part.received = check.received.filter((m) => m.itemCode === part.itemCode);
      part.deficiencies = check.deficiencies.filter((d) => d.itemCode === part.itemCode).map((d) => ({ ...d, receivedAt: null }));
      part.pledges = check.pledges.filter((p) => p.itemCode === part.itemCode);
    }
    application.status = 'accepted';
    application.acceptedAt = at;
    application.acceptedBy = clerk.id;
    await this.store(tx, application, isNew);
    const event = buildAcceptedApplication(
      {
        applicationId: application.id,
        applicationNumber: application.number,
        acceptedAt: at,
        acceptedOn,
        channel: application.channel,
        level: application.level,
        applicant: application.applicant,
        ...(application.agent ? { agent: application.agent } : {}),
        ...(application.bundle ? { bundle: application.bundle } : {}),
        clerk: { id: clerk.id, name: clerk.name },
        parts: parts.map((part) => ({
          partId: part.id,
          item: items.find((item) => item.code === part.itemCode) as ServiceItem,
          handedUpFrom: part.handOff ? (part.handOff.fromLevel as Level) : undefined,
          form: part.form ?? undefined,
          materials: materialsOf(part),
        })),
        deficiencies: check.deficiencies,
        pledges: check.pledges,
        formStatistics: application.form?.statistics,
      },
      (start, days) => this.deadline(start, days),
    );
    await this.outbox.add(tx, Topics.ApplicationAccepted, event, requestCause());
    const latest = parts
      .map((part) => part.promisedDeadline ?? '')
      .sort()
      .at(-1);
    await this.events.record(tx, { kind: 'application-accepted', application, promisedDeadline: latest ?? null });
  }

  /** The deadline `days` working days after `start`; refused (409) when that year's calendar is not loaded. */
  deadline(start: string, days: number): string {
    const result = this.calendar.addWorkingDays(start, days);
    if (!result.ok) throw INTAKE_ERRORS.CALENDAR_YEAR_MISSING({ explanation: result.message });
    return result.date;
  }

  /** A filing checked at once is written once, in its concluded state; one filed before is updated. */
  private async store(tx: EntityManager, application: Application, isNew: boolean): Promise<void> {
    await (isNew ? this.applications.insert(tx, application) : this.applications.save(tx, application));
  }

  /** 失信: the applicant's standing from the window's event-fed copy; a bar on 容缺 and 告知承诺 when blacklisted. */
  private async creditBar(tx: EntityManager, identifier: string): Promise<{ creditBar?: string }> {
    const bar = await this.credit.toleranceBar(tx, identifier);
    return bar ? { creditBar: bar } : {};
  }
}

/** Every material of a part as accepted: received, to follow by a date (容缺), pledged (告知承诺). */
function materialsOf(part: ApplicationPart): PartMaterialV1[] {
  return [
    ...part.received.map(({ materialCode, materialName }) => ({ materialCode, materialName, status: 'received' as const })),
    ...part.deficiencies.map(({ materialCode, materialName, dueDate }) => ({
      materialCode,
      materialName,
      status: 'to-follow' as const,
      dueDate,
    })),
    ...part.pledges.map(({ materialCode, materialName }) => ({ materialCode, materialName, status: 'pledged' as const })),
  ];
}
