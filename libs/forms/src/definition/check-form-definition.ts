import { findDataElement } from '../elements/data-elements';
import { FormValidator } from '../validation/form-validator';
import { FORM_SCHEMA_DIALECT, PREFILL_SOURCES, type FieldSchema, type FormDefinition, type FormSchema } from './form-definition';
import { keywordOf, kindOf, parsePath, pointerSegments, schemaAt } from './paths';
import { effectiveSchema, resolveForm } from './resolve-form';

/** A problem of a form definition; `path` is inside the definition, e.g. `schema.properties.buildingArea.x-unit`. */
export interface FormDefinitionProblem {
  path: string;
  message: string;
}

/** What the form may refer to in its item: the material codes and the 办理情形 questions with their options. */
export interface FormContext {
  materials: ReadonlySet<string>;
  questions: ReadonlyMap<string, ReadonlySet<string>>;
}

let checker: FormValidator | undefined;

/**
 * Checks a form definition completely, as the catalogue checks everything: valid JSON Schema
 * 2020-12 with well-formed extension keywords, every field labelled, numbers with units, code
 * lists, auto-fill keys of the right kind, known data elements and materials, a layout that shows
 * every field once, and situation rules on real questions. Lists every problem, never only the first.
 */
export function checkFormDefinition(input: unknown, context: FormContext): FormDefinitionProblem[] {
  const problems: FormDefinitionProblem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });
  if (!isRecord(input)) return [{ path: '', message: '申请表必须是一个对象，包含 schema 和 layout' }];
  const schema = input['schema'];
  if (!isRecord(schema)) return [{ path: 'schema', message: '必须提供申请表的 JSON Schema（schema）' }];
  if (schema['$schema'] !== FORM_SCHEMA_DIALECT) report('schema.$schema', `应为 ${FORM_SCHEMA_DIALECT}`);
  if (schema['type'] !== 'object') report('schema.type', '申请表的 schema 应为 object');
  if (typeof schema['title'] !== 'string' || schema['title'].trim() === '') report('schema.title', '必须填写申请表名称');
  if (!isRecord(schema['properties'])) return [...problems, { path: 'schema.properties', message: '必须列出申请表的栏目（properties）' }];

  const definition = input as unknown as FormDefinition;
  checker ??= new FormValidator({ maxForms: 1 });
  const meta = checker.checkSchema(schema);
  if (!meta.ok)
    meta.errors.forEach((error) => report(schemaPath('schema', error.path), `不是有效的 JSON Schema 2020-12：${error.message}`));
  checkElements(schema as unknown as FieldSchema, 'schema', report);
  const situations = Array.isArray(input['situations']) ? (input['situations'] as unknown[]) : [];
  if (input['situations'] !== undefined && !Array.isArray(input['situations'])) report('situations', '办理情形规则必须是列表');
  situations.forEach((rule, index) => {
    if (isRecord(rule) && isRecord(rule['fields'])) {
      Object.entries(rule['fields']).forEach(([name, fieldSchema]) => {
        const at = `situations[${index}].fields.${name}`;
        const ruleMeta = checker?.checkSchema(fieldSchema);
        if (ruleMeta && !ruleMeta.ok)
          ruleMeta.errors.forEach((error) => report(schemaPath(at, error.path), `不是有效的 JSON Schema 2020-12：${error.message}`));
        checkElements(fieldSchema as FieldSchema, at, report);
      });
    }
  });
  if (problems.length > 0) return problems;

  const resolved = resolveForm(definition);
  const everyField = effectiveSchema(
    resolved,
    situations.map((_, index) => index),
  );
  walkFields(resolved.schema, 'schema', (field, at, parent) => checkField(field, at, parent, everyField, context, report));
  resolved.situations?.forEach((rule, index) => {
    const container = rule.at ? schemaAt(resolved.schema, parsePath(rule.at)) : resolved.schema;
    Object.entries(rule.fields ?? {}).forEach(([name, field]) =>
      walkFields(field, `situations[${index}].fields.${name}`, (inner, at, parent) =>
        checkField(inner, at, parent ?? container, everyField, context, report),
      ),
    );
  });
  checkTopLevelElements(resolved.schema, report);
  situations.forEach((rule, index) => checkSituation(rule, `situations[${index}]`, resolved.schema, everyField, context, report));
  checkLayout(input['layout'], everyField, report);
  if (problems.length === 0) {
    const failure = compileFailure(
      checker,
      effectiveSchema(
        resolved,
        situations.map((_, index) => index),
      ),
    );
    if (failure) report('schema', `申请表无法编译：${failure}`);
  }
  return problems;
}

