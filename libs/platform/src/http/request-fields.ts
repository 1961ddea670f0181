import { getMetadataStorage } from 'class-validator';
import type { FieldError } from './domain-error';
import { fieldLabel, isNullableField } from './field-labels';

const KEEP_WHITESPACE = Symbol('onewindow:keep-whitespace');

/**
 * Marks a text field whose surrounding white space belongs to its value (a file's content); every
 * other text of a request is trimmed before it is checked.
 */
export function KeepWhitespace(): PropertyDecorator {
  return (target: object, property: string | symbol) => {
    const kept = new Set<string>(Reflect.getMetadata(KEEP_WHITESPACE, target) ?? []);
    kept.add(String(property));
    Reflect.defineMetadata(KEEP_WHITESPACE, kept, target);
  };
}

/** PostgreSQL stores no NUL in text, and no person types one: a NUL anywhere in a request is refused. */
const NUL = '\u0000';

export function nulCharacterProblem(path: string, label?: string): FieldError {
  return {
    path,
    code: 'NUL_CHARACTER',
    message: `${label ? `“${label}”` : '请求'}含有不允许的空字符（\\u0000），请删除后重新提交`,
  };
}

/**
 * The paths of every text in a plain value (a path or query parameter, a body without a DTO) that
 * holds a NUL, keys included. Walks without recursion.
 */
export function nulCharacterPaths(value: unknown, root = ''): string[] {
  const found: string[] = [];
  const pending: Array<{ value: unknown; path: string }> = [{ value, path: root }];
  while (pending.length > 0) {
    const { value: current, path } = pending.pop() as { value: unknown; path: string };
    if (typeof current === 'string') {
      if (current.includes(NUL)) found.push(path);
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => pending.push({ value: item, path: `${path}[${index}]` }));
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        const child = join(path, key);
        if (key.includes(NUL)) found.push(child);
        else pending.push({ value: item, path: child });
      }
    }
  }
  return found.sort();
}

interface PropertyRules {
  optional: boolean;
  conditional: boolean;
  nested: boolean;
}

const rulesByDto = new WeakMap<object, Map<string, PropertyRules>>();

/** What class-validator's decorators say about each property of a DTO class. */
function propertyRules(dto: new () => unknown): Map<string, PropertyRules> {
  const known = rulesByDto.get(dto);
  if (known) return known;
  const rules = new Map<string, PropertyRules>();
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false) as unknown as Array<{
    type: string;
    name?: string;
    propertyName: string;
  }>;
  for (const metadata of metadatas) {
    const rule = rules.get(metadata.propertyName) ?? { optional: false, conditional: false, nested: false };
    if (metadata.type === 'conditionalValidation') {
      if (metadata.name === 'isOptional') rule.optional = true;
      else rule.conditional = true;
    }
    if (metadata.type === 'nestedValidation') rule.nested = true;
    rules.set(metadata.propertyName, rule);
  }
  rulesByDto.set(dto, rules);
  return rules;
}

function isDto(value: object): value is object & { constructor: new () => unknown } {
  return value.constructor !== Object && typeof value.constructor === 'function';
}

/**
 * Readies a transformed request DTO for validation, the same way for every route:
 * - text is trimmed (unless `@KeepWhitespace()`): "   " is as empty as "", so a blank required
 *   text (a name, a reason) is refused as missing, and a blank optional or conditional one is not
 *   given (its condition then decides whether it was required);
 * - `null` for an optional field means "not given" (unless the DTO declares it `nullable`), so a
 *   service never meets a null its DTO does not allow;
 * - a required nested object that is missing is refused (class-validator passes it silently);
 * - a NUL in any text or key is refused.
 * Returns the problems found; class-validator then checks the rest. Walks without recursion.
 */
export function prepareRequestFields(root: object): FieldError[] {
  const problems: FieldError[] = [];
  const pending: Array<{ value: unknown; path: string }> = [{ value: root, path: '' }];
  while (pending.length > 0) {
    const { value, path } = pending.pop() as { value: unknown; path: string };
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        if (typeof item !== 'string') pending.push({ value: item, path: `${path}[${index}]` });
        else if (item.includes(NUL)) problems.push(nulCharacterProblem(`${path}[${index}]`));
        else value[index] = item.trim();
      });
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    const dto = isDto(value);
    const rules = dto ? propertyRules(value.constructor) : new Map<string, PropertyRules>();
    const kept: Set<string> = dto ? (Reflect.getMetadata(KEEP_WHITESPACE, Object.getPrototypeOf(value)) ?? new Set()) : new Set();
    const record = value as Record<string, unknown>;
    for (const [property, rule] of rules) {
      if (rule.nested && !rule.optional && !rule.conditional && record[property] === undefined) {
        problems.push(required(value, join(path, property), property));
      }
    }
    for (const [property, item] of Object.entries(record)) {
      const rule = rules.get(property);
      if (property.includes(NUL)) {
        problems.push(nulCharacterProblem(join(path, property)));
      } else if (typeof item === 'string' && item.includes(NUL)) {
        problems.push(nulCharacterProblem(join(path, property), dto ? fieldLabel(value, property) : undefined));
      } else if (typeof item === 'string') {
        const text = kept.has(property) ? item : item.trim();
        if (text === '' && (rule?.optional || rule?.conditional)) delete record[property];
        else if (text.trim() === '' && dto && rule && !rule.conditional) problems.push(required(value, join(path, property), property));
        else record[property] = text;
      } else if (item === null && rule?.optional && !isNullableField(value, property)) {
        delete record[property];
      } else {
        pending.push({ value: item, path: join(path, property) });
      }
    }
  }
  return problems;
}

function required(dto: object, path: string, property: string): FieldError {
  return { path, code: 'REQUIRED', message: `请填写“${fieldLabel(dto, property)}”` };
}

function join(path: string, property: string): string {
  return path ? `${path}.${property}` : property;
}
