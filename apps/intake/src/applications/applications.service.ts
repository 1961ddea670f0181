import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Topics, type BundleRefV1, type Level, type PartMaterialV1, type PartyV1 } from '@onewindow/contracts';
import { localDateInShanghai, type WorkingDayCalendar } from '@onewindow/domain';
import { EventOutbox } from '@onewindow/messaging';
import { nextCounterValue } from '@onewindow/persistence';
import { Clock, DomainError, requestCause, type AuthenticatedUser, type FieldError, type Page } from '@onewindow/platform';
import { DataSource, In, type EntityManager } from 'typeorm';
import { ServiceBundle } from '../catalogue/service-bundle.entity';
import { ServiceItem } from '../catalogue/service-item.entity';
import { IntakeConfig } from '../intake.config';
import { WORKING_DAY_CALENDAR } from '../intake.tokens';
import { buildAcceptedApplication } from './acceptance';
import type { FileApplicationDto, FormAnswersDto, SupplementDto } from './accept-application.dto';
import { ApplicationForms } from '../forms/application-forms';
import { FormCorrection, type FormCorrectionOccasion } from '../forms/form-correction.entity';
import { checkFilingForm, correctFilingForm, partChanges, partForm, type FilingForm, type FormProblem } from '../forms/filing-form';
import { ApplicationNotice } from './application-notice.entity';
import { ApplicationRepository, type ApplicationFilter } from './application.repository';
import { ApplicationNumberSequence } from './application-number.entity';
import { formatApplicationNumber } from './application-number';
import { ApplicationPart } from './application-part.entity';
import { Application, type ApplicationStatus } from './application.entity';
import { CreditStatusService } from '../credit/credit-status.service';
import { phoneOfApplicant } from '../applicant-sessions/sign-in-codes';
import { IssuanceService } from '../issuance/issuance.service';
import { NotificationsService } from '../notifications/notifications.service';
import { receptionProblems } from '../catalogue/intake-rules';
import { checkMaterials, type MaterialCheckEntry, type MaterialsCheckResult } from '../catalogue/materials-check';

export type { ApplicationFilter } from './application.repository';

