import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Topics, type PartyV1 } from '@onewindow/contracts';
import { localDateInShanghai } from '@onewindow/domain';
import { EventOutbox } from '@onewindow/messaging';
import { nextCounterValue } from '@onewindow/persistence';
import { Clock, DomainError, requestCause, type AuthenticatedUser } from '@onewindow/platform';
import { DataSource } from 'typeorm';
import { phoneOfApplicant } from '../applicant-sessions/sign-in-codes';
import { isInPersonChannel, receptionProblems } from '../catalogue/intake-rules';
import type { MaterialCheckEntry } from '../catalogue/materials-check';
import type { ServiceItem } from '../catalogue/service-item.entity';
import { checkFilingForm, partForm } from '../forms/filing-form';
import type { FileApplicationDto } from './accept-application.dto';
import { AcceptanceDecision } from './acceptance-decision';
import { ApplicationFormCorrections } from './application-form-corrections';
import { ApplicationNumberSequence } from './application-number.entity';
import { formatApplicationNumber } from './application-number';
import { ApplicationPart } from './application-part.entity';
import { Application } from './application.entity';
import { ApplicationRepository } from './application.repository';
import { FiledItems } from './filed-items';
import { fieldError, invalid, refusal } from './refusals';

/**
 * 收件: receiving an application at the window (checked at once, or recorded as a draft) or
 * online (recorded for the clerk's pre-review). Bad input changes nothing and takes no number.
 */
