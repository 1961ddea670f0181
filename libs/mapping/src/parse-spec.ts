import { parseDocument } from 'yaml';
import { checkCodeTables, resolveSpec, type ResolveOptions } from './internal/resolve-spec';
import { MappingSpecError, type CodeTable, type MappingSpec, type SpecProblem } from './mapping-spec';

/** Every problem in a spec, each with its path in the spec (`fields[3].codeTable`); empty when valid. */
export function validateMappingSpec(spec: unknown, options: ResolveOptions = {}): SpecProblem[] {
  const result = resolveSpec(spec, options);
  return result.ok ? [] : result.problems;
}

/**
 * Reads a spec written in YAML or JSON (JSON is YAML) and validates it, throwing
 * `MappingSpecError` with every problem. Duplicate keys are refused: in a hand-written spec
 * they are always a mistake.
 */
export function parseMappingSpec(text: string, options: ResolveOptions = {}): MappingSpec {
  const spec = readYaml(text);
  const problems = validateMappingSpec(spec, options);
  if (problems.length > 0) {
    const name =
      spec !== null && typeof spec === 'object' && typeof (spec as { name?: unknown }).name === 'string'
        ? (spec as { name: string }).name
        : undefined;
    throw new MappingSpecError(problems, name);
  }
  return spec as MappingSpec;
}

/**
 * Code tables a department system's specs share (its own codes), written once in YAML or JSON as a
 * list of tables and passed in at compile time, where specs pin them with `ref` and `version`.
 * Throws `MappingSpecError` with every problem (`[2].entries[0].code: …`).
 */
export function parseCodeTables(text: string): CodeTable[] {
  const tables = readYaml(text);
  const problems = validateCodeTables(tables);
  if (problems.length > 0) throw new MappingSpecError(problems, '部门代码表');
  return tables as CodeTable[];
}

/** Every problem of a list of code tables, with its path (`[0].entries[3].code`); empty when valid. */
export function validateCodeTables(tables: unknown): SpecProblem[] {
  return checkCodeTables(tables);
}

/**
 * How deep a hand-written spec may nest (flow brackets, or block indentation and `- ` markers):
 * far beyond any real spec, and shallow enough that the YAML parser's recursion and regular
 * expressions stay small. A text nested deeper (pasted in the bridge's playground, say) is refused
 * before it is parsed: parsing it can exhaust the stack or the memory of the whole process.
 */
const MAX_YAML_NESTING = 64;
const MAX_BLOCK_COLUMN = 256;

function nestingProblem(text: string): string | undefined {
  let depth = 0;
  let quote: string | undefined;
  let line = 1;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (character === '\n') line += 1;
    if (quote) {
      if (character === '\\' && quote === '"') index += 1;
      else if (character === quote || character === '\n') quote = undefined;
    } else if ((character === '"' || character === "'") && startsScalar(text, index)) quote = character;
    else if (character === '#') {
      const end = text.indexOf('\n', index);
      index = end === -1 ? text.length : end - 1;
    } else if (character === '[' || character === '{') {
      depth += 1;
      if (depth > MAX_YAML_NESTING) return `第${line}行嵌套超过${MAX_YAML_NESTING}层`;
    } else if (character === ']' || character === '}') depth = Math.max(0, depth - 1);
  }
  const lines = text.split('\n');
  for (const [index, content] of lines.entries()) {
    const column = /^[ \t]*(?:[-?][ \t]+)*/.exec(content)?.[0].length ?? 0;
    if (column > MAX_BLOCK_COLUMN) return `第${index + 1}行缩进或嵌套过深（超过${MAX_BLOCK_COLUMN}列）`;
  }
  return undefined;
}

/** A quote opens a quoted scalar only where a scalar may begin (`x'y` is plain text). */
function startsScalar(text: string, index: number): boolean {
  let before = index - 1;
  while (before >= 0 && (text[before] === ' ' || text[before] === '\t')) before -= 1;
  return before < 0 || '\n[{,:-?'.includes(text[before] as string);
}

function readYaml(text: string): unknown {
  const tooDeep = nestingProblem(text);
  if (tooDeep) throw new MappingSpecError([{ path: '', message: `YAML 格式错误：${tooDeep}` }]);
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  if (document.errors.length > 0) {
    throw new MappingSpecError(document.errors.map((error) => ({ path: '', message: `YAML 格式错误：${error.message}` })));
  }
  return document.toJS({ maxAliasCount: 100 });
}