/** Compiling is the slow part of a check (tens of milliseconds); a form already compiled is not compiled again. */
const compiled = new Map<string, string | undefined>();
const MAX_REMEMBERED = 1_000;

function compileFailure(validator: FormValidator, schema: FormSchema): string | undefined {
  const key = JSON.stringify(schema);
  if (compiled.has(key)) return compiled.get(key);
  const failure = validator.tryCompile(schema);
  compiled.set(key, failure);
  if (compiled.size > MAX_REMEMBERED) compiled.delete(compiled.keys().next().value as string);
  return failure;
}

type Report = (path: string, message: string) => void;

function checkElements(schema: FieldSchema, at: string, report: Report): void {
  walkFields(schema, at, (field, path) => {
    const code = field['x-element'];
    if (code !== undefined && !findDataElement(code)) report(`${path}.x-element`, `数据元 ${code} 不在数据元目录中`);
  });
}

function checkField(
  field: FieldSchema,
  at: string,
  parent: FieldSchema | undefined,
  everyField: FormSchema,
  context: FormContext,
  report: Report,
): void {
  const kind = kindOf(field);
  if (!keywordOf(field, 'title')) report(`${at}.title`, '每个栏目都必须有中文名称（title）');
  if (kind === 'number' && !keywordOf(field, 'x-unit')) report(`${at}.x-unit`, '数字栏目必须注明单位（x-unit），如 平方米、人');
  if (kind === 'number' && keywordOf(field, 'x-precision') === undefined)
    report(`${at}.x-precision`, '数字栏目必须注明小数位数（x-precision）');
  if (kind === 'money' && keywordOf(field, 'type') !== 'string') report(`${at}.type`, '金额栏目应为 string（精确的十进制金额文字）');
  if ((kind === 'code' || kind === 'codes') && !keywordOf(kind === 'code' ? field : (field.items ?? {}), 'x-codes')) {
    report(`${at}.x-codes`, '代码栏目必须列出代码表（x-codes）');
  }
  const codes = field['x-codes'] ?? [];
  const seen = new Set<string>();
  codes.forEach((entry, index) => {
    if (seen.has(entry.code)) report(`${at}.x-codes[${index}].code`, `代码 ${entry.code} 重复`);
    seen.add(entry.code);
  });
  const material = field['x-material'];
  if (kind === 'material' && material === undefined) report(`${at}.x-material`, '材料栏目必须注明对应的申请材料编码（x-material）');
  if (material !== undefined && !context.materials.has(material)) report(`${at}.x-material`, `申请材料 ${material} 不在本事项的材料清单中`);
  const prefill = field['x-prefill'];
  if (prefill) {
    const keyField = prefill.from.includes('[') ? undefined : schemaAt(everyField, parsePath(prefill.from));
    const expected = PREFILL_SOURCES[prefill.source];
    if (!keyField) report(`${at}.x-prefill.from`, `调取依据栏目 ${prefill.from} 不在本申请表中（不能位于可重复的表格内）`);
    else if (kindOf(keyField) !== expected.keyKind)
      report(`${at}.x-prefill.from`, `按${expected.name}调取时，栏目 ${prefill.from} 应为${KEY_NAMES[expected.keyKind]}`);
  }
  const notBefore = field['x-not-before'];
  if (notBefore !== undefined) {
    const other = parent?.properties?.[notBefore];
    if (!other || kindOf(other) !== 'date') report(`${at}.x-not-before`, `x-not-before 应为同一组中的日期栏目，${notBefore} 不是`);
  }
}

const KEY_NAMES: Record<string, string> = { 'credit-code': '统一社会信用代码', 'resident-id': '公民身份号码', 'project-code': '项目代码' };

/** A data element is asked once per form: two top-level fields may not be the same element. */
function checkTopLevelElements(schema: FormSchema, report: Report): void {
  const seen = new Map<string, string>();
  for (const [name, field] of Object.entries(schema.properties)) {
    const code = field['x-element'];
    if (!code) continue;
    const earlier = seen.get(code);
    if (earlier) report(`schema.properties.${name}.x-element`, `数据元 ${code} 已由栏目 ${earlier} 填写，同一申请表只能填写一次`);
    else seen.set(code, name);
  }
}