/** The window's side of an application: receiving it, checking materials, notice or acceptance. */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationRepository,
    private readonly outbox: EventOutbox,
    @Inject(WORKING_DAY_CALENDAR) private readonly calendar: WorkingDayCalendar,
    private readonly notifications: NotificationsService,
    private readonly issuance: IssuanceService,
    private readonly forms: ApplicationForms,
    private readonly credit: CreditStatusService,
    private readonly clock: Clock,
    private readonly config: IntakeConfig,
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
      { ...input, channel: input.channel === 'mobile' ? 'mobile' : 'online', visitedInPerson: false, ...(phone ? { contactPhone: phone } : {}) },
      applicant,
      'online',
    );
  }

  /**
   * The materials check of a draft, or 网上预审 of an online submission: complete → accepted
   * (online: without a visit); incomplete → the one-time notice. Materials already recorded
   * (uploaded, or listed in the draft) count as provided unless the clerk lists them otherwise.
   */
  async check(id: string, input: SupplementDto, clerk: AuthenticatedUser): Promise<Application> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (tx) => {
      const application = await this.applications.lockOrFail(tx, id);
      if (application.status !== 'submitted' && application.status !== 'draft') {
        throw new DomainError('ALREADY_CHECKED', `申请 ${application.number} 当前状态为“${STATUS_TEXT[application.status]}”，材料已审查`, 409);
      }
      const items = await this.itemsAsFiled(tx, application);
      await this.correctForm(tx, application, items, input, clerk, now, 'check');
      const listed = new Set((input.materials ?? []).map((entry) => `${entry.itemCode}/${entry.materialCode}`));
      const uploaded: MaterialCheckEntry[] = application.parts
        .flatMap((part) => part.received)
        .filter((material) => !listed.has(`${material.itemCode}/${material.materialCode}`))
        .map((material) => ({ itemCode: material.itemCode, materialCode: material.materialCode, finding: 'provided' }));
      const check = checkMaterials({
        items,
        answers: application.situations,
        entries: [...((input.materials ?? []) as MaterialCheckEntry[]), ...uploaded],
        allOtherMaterialsProvided: input.allOtherMaterialsProvided ?? false,
        today: localDateInShanghai(now),
        ...(await this.creditBar(tx, application.applicant.identifier)),
        dueWithinDays: this.config.deficiencyDueWithinDays,
      });
      if (check.outcome === 'invalid') throw invalid(check.problems);
      await this.conclude(tx, application, items, check, clerk, now);
      return application;
    });
  }

  /** Online applications of the signed-in applicant, newest first. */
  async listOwn(applicant: AuthenticatedUser, page: number, pageSize: number): Promise<Page<Application>> {
    return this.applications.listSubmittedOnlineBy(applicant.id, { page, pageSize });
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
    const { items, bundle } = await this.resolveItems(this.dataSource.manager, input);
    const reception = receptionProblems(items, input.channel, via);
    if (reception.length > 0) throw invalid(reception, 'NOT_RECEIVABLE');
    if (deferred) this.refuseFindingsBeforeCheck(input);
    const check = checkMaterials({
      items,
      answers: input.situations ?? {},
      entries: (input.materials ?? []) as MaterialCheckEntry[],
      allOtherMaterialsProvided: input.allOtherMaterialsProvided ?? false,
      today,
      ...(await this.creditBar(this.dataSource.manager, input.applicant.identifier)),
      dueWithinDays: this.config.deficiencyDueWithinDays,
    });
    const filing = this.filingForm(items, bundle);
    const form = checkFilingForm(filing, { data: input.form, sources: input.formSources }, input.situations ?? {});
    if (check.outcome === 'invalid' || !form.ok) {
      throw refusal([
        ...(check.outcome === 'invalid' ? check.problems.map((problem) => fieldError(problem, 'MATERIALS_INVALID')) : []),
        ...(form.ok ? [] : form.problems.map((problem) => fieldError(problem, 'FORM_INVALID'))),
      ]);
    }
    // An acceptance promises each part's deadline: one in a year whose calendar is not loaded refuses it here, not after the number.
    if (!deferred && check.outcome === 'accepted') items.forEach((item) => this.deadline(today, item.committedWorkingDays));
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
      if (!deferred) await this.conclude(tx, application, items, check, receiver, receivedAt, { isNew: true });
      return application;
    });
  }

  /** Online or in a draft, materials are only recorded; the clerk's check finds them missing, faulty, to follow or pledged. */
  private refuseFindingsBeforeCheck(input: FileApplicationDto): void {
    const problems = (input.materials ?? [])
      .map((entry, index) => ({ entry, index }))
      .filter(({ entry }) => entry.finding !== 'provided')
      .map(({ index }) => ({ path: `materials[${index}].finding`, code: 'ONLINE_UPLOAD_ONLY', message: '收件时只登记已收取（上传）的材料（provided），审查结论在材料审查时作出' }));
    if (input.allOtherMaterialsProvided) {
      problems.push({ path: 'allOtherMaterialsProvided', code: 'ONLINE_UPLOAD_ONLY', message: '收件时须逐项登记材料，材料审查时才能确认全部齐全' });
    }
    if (problems.length > 0) throw DomainError.validation(problems);
  }

  /** 补正: the applicant brings what the notice asked for; the whole file is checked again. */
  async supplement(id: string, input: SupplementDto, clerk: AuthenticatedUser): Promise<Application> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (tx) => {
      const application = await this.applications.lockOrFail(tx, id);
      if (application.status !== 'awaiting-supplement') {
        throw new DomainError('NOT_AWAITING_SUPPLEMENT', `申请 ${application.number} 当前状态为“${STATUS_TEXT[application.status]}”，无需补正`, 409);
      }
      const items = await this.itemsAsFiled(tx, application);
      await this.correctForm(tx, application, items, input, clerk, now, 'supplement');
      const check = checkMaterials({
        items,
        answers: application.situations,
        entries: (input.materials ?? []) as MaterialCheckEntry[],
        allOtherMaterialsProvided: input.allOtherMaterialsProvided ?? false,
        today: localDateInShanghai(now),
        ...(await this.creditBar(tx, application.applicant.identifier)),
        dueWithinDays: this.config.deficiencyDueWithinDays,
      });
      if (check.outcome === 'invalid') throw invalid(check.problems);
      if (input.visitedInPerson ?? isInPersonChannel(application.channel)) application.visits += 1;
      await this.applications.resolveOpenNotices(tx, application.id, now);
      // conclude() writes the application (the extra visit included) with its new state.
      await this.conclude(tx, application, items, check, clerk, now);
      return application;
    });
  }

  /** 容缺: a material accepted as missing has arrived. */
  async receiveDeficiency(id: string, partId: string, materialCode: string): Promise<Application> {
    return this.dataSource.transaction(async (tx) => {
      const application = await this.applications.lockOrFail(tx, id);
      const part = application.parts.find((p) => p.id === partId);
      const deficiency = part?.deficiencies.find((d) => d.materialCode === materialCode);
      if (!part || !deficiency) throw new DomainError('DEFICIENCY_NOT_FOUND', '该申请没有这份容缺材料', 404);
      if (deficiency.receivedAt) return application;
      const now = this.clock.now();
      deficiency.receivedAt = now.toISOString();
      await this.outbox.add(
        tx,
        Topics.DeficiencyReceived,
        {
          applicationId: application.id,
          partId: part.id,
          materialCode,
          dueDate: deficiency.dueDate,
          onTime: localDateInShanghai(now) <= deficiency.dueDate,
          receivedAt: now.toISOString(),
        },
        requestCause(),
      );
      part.received = [...part.received, { itemCode: part.itemCode, materialCode, materialName: deficiency.materialName }];
      await this.applications.savePart(tx, part);
      await this.issuance.notifyIfReady(tx, application);
      return application;
    });
  }

  /**
   * 补正材料已补齐: the applicant handed in what the department asked for during review. The
   * department's clock runs again; a second call changes nothing.
   */
  async receiveRequestedSupplement(id: string, partId: string, clerk: AuthenticatedUser, input: FormAnswersDto = {}): Promise<Application> {
    return this.dataSource.transaction(async (tx) => {
      const application = await this.applications.lockOrFail(tx, id);
      const part = application.parts.find((p) => p.id === partId);
      if (!part) throw new DomainError('PART_NOT_FOUND', '该申请没有这个办理事项', 404);
      const request = part.supplementRequest;
      if (!request) throw new DomainError('NO_SUPPLEMENT_REQUESTED', `${part.departmentName}未要求补正材料，无需补交`, 409);
      const now = this.clock.now();
      const corrected = await this.correctForm(tx, application, await this.itemsAsFiled(tx, application), input, clerk, now, 'department-request');
      part.received = [
        ...part.received,
        ...request.materials.map((m) => ({ itemCode: part.itemCode, materialCode: m.materialCode, materialName: m.materialName })),
      ];
      part.supplementRequest = null;
      // A corrected form changed the application's answers and every part's share; else only this part changed.
      if (corrected) await this.applications.save(tx, application);
      else await this.applications.savePart(tx, part);
      await this.applications.resolveNotice(tx, request.noticeNumber, now);
      await this.outbox.add(
        tx,
        Topics.PartSupplemented,
        {
          applicationId: application.id,
          partId: part.id,
          caseId: request.caseId,
          materialCodes: request.materials.map((m) => m.materialCode),
          receivedBy: { kind: 'person', id: clerk.id, name: clerk.name },
          receivedAt: now.toISOString(),
          // The corrected form goes back to the department that asked, with what changed in its share.
          ...(corrected && part.form ? { form: part.form, formChanges: partChanges(corrected.filing, corrected.changes, part.itemCode) } : {}),
        },
        requestCause(),
      );
      return application;
    });
  }

  async findById(id: string): Promise<Application> {
    return this.applications.getOrFail(id);
  }

  async notices(applicationId: string): Promise<ApplicationNotice[]> {
    return this.applications.notices(applicationId);
  }

  async list(filter: ApplicationFilter): Promise<Page<Application>> {
    return this.applications.list(filter);
  }

  /** Accepts (受理) and announces, or issues the one-time notice (一次性告知). */
  private async conclude(
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
      const notice = tx.create(ApplicationNotice, {
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
      });
      for (const part of parts) part.received = check.received.filter((m) => m.itemCode === part.itemCode);
      // A draft or an online submission (网上预审) found incomplete now waits for its supplement, like a filing at the window.
      application.status = 'awaiting-supplement';
      await (isNew ? this.applications.insert(tx, application) : this.applications.save(tx, application));
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
          lines: check.lines.map(({ itemCode, materialCode, materialName, problem }) => ({ itemCode, materialCode, materialName, problem })),
          issuedAt: at.toISOString(),
          issuedBy: { kind: 'person', id: clerk.id, name: clerk.name },
        },
        requestCause(),
      );
      await this.notifications.enqueue(tx, application, 'notice', { noticeNumber: notice.number, missingCount: check.lines.length }, notice.number);
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
    await (isNew ? this.applications.insert(tx, application) : this.applications.save(tx, application));
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
    const latest = parts.map((part) => part.promisedDeadline ?? '').sort().at(-1);
    await this.notifications.enqueue(tx, application, 'accepted', { promisedDeadline: latest ?? null });
  }

  private async resolveItems(tx: EntityManager, input: FileApplicationDto): Promise<{ items: ServiceItem[]; bundle: BundleRefV1 | null }> {
    if (input.bundleCode !== undefined) {
      const bundle = await tx.getRepository(ServiceBundle).findOne({ where: { code: input.bundleCode, current: true } });
      if (!bundle) {
        throw DomainError.validation([{ path: 'bundleCode', code: 'BUNDLE_NOT_FOUND', message: `一件事“${input.bundleCode}”不存在或已停用` }]);
      }
      const items = await this.currentItems(tx, bundle.itemCodes, 'bundleCode');
      return { items, bundle: { code: bundle.code, name: bundle.name, leadDepartmentCode: bundle.leadDepartmentCode } };
    }
    return { items: await this.currentItems(tx, input.itemCodes ?? [], 'itemCodes'), bundle: null };
  }

  private async currentItems(tx: EntityManager, codes: string[], field: string): Promise<ServiceItem[]> {
    const duplicates = codes.map((code, index) => ({ code, index })).filter(({ code, index }) => codes.indexOf(code) !== index);
    if (duplicates.length > 0) {
      throw DomainError.validation(duplicates.map(({ code, index }) => ({ path: `${field}[${index}]`, code: 'ITEM_DUPLICATE', message: `事项“${code}”重复` })));
    }
    const items = await tx.getRepository(ServiceItem).find({ where: { code: In(codes), current: true } });
    const unknown = codes.map((code, index) => ({ code, index })).filter(({ code }) => !items.some((item) => item.code === code));
    if (unknown.length > 0) {
      throw DomainError.validation(
        unknown.map(({ code, index }) => ({
          path: field === 'bundleCode' ? field : `${field}[${index}]`,
          code: 'ITEM_NOT_FOUND',
          message: `事项编码“${code}”不存在或已停用，请核对事项目录`,
        })),
      );
    }
    return codes.map((code) => items.find((item) => item.code === code) as ServiceItem);
  }

  /** The item versions the application was filed under: later catalogue edits do not apply to it. */
  private async itemsAsFiled(tx: EntityManager, application: Application): Promise<ServiceItem[]> {
    const rows = await tx.getRepository(ServiceItem).find({
      where: application.parts.map((part) => ({ code: part.itemCode, version: part.itemVersion })),
    });
    return application.parts.map((part) => {
      const item = rows.find((row) => row.code === part.itemCode && row.version === part.itemVersion);
      if (!item) throw new Error(`Item ${part.itemCode} version ${part.itemVersion} is missing from the catalogue`);
      return item;
    });
  }

  /** The form these items are filed with: one item's own, or the merged 一表申请 form of a bundle or of several items. */
  private filingForm(items: ServiceItem[], bundle: BundleRefV1 | null): FilingForm {
    return this.forms.forFiling(items, bundle ? `${bundle.name}一表申请` : undefined);
  }

  /**
   * 补正 of the form: corrected answers replace the filed ones, every part gets its new share, and
   * the change is recorded (what, who, when). Nothing happens when no form is sent.
   */
  private async correctForm(
    tx: EntityManager,
    application: Application,
    items: ServiceItem[],
    input: FormAnswersDto,
    clerk: AuthenticatedUser,
    at: Date,
    occasion: FormCorrectionOccasion,
  ): Promise<{ filing: FilingForm; changes: FormCorrection['changes'] } | undefined> {
    if (input.form === undefined && input.formSources === undefined) return undefined;
    const filing = this.filingForm(items, application.bundle);
    const previous = application.form ?? { data: {}, provenance: [], statistics: { automatic: 0, changed: 0, typed: 0 } };
    const result = correctFilingForm(filing, previous, { data: input.form ?? previous.data, sources: input.formSources }, application.situations);
    if (!result.ok) throw DomainError.validation(result.problems.map((problem) => fieldError(problem, 'FORM_INVALID')));
    application.form = result.filed;
    for (const part of application.parts) part.form = partForm(filing, result.filed, part.itemCode, application.situations);
    if (result.changes.length > 0) {
      await this.applications.insertFormCorrection(tx, {
        id: randomUUID(),
        applicationId: application.id,
        occasion,
        changes: result.changes,
        correctedBy: clerk.id,
        correctedByName: clerk.name,
        correctedAt: at,
      });
    }
    return { filing, changes: result.changes };
  }

  /** 申请表更正记录: every correction of the application's form, oldest first. */
  async formCorrections(applicationId: string): Promise<FormCorrection[]> {
    return this.applications.formCorrections(applicationId);
  }

  /** 失信: the applicant's standing from the window's event-fed copy; a bar on 容缺 and 告知承诺 when blacklisted. */
  private async creditBar(tx: EntityManager, identifier: string): Promise<{ creditBar?: string }> {
    const bar = await this.credit.toleranceBar(tx, identifier);
    return bar ? { creditBar: bar } : {};
  }

  private deadline(start: string, days: number): string {
    const result = this.calendar.addWorkingDays(start, days);
    if (!result.ok) throw new DomainError('CALENDAR_YEAR_MISSING', result.message, 409);
    return result.date;
  }
}

