import Ajv2020, { type AnySchemaObject, type ErrorObject } from 'ajv/dist/2020';
import { formatPath, parsePath, pointerSegments } from './document-paths';

/** One problem of a document an administrator or integrator wrote: where (`items[3].materials[1].name`) and what, in Chinese. */
export interface DocumentProblem {
  path: string;
  message: string;
}

/**
 * The Chinese text a schema node gives for its own failures, beside the standard keywords:
 * `x-message` for any failure of the node, `x-messages` per keyword (`{ "pattern": "编码只能由…" }`).
 * `{actual}` in a `maxItems` message is replaced by the list's length.
 */
const MESSAGE_KEYWORDS = ['x-message', 'x-messages'] as const;

/** A document's structural rules, compiled once: checks a parsed document and lists every problem in the order it is written. */
export type DocumentShapeCheck = (document: unknown) => DocumentProblem[];

/**
 * Compiles a published JSON Schema (2020-12) of a document — the catalogue file, the adapters file —
 * into a check whose problems read as Chinese sentences by path. The schema is the one definition
 * of the document's shape: editors validate against the same file; what a schema cannot say (codes
 * unique, references that must resolve) stays with the document's own checks.
 */
export function compileDocumentShape(schema: AnySchemaObject): DocumentShapeCheck {
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true, messages: false });
  ajv.addVocabulary([...MESSAGE_KEYWORDS]);
  const validate = ajv.compile(schema);
  return (document) => {
    if (validate(document)) return [];
    return inDocumentOrder(describe(validate.errors ?? []), document);
  };
}

const APPLICATORS = ['if', 'then', 'else', 'allOf', 'anyOf', 'oneOf', 'not'];

function describe(errors: readonly ErrorObject[]): DocumentProblem[] {
  const byPath = new Map<string, string>();
  // An applicator with a message of its own (`x-messages: { oneOf: '需要 a、b 其中之一' }`) speaks for its subschemas.
  const speaking = errors.filter(
    (error) => APPLICATORS.includes(error.keyword) && ownMessages(error.parentSchema)[error.keyword] !== undefined,
  );
  const spokenFor = (error: ErrorObject) =>
    speaking.some(
      (applicator) =>
        error !== applicator &&
        error.schemaPath.startsWith(`${applicator.schemaPath}/`) &&
        (error.instancePath === applicator.instancePath || error.instancePath.startsWith(`${applicator.instancePath}/`)),
    );
  // One sentence per value, and for a value of the wrong type that it is of the wrong type: it fails its other rules too.
  const typeFirst = [...errors.filter((error) => error.keyword === 'type'), ...errors.filter((error) => error.keyword !== 'type')];
  for (const error of typeFirst) {
    if (spokenFor(error)) continue;
    // Otherwise the applicators' own errors repeat what their subschemas said.
    if (APPLICATORS.includes(error.keyword) && !speaking.includes(error)) continue;
    const segments = pointerSegments(error.instancePath);
    let node: AnySchemaObject = error.parentSchema ?? {};
    // A key required (or required by another key, `dependentRequired`) is reported where it is missing.
    if (error.keyword === 'required' || error.keyword === 'dependentRequired') {
      const missing = String((error.params as { missingProperty: string }).missingProperty);
      segments.push(missing);
      node = (node['properties'] as Record<string, AnySchemaObject> | undefined)?.[missing] ?? {};
    }
    // An unknown key is reported at the key itself, with the object's own message for it.
    if (error.keyword === 'additionalProperties')
      segments.push(String((error.params as { additionalProperty: string }).additionalProperty));
    const path = formatPath(segments);
    if (byPath.has(path)) continue;
    byPath.set(path, messageOf(error, node));
  }
  return [...byPath].map(([path, message]) => ({ path, message }));
}

function ownMessages(node: AnySchemaObject | undefined): Record<string, string> {
  return (node?.['x-messages'] as Record<string, string> | undefined) ?? {};
}

function messageOf(error: ErrorObject, node: AnySchemaObject): string {
  // An object's `x-message` says what the object must be; a key it does not know needs its own sentence.
  const whole = error.keyword === 'additionalProperties' ? undefined : (node['x-message'] as string | undefined);
  const own = ownMessages(node)[error.keyword] ?? whole;
  const params = error.params as Record<string, unknown>;
  if (own) return own.replace('{actual}', String(Array.isArray(error.data) ? error.data.length : ''));
  const limit = params['limit'];
  switch (error.keyword) {
    case 'required':
    case 'dependentRequired':
      return '必须填写';
    case 'type':
      return TYPE_MESSAGES[String(params['type'])] ?? `类型应为${String(params['type'])}`;
    case 'enum':
      return `只能是 ${(params['allowedValues'] as unknown[]).map(String).join('、')} 之一`;
    case 'const':
      return `只能是 ${String(params['allowedValue'])}`;
    case 'pattern':
      return '格式不正确';
    case 'minLength':
      return limit === 1 ? '必须填写' : `至少${String(limit)}个字`;
    case 'maxLength':
      return `不能超过${String(limit)}个字`;
    case 'minItems':
      return `至少${String(limit)}项`;
    case 'maxItems':
      return `最多${String(limit)}项，实际${Array.isArray(error.data) ? error.data.length : '更多'}项`;
    case 'minimum':
      return `不能小于${String(limit)}`;
    case 'maximum':
      return `不能大于${String(limit)}`;
    case 'exclusiveMinimum':
      return `必须大于${String(limit)}`;
    case 'exclusiveMaximum':
      return `必须小于${String(limit)}`;
    case 'uniqueItems':
      return '不能有重复项';
    case 'additionalProperties':
      return `“${String(params['additionalProperty'])}”不是可识别的字段`;
    default:
      return '不符合规定的格式';
  }
}

const TYPE_MESSAGES: Readonly<Record<string, string>> = {
  object: '必须是一个对象',
  array: '必须是一个列表',
  string: '必须是文字',
  integer: '必须是整数',
  number: '必须是数字',
  boolean: '必须是 true 或 false',
};

/**
 * Orders problems as the document is written — an object's keys in the order they appear, a list's
 * entries by position — so an administrator reads them top to bottom beside the file. Problems of
 * a document's own checks (codes unique, references) merge into the same order.
 */
export function inDocumentOrder(problems: readonly DocumentProblem[], document: unknown): DocumentProblem[] {
  const rank = (path: string): number[] => {
    const ranks: number[] = [];
    let value: unknown = document;
    for (const segment of parsePath(path)) {
      if (typeof segment === 'number') {
        ranks.push(segment);
        value = Array.isArray(value) ? value[segment] : undefined;
      } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        const keys = Object.keys(value);
        const at = keys.indexOf(segment);
        // A missing key is reported where it would have been written: after the keys that are there.
        ranks.push(at === -1 ? keys.length : at);
        value = (value as Record<string, unknown>)[segment];
      } else {
        ranks.push(Number.MAX_SAFE_INTEGER);
        value = undefined;
      }
    }
    return ranks;
  };
  const ranked = problems.map((problem, index) => ({ problem, index, ranks: rank(problem.path) }));
  ranked.sort((a, b) => {
    for (let i = 0; i < Math.min(a.ranks.length, b.ranks.length); i++) {
      const difference = (a.ranks[i] ?? 0) - (b.ranks[i] ?? 0);
      if (difference !== 0) return difference;
    }
    return a.ranks.length - b.ranks.length || a.index - b.index;
  });
  return ranked.map((entry) => entry.problem);
}
