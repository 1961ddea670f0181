import type { ApprovalCase, ClockEntry } from '@/api/approval';

/**
 * Which actions the case page offers, from the case's state (the server enforces the rules; the
 * page shows only what can apply): steps before 批准 are completed with an opinion, 批准 decides.
 */
export interface AvailableActions {
  completeStep: boolean;
  decide: boolean;
  suspend: boolean;
  resume: ClockEntry | null;
  requestExtension: boolean;
  reviewExtension: ClockEntry | null;
  reassign: boolean;
  greenChannel: boolean;
}

export function availableActions(approvalCase: ApprovalCase, entries: ClockEntry[], userId: string | undefined): AvailableActions {
  const open = approvalCase.status === 'open';
  const running = entries.find((entry) => entry.kind === 'suspension' && entry.endOn === null) ?? null;
  const pending = entries.find((entry) => entry.kind === 'extension' && entry.status === 'requested') ?? null;
  return {
    completeStep: open && !running && (approvalCase.currentStep === 'examine' || approvalCase.currentStep === 'verify'),
    decide: open && !running && approvalCase.currentStep === 'approve',
    suspend: open && !running,
    // 补正 ends at the window when the applicant brings the materials, not here.
    resume: open && running && running.procedure !== 'supplement' ? running : null,
    requestExtension: open && !pending,
    // An extension counts once someone other than its requester approves it.
    reviewExtension: open && pending && pending.recordedBy.id !== userId ? pending : null,
    reassign: open,
    greenChannel: open && !approvalCase.greenChannel,
  };
}
