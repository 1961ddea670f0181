import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Topics, type DepartmentRefV1 } from '@onewindow/contracts';
import { localDateInShanghai, type WorkingDayCalendar } from '@onewindow/domain';
import { EventOutbox } from '@onewindow/messaging';
import { Clock, DomainError, departmentScope, requestCause, type AuthenticatedUser, type Page } from '@onewindow/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { Application } from '../applications/application.entity';
import { ApplicationRepository } from '../applications/application.repository';
import { WORKING_DAY_CALENDAR } from '../intake.tokens';
import { IntakeEvents } from '../events/intake-events';
import { provesApplicant, type ApplicationFeedback } from '../progress/progress';
import type { Rating, Rectification, RectificationStatus } from './rating.entity';
import { RatingRepository } from './rating.repository';
import { INTAKE_ERRORS } from '../intake-errors';

/** A department has this many working days to answer an unfavourable rating. */
export const RECTIFICATION_WORKING_DAYS = 5;
const UNFAVOURABLE = 2;

export interface RatingInput {
  number: string;
  identifier?: string;
  phone?: string;
  phoneTail?: string;
  level: number;
  comment?: string;
  departmentCode?: string;
}

/** 好差评 and 差评整改: rate after issuance; an unfavourable rating is answered, then rated again. */
@Injectable()
export class RatingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationRepository,
    private readonly ratings: RatingRepository,
    private readonly outbox: EventOutbox,
    private readonly events: IntakeEvents,
    @Inject(WORKING_DAY_CALENDAR) private readonly calendar: WorkingDayCalendar,
    private readonly clock: Clock,
  ) {}

  async rate(input: RatingInput): Promise<{ rating: Rating; rectification: Rectification | null; closed: Rectification | null }> {
    return this.dataSource.transaction(async (tx) => {
      const application = await this.applications.getProvenByNumberOrFail(
        input.number,
        (candidate) => provesApplicant(candidate, input),
        tx,
      );
      if (application.status !== 'issued') throw INTAKE_ERRORS.NOT_ISSUED();
      const now = this.clock.now();
      const awaitingFollowUp = await this.ratings.awaitingFollowUp(tx, application.id);
      if (awaitingFollowUp) {
        const rating = await this.save(
          tx,
          application,
          input,
          { code: awaitingFollowUp.departmentCode, name: awaitingFollowUp.departmentName },
          awaitingFollowUp.id,
        );
        awaitingFollowUp.status = 'closed';
        awaitingFollowUp.closedAt = now;
        await this.ratings.saveRectification(tx, awaitingFollowUp);
        await this.announce(tx, application, rating, { closesRectificationId: awaitingFollowUp.id });
        return { rating, rectification: null, closed: awaitingFollowUp };
      }
      if (await this.ratings.hasOpenRectification(tx, application.id)) {
        throw INTAKE_ERRORS.RECTIFICATION_OPEN();
      }
      if (await this.ratings.isRated(tx, application.id)) {
        throw INTAKE_ERRORS.ALREADY_RATED();
      }
      const department = this.ratedDepartment(application, input.departmentCode);
      const rating = await this.save(tx, application, input, department, null);
      let rectification: Rectification | null = null;
      if (input.level <= UNFAVOURABLE) {
        const due = this.calendar.addWorkingDays(localDateInShanghai(now), RECTIFICATION_WORKING_DAYS);
        if (!due.ok) throw INTAKE_ERRORS.CALENDAR_YEAR_MISSING({ explanation: due.message });
        rectification = await this.ratings.insertRectification(tx, {
          id: randomUUID(),
          applicationId: application.id,
          applicationNumber: application.number,
          ratingId: rating.id,
          departmentCode: department.code,
          departmentName: department.name,
          level: input.level,
          complaint: input.comment ?? null,
          dueDate: due.date,
          status: 'open',
          answer: null,
          answeredBy: null,
          answeredAt: null,
          closedAt: null,
        });
      }
      await this.announce(tx, application, rating, rectification ? { rectificationId: rectification.id } : {});
      return { rating, rectification, closed: null };
    });
  }

  /** 好差评 of one application for its progress page: every rating, oldest first, and the latest rectification. */
  async ofApplication(applicationId: string): Promise<ApplicationFeedback> {
    return this.ratings.ofApplication(applicationId);
  }

  /** The department answers; the applicant is asked to rate again. */
  async answer(id: string, answer: string, user: AuthenticatedUser): Promise<Rectification> {
    return this.dataSource.transaction(async (tx) => {
      const scope = departmentScope(user);
      const rectification = await this.ratings.lockRectification(tx, id, scope);
      if (!rectification) throw INTAKE_ERRORS.RECTIFICATION_NOT_FOUND();
      if (rectification.status !== 'open') throw INTAKE_ERRORS.ALREADY_ANSWERED();
      const now = this.clock.now();
      rectification.status = 'answered';
      rectification.answer = answer;
      rectification.answeredBy = user.id;
      rectification.answeredAt = now;
      await this.ratings.saveRectification(tx, rectification);
      await this.outbox.add(
        tx,
        Topics.RectificationAnswered,
        {
          rectificationId: rectification.id,
          applicationId: rectification.applicationId,
          department: { code: rectification.departmentCode, name: rectification.departmentName },
          dueDate: rectification.dueDate,
          answeredAt: now.toISOString(),
          onTime: localDateInShanghai(now) <= rectification.dueDate,
        },
        requestCause(),
      );
      const application = await this.applications.find(rectification.applicationId, tx);
      if (application)
        await this.events.record(tx, { kind: 'rectification-answered', application, rectificationId: rectification.id, answer });
      return rectification;
    });
  }

  async list(
    user: AuthenticatedUser,
    filter: { status?: RectificationStatus; page: number; pageSize: number },
  ): Promise<Page<Rectification>> {
    return this.ratings.listRectifications(departmentScope(user), filter);
  }

  private ratedDepartment(application: Application, code?: string): DepartmentRefV1 {
    const departments = new Map(application.parts.map((part) => [part.departmentCode, part.departmentName]));
    if (code) {
      const name = departments.get(code);
      if (!name) throw DomainError.validation([{ path: 'departmentCode', code: 'NOT_INVOLVED', message: '该部门未办理本申请' }]);
      return { code, name };
    }
    const lead = application.bundle?.leadDepartmentCode;
    const chosen = lead && departments.has(lead) ? lead : [...departments.keys()].sort()[0];
    return { code: chosen as string, name: departments.get(chosen as string) as string };
  }

  private async save(
    tx: EntityManager,
    application: Application,
    input: RatingInput,
    department: DepartmentRefV1,
    followUpOf: string | null,
  ): Promise<Rating> {
    return this.ratings.insertRating(tx, {
      id: randomUUID(),
      applicationId: application.id,
      departmentCode: department.code,
      departmentName: department.name,
      level: input.level,
      comment: input.comment ?? null,
      followUpOf,
    });
  }

  private async announce(
    tx: EntityManager,
    application: Application,
    rating: Rating,
    links: { rectificationId?: string; closesRectificationId?: string },
  ): Promise<void> {
    await this.outbox.add(
      tx,
      Topics.RatingSubmitted,
      {
        ratingId: rating.id,
        applicationId: application.id,
        applicationNumber: application.number,
        level: rating.level,
        department: { code: rating.departmentCode, name: rating.departmentName },
        ...links,
        ratedAt: rating.createdAt.toISOString(),
      },
      requestCause(),
    );
  }
}
