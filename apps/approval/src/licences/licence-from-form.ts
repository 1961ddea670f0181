import type { PartFormV1 } from '@onewindow/contracts';

/** 数据元 of the holder's business address, in order of preference: 经营场所, then 住所. */
const ADDRESS_ELEMENTS = ['DE-JYCS', 'DE-ZS'];
/** 数据元 of the business scope: 经营范围. */
const SCOPE_ELEMENT = 'DE-JYFW';

/**
 * What a licence takes from the application form, so nobody types it again: the holder's
 * business address and the business scope, found by their data elements in the part's form.
 */
export function licenceDetailsOf(form: PartFormV1 | null | undefined): { holderAddress?: string; scope?: string } {
  const fields = form?.fields ?? [];
  const textOf = (element: string) =>
    fields.find((field) => field.element === element && !field.path.includes('.') && field.text.trim() !== '')?.text;
  const holderAddress = ADDRESS_ELEMENTS.map(textOf).find((text) => text !== undefined);
  const scope = textOf(SCOPE_ELEMENT);
  return { ...(holderAddress ? { holderAddress } : {}), ...(scope ? { scope } : {}) };
}
