import type { FileApplicationDto } from '@/api/public';
import type { ServiceItem } from '@/api/intake';
import { materialRows, situationsOf, type Answers, type MaterialRow } from '@/window/intake/intake-draft';

/**
 * 网上申报 as the applicant fills it on a phone: one item, its 办理情形 answers, the applicant, the
 * form, and which materials of the list they attach. Plain functions the page and the tests share.
 */
export interface OnlineApplicant {
  kind: 'person' | 'organisation';
  name: string;
  identifier: string;
}

/** The materials the applicant must attach for the answers given so far. */
export function onlineMaterials(item: ServiceItem | null, answers: Answers): MaterialRow[] {
  return item ? materialRows([item], answers) : [];
}

/** Only items the catalogue lets in online (网上办理) can be filed here. */
export function fileableOnline(items: ServiceItem[]): ServiceItem[] {
  return items.filter((item) => item.channels.includes('online'));
}

/**
 * The submission: materials attached are recorded as provided (the window's pre-review decides
 * whether they will do); the contact phone is the signed-in one, set by the server.
 */
export function onlineFilingBody(input: {
  item: ServiceItem;
  answers: Answers;
  applicant: OnlineApplicant;
  rows: MaterialRow[];
  attached: string[];
  form: Record<string, unknown>;
}): FileApplicationDto {
  const attached = new Set(input.attached);
  return {
    itemCodes: [input.item.code],
    channel: 'online',
    level: 'district',
    applicant: {
      kind: input.applicant.kind,
      name: input.applicant.name.trim(),
      identifier: input.applicant.identifier.trim().toUpperCase(),
    },
    situations: situationsOf([input.item], input.answers),
    materials: input.rows
      .filter((row) => attached.has(row.key))
      .map((row) => ({ itemCode: row.itemCode, materialCode: row.material.code, finding: 'provided' as const })),
    form: input.form,
    visitedInPerson: false,
  };
}