@Injectable()
export class FilingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationRepository,
    private readonly filedItems: FiledItems,
    private readonly acceptance: AcceptanceDecision,
    private readonly formCorrections: ApplicationFormCorrections,
    private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  /**
   * Receives an application and checks its materials in one transaction: either accepted (受理,
   * announced to every department) or a one-time notice (一次性告知). Bad input changes nothing.
   */
  async file(input: FileApplicationDto, clerk: AuthenticatedUser): Promise<Application> {
    return this.receive(input, clerk, 'window');
  }

  /** 收件草稿: the clerk records the application first and checks the materials later (`check`). */
  async draft(input: FileApplicationDto, clerk: AuthenticatedUser): Promise<Application> {
    return this.receive(input, clerk, 'window', { draft: true });
  }

  /**
   * 网上申请: the applicant submits online with uploaded materials; nothing reaches the departments
   * until a clerk pre-reviews it (网上预审).
   */
  async submitOnline(input: FileApplicationDto, applicant: AuthenticatedUser): Promise<Application> {
    // Signed in by SMS code: the phone proven is the contact every progress message goes to.
    const phone = phoneOfApplicant(applicant.id);
    return this.receive(
      {
        ...input,
        channel: input.channel === 'mobile' ? 'mobile' : 'online',
        visitedInPerson: false,
        ...(phone ? { contactPhone: phone } : {}),
      },
      applicant,
      'online',
    );
  }

  private async receive(
    input: FileApplicationDto,
    receiver: AuthenticatedUser,
    via: 'window' | 'online',
    options: { draft?: boolean } = {},
  ): Promise<Application> {
    const deferred = via === 'online' || options.draft === true;
    const receivedAt = this.clock.now();
    const today = localDateInShanghai(receivedAt);
    // Everything that can refuse the filing is checked before a number is taken, so refusals leave no gaps.
    // Catalogue versions never change once published, so reading them outside the transaction is safe.
    const { items, bundle } = await this.filedItems.forFiling(this.dataSource.manager, input);
    const reception = receptionProblems(items, input.channel, via);
    if (reception.length > 0) throw invalid(reception, 'NOT_RECEIVABLE');
    if (deferred) this.refuseFindingsBeforeCheck(input);
    const check = await this.acceptance.checkMaterials(this.dataSource.manager, {
      items,
      answers: input.situations ?? {},
      entries: (input.materials ?? []) as MaterialCheckEntry[],
      allOtherMaterialsProvided: input.allOtherMaterialsProvided ?? false,
      today,
      applicantIdentifier: input.applicant.identifier,
    });
    const filing = this.formCorrections.filingForm(items, bundle);
    const form = checkFilingForm(filing, { data: input.form, sources: input.formSources }, input.situations ?? {});
    if (check.outcome === 'invalid' || !form.ok) {
      throw refusal([
        ...(check.outcome === 'invalid' ? check.problems.map((problem) => fieldError(problem, 'MATERIALS_INVALID')) : []),
        ...(form.ok ? [] : form.problems.map((problem) => fieldError(problem, 'FORM_INVALID'))),
      ]);
    }
    // An acceptance promises each part's deadline: one in a year whose calendar is not loaded refuses it here, not after the number.
    if (!deferred && check.outcome === 'accepted') items.forEach((item) => this.acceptance.deadline(today, item.committedWorkingDays));
    // The day's counter is taken in its own short statement: inside the filing's transaction its row lock
    // would be held to the commit and every window of the day would file one at a time. A filing whose
    // transaction then fails (a database error) leaves a gap in the day's numbers, never a duplicate.
    const number = formatApplicationNumber(today, await nextCounterValue(this.dataSource, ApplicationNumberSequence, 'day', today));
    return this.dataSource.transaction(async (tx) => {
      const applicant = toParty(input);
      const application = tx.create(Application, {
        id: randomUUID(),
        number,
        status: via === 'online' ? 'submitted' : options.draft ? 'draft' : 'awaiting-supplement',
        receivedVia: via,
        outcome: null,
        channel: input.channel,
        level: input.level,
        applicant,
        agent: input.agent ? { ...input.agent, identifier: input.agent.identifier.toUpperCase() } : null,
        bundle,
        situations: input.situations ?? {},
        form: form.filed,
        visits: (input.visitedInPerson ?? isInPersonChannel(input.channel)) ? 1 : 0,
        contactPhone: input.contactPhone ?? input.applicant.phone ?? null,
        receivedBy: receiver.id,
        receivedAt,
        acceptedBy: null,
        acceptedAt: null,
        decidedAt: null,
        payment: null,
        issuance: null,
      });
      application.parts = items.map((item) =>
        tx.create(ApplicationPart, {
          id: randomUUID(),
          applicationId: application.id,
          itemCode: item.code,
          itemVersion: item.version,
          itemName: item.name,
          departmentCode: item.departmentCode,
          departmentName: item.departmentName,
          promisedDeadline: null,
          committedWorkingDays: item.committedWorkingDays,
          feeFen: item.fee.charged ? (item.fee.amountFen ?? 0) : 0,
          status: 'pending',
          licenceNumber: null,
          decisionReason: null,
          handOff: handOffFor(item, input.level),
          form: partForm(filing, form.filed, item.code, input.situations ?? {}),
          received: deferred ? check.received.filter((m) => m.itemCode === item.code) : [],
          deficiencies: [],
          pledges: [],
        }),
      );
      // A filing checked at once is written once, in its concluded state; a draft or online submission now.
      if (deferred) await this.applications.saveApplication(tx, application);
      await this.outbox.add(
        tx,
        Topics.ApplicationReceived,
        {
          applicationId: application.id,
          applicationNumber: number,
          via,
          channel: input.channel,
          level: input.level,
          applicant,
          itemCodes: items.map((item) => item.code),
          ...(bundle ? { bundleCode: bundle.code } : {}),
          receivedAt: receivedAt.toISOString(),
        },
        requestCause(),
      );
      if (!deferred) await this.acceptance.conclude(tx, application, items, check, receiver, receivedAt, { isNew: true });
      return application;
    });
  }

  /** Online or in a draft, materials are only recorded; the clerk's check finds them missing, faulty, to follow or pledged. */
  private refuseFindingsBeforeCheck(input: FileApplicationDto): void {
    const problems = (input.materials ?? [])
      .map((entry, index) => ({ entry, index }))
      .filter(({ entry }) => entry.finding !== 'provided')
      .map(({ index }) => ({
        path: `materials[${index}].finding`,
        code: 'ONLINE_UPLOAD_ONLY',
        message: '收件时只登记已收取（上传）的材料（provided），审查结论在材料审查时作出',
      }));
    if (input.allOtherMaterialsProvided) {
      problems.push({
        path: 'allOtherMaterialsProvided',
        code: 'ONLINE_UPLOAD_ONLY',
        message: '收件时须逐项登记材料，材料审查时才能确认全部齐全',
      });
    }
    if (problems.length > 0) throw DomainError.validation(problems);
  }
}

/**
 * 乡呼县应: a town (or village) window may take in an item only the county handles; the part is
 * handed up to the district department and both sides see the hand-off.
 */
function handOffFor(item: ServiceItem, level: string): ApplicationPart['handOff'] {
  if (item.levels.includes(level as ServiceItem['levels'][number])) return null;
  return {
    fromLevel: level,
    toLevel: 'district',
    reason: `事项“${item.name}”须由区县部门办理，${level === 'town' ? '乡镇' : '村'}窗口收件后转报`,
  };
}

function toParty(input: FileApplicationDto): PartyV1 {
  return {
    kind: input.applicant.kind,
    name: input.applicant.name,
    identifier: input.applicant.identifier.toUpperCase(),
    ...(input.applicant.phone ? { phone: input.applicant.phone } : {}),
  };
}
