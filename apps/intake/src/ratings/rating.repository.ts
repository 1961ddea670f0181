import { Injectable } from '@nestjs/common';
import { departmentCondition, type DepartmentScope, type Page } from '@onewindow/platform';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import type { ApplicationFeedback } from '../progress/progress';
import { Rating, Rectification, type RectificationStatus } from './rating.entity';

/** 好差评 as intake stores it: an application's ratings and the rectifications (差评整改) they open. */
@Injectable()
export class RatingRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The rectification answered by its department and waiting for the applicant's follow-up rating. */
  async awaitingFollowUp(tx: EntityManager, applicationId: string): Promise<Rectification | null> {
    return tx.getRepository(Rectification).findOne({ where: { applicationId, status: 'answered' } });
  }

  async hasOpenRectification(tx: EntityManager, applicationId: string): Promise<boolean> {
    return tx.getRepository(Rectification).exists({ where: { applicationId, status: 'open' } });
  }

  /** Rated already (a first rating, not a follow-up). */
  async isRated(tx: EntityManager, applicationId: string): Promise<boolean> {
    return tx.getRepository(Rating).exists({ where: { applicationId, followUpOf: IsNull() } });
  }

  async insertRating(tx: EntityManager, rating: Omit<Rating, 'createdAt'>): Promise<Rating> {
    return tx.save(tx.create(Rating, rating));
  }

  async insertRectification(tx: EntityManager, rectification: Omit<Rectification, 'createdAt'>): Promise<Rectification> {
    const created = tx.create(Rectification, rectification);
    await tx.save(created);
    return created;
  }

  async saveRectification(tx: EntityManager, rectification: Rectification): Promise<void> {
    await tx.save(rectification);
  }

  /** A rectification of a department in the caller's scope, under a row lock; null when none. */
  async lockRectification(tx: EntityManager, id: string, scope: DepartmentScope): Promise<Rectification | null> {
    return tx.getRepository(Rectification).findOne({ where: { id, ...departmentCondition(scope) }, lock: { mode: 'pessimistic_write' } });
  }

  /** Every rating of the application, oldest first, and its latest rectification. */
  async ofApplication(applicationId: string): Promise<ApplicationFeedback> {
    const [ratings, rectification] = await Promise.all([
      this.dataSource.getRepository(Rating).find({ where: { applicationId }, order: { createdAt: 'ASC' } }),
      this.dataSource.getRepository(Rectification).findOne({ where: { applicationId }, order: { createdAt: 'DESC' } }),
    ]);
    return { ratings, rectification };
  }

  /** Rectifications of the departments in scope, by due date. */
  async listRectifications(
    scope: DepartmentScope,
    filter: { status?: RectificationStatus; page: number; pageSize: number },
  ): Promise<Page<Rectification>> {
    const [items, total] = await this.dataSource.getRepository(Rectification).findAndCount({
      where: { ...departmentCondition(scope), ...(filter.status ? { status: filter.status } : {}) },
      order: { dueDate: 'ASC', createdAt: 'ASC' },
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
    });
    return { items, total, page: filter.page, pageSize: filter.pageSize };
  }
}
