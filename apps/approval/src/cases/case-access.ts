import type { ActorV1 } from '@onewindow/contracts';
import type { AuthenticatedUser } from '@onewindow/platform';
import type { ApprovalCase } from './approval-case.entity';
import { APPROVAL_ERRORS } from '../approval-errors';

export function actorOf(user: AuthenticatedUser): ActorV1 {
  return { kind: 'person', id: user.id, name: user.name };
}

/** A decided case takes no more work. */
export function assertOpen(approvalCase: ApprovalCase): void {
  if (approvalCase.status !== 'open') {
    throw APPROVAL_ERRORS.CASE_ALREADY_DECIDED();
  }
}

/**
 * 退回补正: while the applicant owes the materials a department asked for, the case takes no step
 * and no decision; it goes on when they are supplied at the window or the request is withdrawn.
 */
export function assertNotAwaitingSupplement(approvalCase: ApprovalCase): void {
  if (approvalCase.suspendedFor === 'supplement') {
    throw APPROVAL_ERRORS.AWAITING_SUPPLEMENT();
  }
}
