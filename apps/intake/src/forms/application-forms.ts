import { Injectable } from '@nestjs/common';
import { EMPTY_FORM, FormValidator, mergeForms, type CompiledForm, type FormDefinition, type MergedForm } from '@onewindow/forms';
import { Clock } from '@onewindow/platform';
import type { ServiceItem } from '../catalogue/service-item.entity';
import type { FilingForm } from './filing-form';

const MAX_MERGED = 500;

/**
 * The application forms of item versions, compiled once and kept: an item version never changes,
 * so `code@version` names one form for good. A filing of several items (a bundle, 一件事) uses
 * their merged form (一表申请), kept by the versions it merges.
 */
@Injectable()
export class ApplicationForms {
  private readonly validator: FormValidator;
  private readonly merged = new Map<string, MergedForm>();

  constructor(clock: Clock) {
    this.validator = new FormValidator({ today: () => clock.now() });
  }

  /** One item version's form, compiled. */
  itemForm(item: Pick<ServiceItem, 'code' | 'version' | 'form'>): CompiledForm {
    return this.validator.form(`${item.code}@${item.version}`, formOf(item), { itemCode: item.code });
  }

  /** The form a filing of these item versions fills in: the item's own for one, the merged 一表申请 form for several. */
  forFiling(items: ReadonlyArray<Pick<ServiceItem, 'code' | 'version' | 'name' | 'form'>>, title?: string): FilingForm {
    const key = `${items.map((item) => `${item.code}@${item.version}`).join('+')}|${title ?? ''}`;
    let merged = this.merged.get(key);
    if (!merged) {
      merged = mergeForms(
        items.map((item) => ({ itemCode: item.code, itemName: item.name, form: formOf(item) })),
        title ?? `${items.map((item) => item.name).join('、')}申请表`,
      );
      this.merged.set(key, merged);
      if (this.merged.size > MAX_MERGED) this.merged.delete(this.merged.keys().next().value as string);
    }
    const compiled = items.length === 1 ? this.itemForm(items[0] as ServiceItem) : this.validator.form(`merged:${key}`, merged.form);
    return { merged, compiled, items: items.map((item) => ({ itemCode: item.code, form: this.itemForm(item) })) };
  }
}

function formOf(item: Pick<ServiceItem, 'form'>): FormDefinition {
  return item.form ?? EMPTY_FORM;
}
