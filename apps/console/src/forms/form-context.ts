import type { FieldSchema, PrefillSource } from '@onewindow/forms';
import { parsePath, setValueAt } from '@onewindow/forms';
import type { InjectionKey } from 'vue';
import type { FieldProblems } from '@/shared/field-problems';
import { valueOf, type FormData } from './form-model';

/** What every field of a rendered form shares: the data, the server's problems, sources, look-ups. */
export interface FormContext {
  data: FormData;
  problems: FieldProblems;
  /** Where an answer came from (数据来源), or nothing when it was typed. */
  badge(path: string): { source: string; fetchedAt: string; changed: boolean } | null;
  /** Key fields others are filled by (credit code, ID number, project code), by path. */
  lookupKeys: Map<string, PrefillSource>;
  lookup(path: string, source: PrefillSource): void;
  lookupBusy: string | null;
  /** Layout hints per path: a placeholder, a multi-line box. */
  controls: Record<string, { placeholder?: string; multiline?: boolean }>;
  readonly: boolean;
}

export const FORM_CONTEXT: InjectionKey<FormContext> = Symbol('form-context');

export function readValue(context: FormContext, path: string): unknown {
  return valueOf(context.data, path);
}

export function writeValue(context: FormContext, path: string, value: unknown): void {
  setValueAt(context.data, parsePath(path), value);
}

/** A DOM id for the control of a path (`builder.name` → `form-builder-name`). */
export function controlId(path: string): string {
  return `form-${path.replace(/[^\w]+/g, '-')}`;
}

/** The server's message for a field (`form.<path>`). */
export function problemAt(context: FormContext, path: string): string {
  return context.problems.at(`form.${path}`);
}

export type { FieldSchema };
