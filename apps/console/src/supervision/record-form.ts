import type { PublishRecordDto, SupervisionRecord } from '@/api/supervision';

/** A supervision record as the supervisor types it (every field a string in the form). */
export interface RecordDraft {
  kind: PublishRecordDto['kind'];
  holderKind: PublishRecordDto['holder']['kind'];
  holderName: string;
  holderIdentifier: string;
  title: string;
  documentNumber: string;
  details: string;
  decidedOn: string;
  validUntil: string;
}

export function emptyRecordDraft(holder?: { kind: RecordDraft['holderKind']; name: string; identifier: string }): RecordDraft {
  return {
    kind: 'inspection',
    holderKind: holder?.kind ?? 'organisation',
    holderName: holder?.name ?? '',
    holderIdentifier: holder?.identifier ?? '',
    title: '',
    documentNumber: '',
    details: '',
    decidedOn: '',
    validUntil: '',
  };
}

/** 行政处罚 and 失信 are published under a decision document (决定书文号); the server refuses them without one. */
export function needsDocumentNumber(kind: RecordDraft['kind']): boolean {
  return kind === 'penalty' || kind === 'blacklist';
}

/** What the 有效期至 field means for each kind. */
export function validUntilLabel(kind: RecordDraft['kind']): string {
  return kind === 'penalty' ? '公示截止日期' : '有效期至';
}

/** The request: trimmed, identifiers upper-cased, empty optional fields left out (the server checks everything else). */
export function toPublishRecord(draft: RecordDraft): PublishRecordDto {
  const optional = (value: string) => value.trim() || undefined;
  const body: PublishRecordDto = {
    kind: draft.kind,
    holder: { kind: draft.holderKind, name: draft.holderName.trim(), identifier: draft.holderIdentifier.trim().toUpperCase() },
    title: draft.title.trim(),
    decidedOn: draft.decidedOn,
  };
  const documentNumber = optional(draft.documentNumber);
  const details = optional(draft.details);
  const validUntil = optional(draft.validUntil);
  if (documentNumber) body.documentNumber = documentNumber;
  if (details) body.details = details;
  if (validUntil) body.validUntil = validUntil;
  return body;
}

/** Records still in force first (newest decision first), withdrawn ones after. */
export function recordOrder(records: readonly SupervisionRecord[]): SupervisionRecord[] {
  return [...records].sort(
    (a, b) =>
      Number(a.withdrawn) - Number(b.withdrawn) || b.decidedOn.localeCompare(a.decidedOn) || b.publishedAt.localeCompare(a.publishedAt),
  );
}
