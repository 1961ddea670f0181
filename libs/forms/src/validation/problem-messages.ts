import type { ErrorObject } from 'ajv';
import type { CodeListEntry, FieldSchema } from '../definition/form-definition';
import { formatPath, keywordOf, labelAt, pointerSegments, schemaAt, type PathSegment } from '../definition/paths';

/** One problem of the form data: where (`builder.creditCode`, `shareholders[1].name`) and what, in Chinese. */
export interface FormProblem {
  path: string;
  message: string;
}

/**
 * ajv's errors as a clerk reads them: the field's label (with its group or row), what is wrong,
 * and the unit where a number is concerned (`建筑面积：应为大于0的数字，单位平方米`).
 */
export function describeProblems(errors: readonly ErrorObject[], schema: FieldSchema): FormProblem[] {
  const seen = new Set<string>();
  const problems: FormProblem[] = [];
  // A value of the wrong type fails its other checks too; saying the type is enough.
  const wrongType = new Set(errors.filter((error) => error.keyword === 'type').map((error) => error.instancePath));
  for (const error of errors) {
    if (error.keyword !== 'type' && wrongType.has(error.instancePath)) continue;
    const problem = describe(error, schema);
    if (!problem) continue;
    const key = `${problem.path}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

function describe(error: ErrorObject, root: FieldSchema): FormProblem | undefined {
  const segments: PathSegment[] = pointerSegments(error.instancePath);
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') segments.push(params['missingProperty'] as string);
  if (error.keyword === 'additionalProperties') {
    const name = params['additionalProperty'] as string;
    return { path: formatPath([...segments, name]), message: `“${name}”不是本申请表的栏目，或在所选办理情形下无需填写` };
  }
  // Errors of the `if`/`allOf` applicators repeat what their subschemas said.
  if (['if', 'allOf', 'anyOf', 'oneOf', 'not'].includes(error.keyword)) return undefined;
  const field = schemaAt(root, segments) ?? {};
  const label = labelAt(root, segments);
  return { path: formatPath(segments), message: `${label}：${what(error, field, params, root, segments)}` };
}

function what(error: ErrorObject, field: FieldSchema, params: Record<string, unknown>, root: FieldSchema, segments: PathSegment[]): string {
  const unit = keywordOf(field, 'x-unit');
  const inUnit = unit ? `，单位${unit}` : '';
  const numberWord = keywordOf(field, 'type') === 'integer' ? '整数' : '数字';
  const limit = params['limit'];
  switch (error.keyword) {
    case 'required':
      return '必须填写';
    case 'type':
      return typeMessage(field, params['type'] as string, unit);
    case 'exclusiveMinimum':
      return `应为大于${limit}的${numberWord}${inUnit}`;
    case 'minimum':
      return `应为不小于${limit}的${numberWord}${inUnit}`;
    case 'exclusiveMaximum':
      return `应为小于${limit}的${numberWord}${inUnit}`;
    case 'maximum':
      return `应为不大于${limit}的${numberWord}${inUnit}`;
    case 'minLength':
      return limit === 1 ? '必须填写' : `至少填写${limit}个字`;
    case 'maxLength':
      return `不能超过${limit}个字`;
    case 'pattern':
      return keywordOf(field, 'x-pattern-message') ?? '格式不正确';
    case 'format':
      return '应为有效的日期，格式为YYYY-MM-DD，如 2026-03-05';
    case 'x-codes':
      return codesMessage(params['codes'] as CodeListEntry[]);
    case 'x-precision':
      return params['precision'] === 0 ? `应为整数${inUnit}` : `最多保留${params['precision']}位小数${inUnit}`;
    case 'x-not-before': {
      const other = labelAt(root, [...segments.slice(0, -1), params['other'] as string]);
      return `不能早于${other}`;
    }
    case 'x-kind':
      return kindMessage(params, unit ?? '元');
    case 'minItems':
      return `至少填写${limit}行`;
    case 'maxItems':
      return `最多填写${limit}行`;
    case 'uniqueItems':
      return '不能重复选择同一项';
    case 'const':
    case 'enum':
      return '不是允许的值';
    default:
      return '填写不正确';
  }
}

function typeMessage(field: FieldSchema, expected: string, unit: string | undefined): string {
  if (keywordOf(field, 'x-kind') === 'money') return `应为以${unit ?? '元'}为单位的金额，写成文字，如 "12500.00"`;
  switch (expected) {
    case 'integer':
      return `应为整数${unit ? `，单位${unit}` : ''}`;
    case 'number':
      return `应为数字${unit ? `，单位${unit}` : ''}`;
    case 'boolean':
      return '应选择“是”或“否”';
    case 'array':
      return '应为列表';
    case 'object':
      return '格式不正确，应分项填写';
    default:
      return '应为文字';
  }
}

function codesMessage(codes: CodeListEntry[]): string {
  if (codes.length > 8) return '不是代码表中的选项';
  return `应为以下之一：${codes.map((entry) => `${entry.label}（${entry.code}）`).join('、')}`;
}

function kindMessage(params: Record<string, unknown>, unit: string): string {
  switch (params['reason']) {
    case 'format':
      return `应为以${unit}为单位的金额，最多${params['precision']}位小数，如 12500.00`;
    case 'min':
      return `不能少于${params['limit']}${unit}`;
    case 'max':
      return `不能超过${params['limit']}${unit}`;
    case 'division':
      return '不是有效的行政区划代码';
    default:
      return String(params['message'] ?? '填写不正确');
  }
}
