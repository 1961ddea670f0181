import type { ApplicationOutcome } from '@onewindow/contracts';

/** A part as far as concluding its application is concerned. */
export interface DecidedPart {
  status: 'pending' | 'approved' | 'refused';
}

/**
 * 办结: an application is concluded when every department has decided its part. Intake owns the
 * application, so it draws this conclusion itself, under the application's lock, from the part
 * decisions it records — null while a part is still pending.
 */
export function applicationConclusion(parts: readonly DecidedPart[]): ApplicationOutcome | null {
  if (parts.length === 0 || parts.some((part) => part.status === 'pending')) return null;
  const approved = parts.filter((part) => part.status === 'approved').length;
  if (approved === parts.length) return 'approved';
  if (approved === 0) return 'refused';
  return 'partially-approved';
}