export const STATUS_TEXT: Record<ApplicationStatus, string> = {
  draft: '收件待审查',
  submitted: '网上申请待预审',
  'awaiting-supplement': '待补正',
  accepted: '已受理',
  decided: '已办结',
  issued: '已出件',
};


/**
 * 乡呼县应: a town (or village) window may take in an item only the county handles; the part is
 * handed up to the district department and both sides see the hand-off.
 */
function handOffFor(item: ServiceItem, level: string): ApplicationPart['handOff'] {
  if (item.levels.includes(level as ServiceItem['levels'][number])) return null;
  return { fromLevel: level, toLevel: 'district', reason: `事项“${item.name}”须由区县部门办理，${level === 'town' ? '乡镇' : '村'}窗口收件后转报` };
}

function isInPersonChannel(channel: string): boolean {
  return channel === 'window' || channel === 'village-agent';
}

function invalid(problems: Array<{ field: string; message: string; code?: string }>, code = 'MATERIALS_INVALID'): DomainError {
  return refusal(problems.map((problem) => fieldError(problem, code)));
}

function refusal(fields: FieldError[]): DomainError {
  // A refusal on credit grounds is a rule, not a typing error: 422 like the approval's credit gate.
  const status = fields.every((field) => field.code === 'CREDIT_NO_TOLERANCE') ? 422 : 400;
  return DomainError.validation(fields, status);
}

function fieldError(problem: FormProblem & { code?: string }, code: string) {
  return { path: problem.field, code: problem.code ?? code, message: problem.message };
}

/** Every material of a part as accepted: received, to follow by a date (容缺), pledged (告知承诺). */
function materialsOf(part: ApplicationPart): PartMaterialV1[] {
  return [
    ...part.received.map(({ materialCode, materialName }) => ({ materialCode, materialName, status: 'received' as const })),
    ...part.deficiencies.map(({ materialCode, materialName, dueDate }) => ({ materialCode, materialName, status: 'to-follow' as const, dueDate })),
    ...part.pledges.map(({ materialCode, materialName }) => ({ materialCode, materialName, status: 'pledged' as const })),
  ];
}

function toParty(input: FileApplicationDto): PartyV1 {
  return {
    kind: input.applicant.kind,
    name: input.applicant.name,
    identifier: input.applicant.identifier.toUpperCase(),
    ...(input.applicant.phone ? { phone: input.applicant.phone } : {}),
  };
}
