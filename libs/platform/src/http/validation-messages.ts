import { getMetadataStorage, type ValidationError } from 'class-validator';
import type { FieldError } from './domain-error';
import { fieldLabel } from './field-labels';

type Template = (label: string, args: unknown[]) => string;

const quoted = (label: string) => `“${label}”`;

/**
 * class-validator's constraints in Chinese, each naming the field by its label. A DTO's own
 * Chinese message wins; these replace the English defaults ("must be shorter than…").
 */
const TEMPLATES: Record<string, Template> = {
  isDefined: (label) => `请填写${quoted(label)}`,
  isNotEmpty: (label) => `请填写${quoted(label)}`,
  isString: (label) => `${quoted(label)}必须是文字`,
  isInt: (label) => `${quoted(label)}必须是整数`,
  isNumber: (label) => `${quoted(label)}必须是数字`,
  isBoolean: (label) => `${quoted(label)}只能是 true 或 false`,
  isArray: (label) => `${quoted(label)}必须是列表`,
  isObject: (label) => `${quoted(label)}必须是对象`,
  nestedValidation: (label) => `${quoted(label)}必须是对象`,
  isIn: (label, [values]) => `${quoted(label)}只能是 ${Array.isArray(values) ? values.join('、') : ''} 之一`,
  isEnum: (label) => `${quoted(label)}不是可选的值`,
  minLength: (label, [min]) => `${quoted(label)}至少${String(min)}个字符`,
  maxLength: (label, [max]) => `${quoted(label)}不能超过${String(max)}个字符`,
  isLength: (label, [min, max]) => `${quoted(label)}长度应为${String(min)}到${String(max)}个字符`,
  min: (label, [min]) => `${quoted(label)}不能小于${String(min)}`,
  max: (label, [max]) => `${quoted(label)}不能大于${String(max)}`,
  isPositive: (label) => `${quoted(label)}必须大于0`,
  arrayMinSize: (label, [min]) => `${quoted(label)}至少${String(min)}项`,
  arrayMaxSize: (label, [max]) => `${quoted(label)}最多${String(max)}项`,
  arrayNotEmpty: (label) => `${quoted(label)}至少1项`,
  arrayUnique: (label) => `${quoted(label)}不能有重复项`,
  matches: (label) => `${quoted(label)}格式不正确`,
  isUuid: (label) => `${quoted(label)}格式不正确（应为UUID）`,
  isDateString: (label) => `${quoted(label)}不是有效的日期`,
  isIso8601: (label) => `${quoted(label)}不是有效的日期`,
};

/** Constraints on the kind of value; when one fails, the field's other constraints have nothing to add. By priority. */
const KIND_CONSTRAINTS = ['isArray', 'isObject', 'isString', 'isInt', 'isNumber', 'isBoolean', 'nestedValidation'];

/** The code of a constraint in the error body: `maxLength` → `MAX_LENGTH`. */
export function constraintCode(constraint: string): string {
  return constraint.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
}

const CHINESE = /[\u3400-\u9fff]/;

/**
 * Flattens class-validator's tree into the platform's field errors: a path per field
 * (`applicant.identifier`, `materials[0].dueDate`), one Chinese message that names the field,
 * and one error where one is enough — a field that is missing is "to be filled in", a field of
 * the wrong kind is "must be text", not both and not everything else besides.
 */
export function toFieldErrors(errors: ValidationError[], prefix = '', parentLabel?: string): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const index = /^\d+$/.test(error.property) ? Number(error.property) : undefined;
    const path = index !== undefined ? `${prefix}[${error.property}]` : prefix ? `${prefix}.${error.property}` : error.property;
    const label = index !== undefined ? `${parentLabel ?? '列表'}第${index + 1}项` : fieldLabel(error.target, error.property);
    out.push(...fieldErrorsOf(error, path, label));
    if (error.children?.length) out.push(...toFieldErrors(error.children, path, label));
  }
  return out;
}

function fieldErrorsOf(error: ValidationError, path: string, label: string): FieldError[] {
  const constraints = Object.entries(error.constraints ?? {});
  if (constraints.length === 0) return [];
  const unexpected = constraints.find(([constraint]) => constraint === 'whitelistValidation');
  if (unexpected) return [{ path, code: 'WHITELIST_VALIDATION', message: `不允许提交字段“${error.property}”` }];
  if (error.value === undefined || error.value === null) {
    const own = constraints.find(
      ([constraint, message]) => (constraint === 'isDefined' || constraint === 'isNotEmpty') && CHINESE.test(message),
    );
    return [{ path, code: 'REQUIRED', message: own?.[1] ?? TEMPLATES['isDefined']!(label, []) }];
  }
  const kind = KIND_CONSTRAINTS.map((name) => constraints.find(([constraint]) => constraint === name)).find(Boolean);
  return (kind ? [kind] : constraints).map(([constraint, message]) => ({
    path,
    code: constraintCode(constraint),
    message: CHINESE.test(message)
      ? message
      : chineseMessage(constraint, label, constraintArguments(error.target, error.property, constraint)),
  }));
}

/** The Chinese message of a constraint for a field, with the constraint's arguments (lengths, allowed values). */
export function chineseMessage(constraint: string, label: string, args: unknown[] = []): string {
  return (TEMPLATES[constraint] ?? ((name: string) => `${quoted(name)}填写有误`))(label, args);
}

interface ValidationMetadataLike {
  type: string;
  propertyName: string;
  constraints?: unknown[];
  constraintCls: object;
}

/** The arguments a DTO gave a constraint (`@MaxLength(40)` → `[40]`), read from class-validator's metadata. */
function constraintArguments(target: object | undefined, property: string, constraint: string): unknown[] {
  if (!target || typeof target !== 'object' || Array.isArray(target)) return [];
  const storage = getMetadataStorage();
  const metadatas = storage.getTargetValidationMetadatas(target.constructor, '', true, false) as unknown as ValidationMetadataLike[];
  for (const metadata of metadatas) {
    if (metadata.propertyName !== property) continue;
    const names =
      metadata.type === 'customValidation'
        ? storage.getTargetValidatorConstraints(metadata.constraintCls as never).map((c) => c.name)
        : [metadata.type];
    if (names.includes(constraint)) return metadata.constraints ?? [];
  }
  return [];
}
