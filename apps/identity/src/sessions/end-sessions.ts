import { IsNull, MoreThan, Not, type EntityManager } from 'typeorm';
import { Session, type SessionEndReason } from './session.entity';

/**
 * Ends an account's live sessions (sign-out everywhere): when it is disabled, or its password is
 * reset or changed (then the session making the change stays). A token already handed out keeps
 * working at the other services until it expires; the console's `GET /sessions/current` stops at once.
 */
export async function endSessions(manager: EntityManager, accountId: string, reason: SessionEndReason, now: Date, keep?: string): Promise<number> {
  const result = await manager.getRepository(Session).update(
    { accountId, endedAt: IsNull(), expiresAt: MoreThan(now), ...(keep ? { id: Not(keep) } : {}) },
    { endedAt: now, endReason: reason },
  );
  return result.affected ?? 0;
}
