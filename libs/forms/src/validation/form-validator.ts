import Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { FormDefinition, FormSchema, SituationAnswers } from '../definition/form-definition';
import { effectiveSchema, matchingRules, resolveForm } from '../definition/resolve-form';
import { addFormKeywords, KEYWORD_META_SCHEMAS } from './form-keywords';
import { describeProblems, type FormProblem } from './problem-messages';

export type FormValidation = { ok: true; data: Record<string, unknown> } | { ok: false; problems: FormProblem[] };

/** One form, compiled: validates data for given 办理情形 answers. */
export interface CompiledForm {
  /** The form with its data elements resolved: what a person fills in. */
  readonly definition: FormDefinition;
  /** The schema that applies for these answers (extra fields added, required ones marked). */
  schemaFor(answers: SituationAnswers): FormSchema;
  /**
   * Checks the data, blank values (`""`, `null`) first dropped as not filled in. Every problem
   * is listed, each with its field path and a Chinese message.
   */
  validate(data: unknown, answers: SituationAnswers): FormValidation;
}

export interface FormValidatorOptions {
  /** Forms kept compiled; the least recently used is dropped beyond this. */
  maxForms?: number;
  /** Today, for checks such as a birth date in an ID number not in the future. */
  today?: () => Date;
}

/**
 * Compiles forms with ajv (JSON Schema 2020-12) once and keeps them: a form is looked up by a key
 * that names one immutable definition (an item version, `DCF-ZJ-XK-012@3`), so a request never
 * compiles. Within a form, each combination of 办理情形 rules that applies is compiled on first use.
 */
export class FormValidator {
  private readonly ajv: Ajv2020;
  private readonly forms = new Map<string, { form: CompiledForm; schemas: FormSchema[] }>();
  private readonly maxForms: number;

  constructor(options: FormValidatorOptions = {}) {
    this.maxForms = options.maxForms ?? 2_000;
    this.ajv = new Ajv2020({
      allErrors: true,
      strict: true,
      strictTypes: false,
      strictTuples: false,
      strictRequired: false,
      messages: false,
      addUsedSchema: false,
    });
    addFormKeywords(this.ajv, options.today ?? (() => new Date()));
  }

  /** The compiled form for `key`, compiled now if it is not kept. `itemCode` answers the situation rules of an item's own form. */
  form(key: string, definition: FormDefinition, options: { itemCode?: string } = {}): CompiledForm {
    const kept = this.forms.get(key);
    if (kept) {
      this.forms.delete(key);
      this.forms.set(key, kept);
      return kept.form;
    }
    const entry = this.compile(definition, options.itemCode);
    this.forms.set(key, entry);
    if (this.forms.size > this.maxForms) {
      const [oldestKey, oldest] = this.forms.entries().next().value as [string, { schemas: FormSchema[] }];
      this.forms.delete(oldestKey);
      // ajv keeps every compiled schema; a form dropped here must not stay compiled there.
      oldest.schemas.forEach((schema) => this.ajv.removeSchema(schema));
    }
    return entry.form;
  }

  /**
   * Whether a schema is valid JSON Schema 2020-12 with well-formed extension keywords; every error
   * otherwise, each with its JSON Pointer inside the schema.
   */
  checkSchema(schema: unknown): { ok: true } | { ok: false; errors: Array<{ path: string; message: string }> } {
    const errors: Array<{ path: string; message: string }> = [];
    const describe = (at: string) => (error: ErrorObject) =>
      errors.push({ path: `${at}${error.instancePath}`, message: schemaErrorMessage(error) });
    if (!this.ajv.validateSchema(schema as object)) (this.ajv.errors ?? []).forEach(describe(''));
    // ajv checks a keyword's value against its meta-schema only when compiling, and stops at the first; this lists them all.
    const visit = (node: unknown, at: string) => {
      if (Array.isArray(node)) return node.forEach((child, index) => visit(child, `${at}/${index}`));
      if (node === null || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        const meta = KEYWORD_META_SCHEMAS[key];
        if (meta && !this.ajv.validate(meta, value)) (this.ajv.errors ?? []).forEach(describe(`${at}/${key}`));
        else if (!meta && typeof value === 'object') visit(value, `${at}/${key}`);
      }
    };
    visit(schema, '');
    return errors.length === 0 ? { ok: true } : { ok: false, errors };
  }

  /** Compiles a schema on its own (and forgets it), to tell whether a form's schema compiles at all. */
  tryCompile(schema: FormSchema): string | undefined {
    try {
      this.ajv.compile(schema);
      this.ajv.removeSchema(schema);
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  private compile(source: FormDefinition, itemCode: string | undefined): { form: CompiledForm; schemas: FormSchema[] } {
    const definition = resolveForm(source);
    const variants = new Map<string, { schema: FormSchema; validate: ValidateFunction }>();
    const schemas: FormSchema[] = [];
    const variant = (answers: SituationAnswers) => {
      const rules = matchingRules(definition, answers, itemCode);
      const key = rules.join(',');
      let found = variants.get(key);
      if (!found) {
        const schema = effectiveSchema(definition, rules);
        found = { schema, validate: this.ajv.compile(schema) };
        variants.set(key, found);
        schemas.push(schema);
      }
      return found;
    };
    const form: CompiledForm = {
      definition,
      schemaFor: (answers) => variant(answers).schema,
      validate: (data, answers) => {
        const { schema, validate } = variant(answers);
        const cleaned = withoutBlanks(data) ?? {};
        if (validate(cleaned)) return { ok: true, data: cleaned as Record<string, unknown> };
        return { ok: false, problems: describeProblems(validate.errors ?? [], schema) };
      },
    };
    return { form, schemas };
  }
}

/** What is wrong with a schema, for the administrator importing a catalogue. */
function schemaErrorMessage(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return `应为 ${String(params['type'])}`;
    case 'enum':
      return `只能是 ${(params['allowedValues'] as unknown[]).map(String).join('、')} 之一`;
    case 'required':
      return `缺少 ${String(params['missingProperty'])}`;
    case 'additionalProperties':
      return `不认识 ${String(params['additionalProperty'])}`;
    case 'minItems':
      return `至少需要${String(params['limit'])}项`;
    case 'minimum':
      return `不能小于${String(params['limit'])}`;
    case 'maximum':
      return `不能大于${String(params['limit'])}`;
    case 'minLength':
      return params['limit'] === 1 ? '不能为空' : `至少${String(params['limit'])}个字符`;
    case 'maxLength':
      return `不能超过${String(params['limit'])}个字符`;
    case 'pattern':
      return `格式不正确（应符合 ${String(params['pattern'])}）`;
    default:
      return `${error.keyword} ${JSON.stringify(params)}`;
  }
}

/** Blank answers (`""`, whitespace, `null`) are fields not filled in; empty groups go with them. */
export function withoutBlanks(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutBlanks);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .map(([key, child]) => [key, withoutBlanks(child)] as const)
      .filter(([, child]) => child !== undefined);
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  }
  if (value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
  return value;
}
