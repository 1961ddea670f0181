import { Injectable } from '@nestjs/common';
import { Topics, type PartyV1 } from '@onewindow/contracts';
import { localDateInShanghai, type WorkingDayCalendar } from '@onewindow/domain';
import { EventOutbox } from '@onewindow/messaging';
import { DomainError, requestCause, type AuthenticatedUser, type Page } from '@onewindow/platform';
import { DataSource, In, type EntityManager } from 'typeorm';
import { ServiceItem } from '../catalogue/service-item.entity';
import { WORKING_DAY_CALENDAR } from '../intake.tokens';
import { Inject } from '@nestjs/common';
import { buildAcceptedApplication, newApplicationId } from './acceptance';
import type { AcceptApplicationDto } from './accept-application.dto';
import { ApplicationNumberSequence } from './application-number.entity';
import { formatApplicationNumber } from './application-number';
import { ApplicationPart } from './application-part.entity';
import { Application, type ApplicationStatus } from './application.entity';

@Injectable()
export class ApplicationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    @Inject(WORKING_DAY_CALENDAR) private readonly calendar: WorkingDayCalendar,
  ) {}

  /** 受理: accepts the application and announces it, in one transaction. */
  async accept(input: AcceptApplicationDto, clerk: AuthenticatedUser): Promise<Application> {
    const acceptedAt = new Date();
    const acceptedOn = localDateInShanghai(acceptedAt);
    return this.dataSource.transaction(async (tx) => {
      const items = await this.currentItems(tx, input.itemCodes);
      const number = formatApplicationNumber(acceptedOn, await this.nextSequence(tx, acceptedOn));
      const event = buildAcceptedApplication(
        {
          applicationId: newApplicationId(),
          applicationNumber: number,
          acceptedAt,
          acceptedOn,
          channel: input.channel,
          level: input.level,
          applicant: toParty(input),
          clerk: { id: clerk.id, name: clerk.name },
          items,
        },
        (start, days) => this.deadline(start, days),
      );
      const application = tx.create(Application, {
        id: event.applicationId,
        number,
        status: 'accepted',
        outcome: null,
        channel: input.channel,
        level: input.level,
        applicant: event.applicant,
        acceptedBy: clerk.id,
        acceptedAt,
        decidedAt: null,
        parts: event.parts.map((part) =>
          tx.create(ApplicationPart, {
            id: part.partId,
            applicationId: event.applicationId,
            itemCode: part.itemCode,
            itemVersion: part.itemVersion,
            itemName: part.itemName,
            departmentCode: part.department.code,
            departmentName: part.department.name,
            promisedDeadline: part.promisedDeadline,
            status: 'pending',
            licenceNumber: null,
            decisionReason: null,
          }),
        ),
      });
      await tx.save(application);
      await this.outbox.add(tx, Topics.ApplicationAccepted, event, requestCause());
      return application;
    });
  }

  async findById(id: string): Promise<Application> {
    const application = await this.dataSource.getRepository(Application).findOne({
      where: { id },
      relations: { parts: true },
    });
    if (!application) throw new DomainError('APPLICATION_NOT_FOUND', '未找到该申请', 404);
    return application;
  }

  async list(filter: { status?: ApplicationStatus; page: number; pageSize: number }): Promise<Page<Application>> {
    const [items, total] = await this.dataSource.getRepository(Application).findAndCount({
      where: filter.status ? { status: filter.status } : {},
      relations: { parts: true },
      order: { acceptedAt: 'DESC' },
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
    });
    return { items, total, page: filter.page, pageSize: filter.pageSize };
  }

  private async currentItems(tx: EntityManager, codes: string[]): Promise<ServiceItem[]> {
    const items = await tx.getRepository(ServiceItem).find({ where: { code: In(codes), current: true } });
    const unknown = codes
      .map((code, index) => ({ code, index }))
      .filter(({ code }) => !items.some((item) => item.code === code));
    if (unknown.length > 0) {
      throw DomainError.validation(
        unknown.map(({ code, index }) => ({
          path: `itemCodes[${index}]`,
          code: 'ITEM_NOT_FOUND',
          message: `事项编码“${code}”不存在或已停用，请核对事项目录`,
        })),
      );
    }
    return codes.map((code) => items.find((item) => item.code === code) as ServiceItem);
  }

  private async nextSequence(tx: EntityManager, day: string): Promise<number> {
    const table = tx.connection.getMetadata(ApplicationNumberSequence).tablePath;
    const rows: Array<{ last_value: number }> = await tx.query(
      `INSERT INTO ${quote(table)} (day, last_value) VALUES ($1, 1)
       ON CONFLICT (day) DO UPDATE SET last_value = ${quote(table)}.last_value + 1
       RETURNING last_value`,
      [day],
    );
    return Number(rows[0]?.last_value);
  }

  private deadline(start: string, days: number): string {
    const result = this.calendar.addWorkingDays(start, days);
    if (!result.ok) {
      throw new DomainError('CALENDAR_YEAR_MISSING', result.message, 409);
    }
    return result.date;
  }
}

function toParty(input: AcceptApplicationDto): PartyV1 {
  return {
    kind: input.applicant.kind,
    name: input.applicant.name,
    identifier: input.applicant.identifier.toUpperCase(),
    ...(input.applicant.phone ? { phone: input.applicant.phone } : {}),
  };
}

function quote(tablePath: string): string {
  return tablePath
    .split('.')
    .map((part) => `"${part}"`)
    .join('.');
}