function checkSituation(rule: unknown, at: string, base: FormSchema, everyField: FormSchema, context: FormContext, report: Report): void {
  if (!isRecord(rule) || !isRecord(rule['when'])) return report(`${at}.when`, '办理情形规则必须写明 when: { question, answers }');
  const when = rule['when'];
  const options = context.questions.get(when['question'] as string);
  if (!options) report(`${at}.when.question`, `办理情形问题 ${String(when['question'])} 不是本事项的问题`);
  const answers = when['answers'];
  if (!Array.isArray(answers) || answers.length === 0) report(`${at}.when.answers`, '至少列出一个适用的选项');
  else if (options)
    answers.forEach(
      (answer, i) => !options.has(answer as string) && report(`${at}.when.answers[${i}]`, `选项 ${String(answer)} 不是该问题的选项`),
    );
  const require = rule['require'];
  if (require !== undefined && !Array.isArray(require)) report(`${at}.require`, '必填栏目必须是栏目路径列表');
  (Array.isArray(require) ? require : []).forEach((path, i) => {
    if (typeof path !== 'string' || !schemaAt(everyField, parsePath(path)))
      report(`${at}.require[${i}]`, `栏目 ${String(path)} 不在本申请表中`);
  });
  const target = typeof rule['at'] === 'string' ? schemaAt(base, parsePath(rule['at'])) : base;
  if (!target || kindOf(target) !== 'group') report(`${at}.at`, `${String(rule['at'])} 不是本申请表中的栏目组`);
  Object.keys(isRecord(rule['fields']) ? rule['fields'] : {}).forEach((name) => {
    if (target?.properties?.[name]) report(`${at}.fields.${name}`, `栏目 ${name} 已在申请表中，情形栏目不能与之重名`);
  });
}

function checkLayout(layout: unknown, everyField: FormSchema, report: Report): void {
  const asksSomething = Object.keys(everyField.properties).length > 0;
  if (!isRecord(layout) || !Array.isArray(layout['groups']) || (asksSomething && layout['groups'].length === 0)) {
    return report('layout.groups', '必须提供版式（layout.groups），至少一组');
  }
  const shown = new Map<string, string>();
  layout['groups'].forEach((group: unknown, index: number) => {
    const at = `layout.groups[${index}]`;
    if (!isRecord(group)) return report(at, '版式分组必须是一个对象');
    if (typeof group['title'] !== 'string' || group['title'].trim() === '') report(`${at}.title`, '必须填写分组标题');
    if (!Array.isArray(group['fields']) || group['fields'].length === 0) return report(`${at}.fields`, '每组至少列出一个栏目');
    group['fields'].forEach((path: unknown, i: number) => {
      const where = `${at}.fields[${i}]`;
      if (typeof path !== 'string' || !schemaAt(everyField, parsePath(path))) return report(where, `栏目 ${String(path)} 不在本申请表中`);
      if (shown.has(path)) report(where, `栏目 ${path} 已在 ${shown.get(path)} 中列出`);
      shown.set(path, where);
    });
  });
  const paths = [...shown.keys()];
  for (const name of Object.keys(everyField.properties)) {
    if (!paths.some((path) => path === name || path.startsWith(`${name}.`))) report('layout.groups', `栏目 ${name} 未在版式中列出`);
  }
  const controls = layout['controls'];
  if (isRecord(controls)) {
    Object.keys(controls).forEach((path) => {
      if (!schemaAt(everyField, parsePath(path))) report(`layout.controls.${path}`, `栏目 ${path} 不在本申请表中`);
    });
  }
}

/** Visits a field and every field inside it, with the path of each in the definition. */
function walkFields(
  schema: FieldSchema,
  at: string,
  visit: (field: FieldSchema, at: string, parent: FieldSchema | undefined) => void,
  parent?: FieldSchema,
): void {
  if (at !== 'schema') visit(schema, at, parent);
  Object.entries(schema.properties ?? {}).forEach(([name, child]) => walkFields(child, `${at}.properties.${name}`, visit, schema));
  // A table's row is not a field of its own: its columns are.
  const row = schema.items;
  Object.entries(row?.properties ?? {}).forEach(([name, child]) => walkFields(child, `${at}.items.properties.${name}`, visit, row));
}

function schemaPath(prefix: string, pointer: string): string {
  return [prefix, ...pointerSegments(pointer).map(String)].join('.');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
