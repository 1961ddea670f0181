import type { EntityManager } from 'typeorm';
import { ApplicationPart } from './application-part.entity';
import { Application } from './application.entity';

/**
 * The application under a row lock, with its parts: every change to an application after it is
 * filed (checks, supplements, decisions, issuance) starts here, so two of them never interleave.
 */
export async function lockApplication(tx: EntityManager, id: string): Promise<Application | null> {
  const application = await tx.getRepository(Application).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!application) return null;
  application.parts = await tx.getRepository(ApplicationPart).find({ where: { applicationId: id }, order: { itemCode: 'ASC' } });
  return application;
}
