import { Injectable } from '@nestjs/common';
import { quotedTable } from '@onewindow/persistence';
import { readPage, type Page, type PageRequest } from '@onewindow/platform';
import { DataSource, IsNull, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { FormCorrection } from '../forms/form-correction.entity';
import { ApplicationNotice } from './application-notice.entity';
import { ApplicationPart } from './application-part.entity';
import { Application, type ApplicationStatus } from './application.entity';
import { INTAKE_ERRORS } from '../intake-errors';

export interface ApplicationFilter {
  status?: ApplicationStatus;
  channel?: string;
  bundleCode?: string;
  number?: string;
  level?: string;
  /** 乡呼县应: only applications with a part handed up from a town or village window. */
  handedUp?: boolean;
  /** 退回补正: only applications with a part whose department asked for materials that have not arrived. */
  supplementRequested?: boolean;
  /** Only applications received on this day in China (YYYY-MM-DD). */
  receivedOn?: string;
  page: number;
  pageSize: number;
}

/**
 * The Application aggregate as intake stores it: the application, its parts (one per department),
 * its one-time notices and the corrections of its form. Every read and write of them goes through
 * here; a use case that spans a transaction passes the transaction's EntityManager.
 */
@Injectable()
export class ApplicationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The application under a row lock, with its parts: every change to an application after it is
   * filed (checks, supplements, decisions, issuance) starts here, so two of them never interleave.
   * Null when there is none (an event handler decides what that means).
   */
  async lock(tx: EntityManager, id: string): Promise<Application | null> {
    const application = await tx.getRepository(Application).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!application) return null;
    application.parts = await tx.getRepository(ApplicationPart).find({ where: { applicationId: id }, order: { itemCode: 'ASC' } });
    return application;
  }

  /** The application under a row lock, with its parts, or the window's 404. */
  async lockOrFail(tx: EntityManager, id: string): Promise<Application> {
    return (await this.lock(tx, id)) ?? notFound();
  }

  /** The application with its parts, or null. */
  async find(id: string, tx: EntityManager = this.dataSource.manager): Promise<Application | null> {
    return tx.getRepository(Application).findOne({ where: { id }, relations: { parts: true } });
  }

  /** The application with its parts, or the window's 404: the one place an unknown application id is refused. */
  async getOrFail(id: string, tx: EntityManager = this.dataSource.manager): Promise<Application> {
    return (await this.find(id, tx)) ?? notFound();
  }

  async findByNumber(number: string): Promise<Application | null> {
    return this.dataSource.getRepository(Application).findOne({ where: { number }, relations: { parts: true } });
  }

  /**
   * The application an applicant asks about by its number and a proof (ID, phone): the same 404
   * for an unknown number and a wrong proof, so numbers cannot be probed. With `tx`, the
   * application row is locked (a rating changes it).
   */
  async getProvenByNumberOrFail(number: string, proves: (application: Application) => boolean, tx?: EntityManager): Promise<Application> {
    const application = tx ? await this.lockByNumber(tx, number) : await this.findByNumber(number);
    if (!application || !proves(application)) {
      throw INTAKE_ERRORS.APPLICATION_NOT_FOUND({ lookup: 'by-number-and-proof' });
    }
    return application;
  }

  private async lockByNumber(tx: EntityManager, number: string): Promise<Application | null> {
    const application = await tx.getRepository(Application).findOne({ where: { number }, lock: { mode: 'pessimistic_write' } });
    if (application) application.parts = await tx.getRepository(ApplicationPart).find({ where: { applicationId: application.id } });
    return application;
  }

  /** Applications for the window's lists, newest first, each with its parts. */
  async list(filter: ApplicationFilter): Promise<Page<Application>> {
    const query = this.withParts();
    if (filter.status) query.andWhere('application.status = :status', { status: filter.status });
    if (filter.channel) query.andWhere('application.channel = :channel', { channel: filter.channel });
    if (filter.number) query.andWhere('application.number = :number', { number: filter.number });
    if (filter.bundleCode) query.andWhere(`application.bundle ->> 'code' = :bundle`, { bundle: filter.bundleCode });
    if (filter.level) query.andWhere('application.level = :level', { level: filter.level });
    if (filter.handedUp) {
      query.andWhere(
        `EXISTS (SELECT 1 FROM ${quotedTable(this.dataSource, ApplicationPart)} handed WHERE handed.application_id = application.id AND handed.hand_off IS NOT NULL)`,
      );
    }
    if (filter.supplementRequested) {
      query.andWhere(
        `EXISTS (SELECT 1 FROM ${quotedTable(this.dataSource, ApplicationPart)} asked WHERE asked.application_id = application.id AND asked.supplement_request IS NOT NULL)`,
      );
    }
    if (filter.receivedOn) {
      query.andWhere(`(application.receivedAt AT TIME ZONE 'Asia/Shanghai')::date = :receivedOn`, { receivedOn: filter.receivedOn });
    }
    return readPage(query, filter);
  }

  /** Online applications received in the applicant's sessions, newest first. */
  async listSubmittedOnlineBy(subject: string, request: PageRequest): Promise<Page<Application>> {
    const [items, total] = await this.dataSource.getRepository(Application).findAndCount({
      where: { receivedBy: subject, receivedVia: 'online' },
      relations: { parts: true },
      order: { receivedAt: 'DESC' },
      skip: (request.page - 1) * request.pageSize,
      take: request.pageSize,
    });
    return { items, total, page: request.page, pageSize: request.pageSize };
  }

  /**
   * What an applicant submitted, and (with the phone they proved) every application whose contact
   * or applicant phone is that phone: those filed at a window too. Drafts are the window's own. Newest first.
   */
  async listForApplicant(subject: string, phone: string | null, request: PageRequest): Promise<Page<Application>> {
    const query = this.withParts()
      .where(
        phone
          ? `(application.receivedBy = :subject OR application.contactPhone = :phone OR application.applicant ->> 'phone' = :phone)`
          : 'application.receivedBy = :subject',
        { subject, phone },
      )
      .andWhere(`application.status <> 'draft'`);
    return readPage(query, request);
  }

  /**
   * Writes a new application with its parts in two statements; `save` would first read back what
   * cannot exist yet (half the queries of a filing at the window).
   */
  async insert(tx: EntityManager, application: Application): Promise<void> {
    await tx.insert(Application, application);
    await tx.insert(ApplicationPart, application.parts);
  }

  /** Writes the application and all its parts as they are now. */
  async save(tx: EntityManager, application: Application): Promise<void> {
    await tx.save(application);
    await tx.save(application.parts);
  }

  /** Writes the application row (payment, issuance, status), and its parts when they are new (inserts cascade). */
  async saveApplication(tx: EntityManager, application: Application): Promise<void> {
    await tx.save(application);
  }

  async update(tx: EntityManager, id: string, changes: Partial<Pick<Application, 'status' | 'outcome' | 'decidedAt'>>): Promise<void> {
    await tx.update(Application, { id }, changes);
  }

  /** Writes one part as it is now. */
  async savePart(tx: EntityManager, part: ApplicationPart): Promise<void> {
    await tx.save(part);
  }

  async updatePart(
    tx: EntityManager,
    part: Pick<ApplicationPart, 'id' | 'applicationId'>,
    changes: Partial<ApplicationPart>,
  ): Promise<void> {
    await tx.update(ApplicationPart, { id: part.id, applicationId: part.applicationId }, changes);
  }

  /** The application's one-time notices, oldest first. */
  async notices(applicationId: string): Promise<ApplicationNotice[]> {
    return this.dataSource.getRepository(ApplicationNotice).find({ where: { applicationId }, order: { issuedAt: 'ASC' } });
  }

  /** How many notices the application has had: the next one's number ends in this plus one. */
  async countNotices(tx: EntityManager, applicationId: string): Promise<number> {
    return tx.count(ApplicationNotice, { where: { applicationId } });
  }

  async insertNotice(tx: EntityManager, notice: ApplicationNotice): Promise<void> {
    await tx.insert(ApplicationNotice, notice);
  }

  /** 补正 at the window answers every notice still open. */
  async resolveOpenNotices(tx: EntityManager, applicationId: string, at: Date): Promise<void> {
    await tx.update(ApplicationNotice, { applicationId, resolvedAt: IsNull(), withdrawnAt: IsNull() }, { resolvedAt: at });
  }

  async resolveNotice(tx: EntityManager, number: string, at: Date): Promise<void> {
    await tx.update(ApplicationNotice, { number }, { resolvedAt: at });
  }

  async withdrawNotice(tx: EntityManager, number: string, at: Date, reason: string): Promise<void> {
    await tx.update(ApplicationNotice, { number }, { withdrawnAt: at, withdrawalReason: reason });
  }

  /** 申请表更正记录: every correction of the application's form, oldest first. */
  async formCorrections(applicationId: string): Promise<FormCorrection[]> {
    return this.dataSource.getRepository(FormCorrection).find({ where: { applicationId }, order: { correctedAt: 'ASC' } });
  }

  async insertFormCorrection(tx: EntityManager, correction: FormCorrection): Promise<void> {
    await tx.insert(FormCorrection, correction);
  }

  private withParts(): SelectQueryBuilder<Application> {
    return this.dataSource
      .getRepository(Application)
      .createQueryBuilder('application')
      .leftJoinAndSelect('application.parts', 'part')
      .orderBy('application.receivedAt', 'DESC')
      .addOrderBy('part.itemCode', 'ASC');
  }
}

/** One page of a query, in the platform's page shape. */

function notFound(): never {
  throw INTAKE_ERRORS.APPLICATION_NOT_FOUND({ lookup: 'by-id' });
}
