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
    const name = spec !== null && typeof spec === 'object' && typeof (spec as { name?: unknown }).name === 'string' ? (spec as { name: string }).name : undefined;
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
  if (problems.length > 0) throw new MappingSpecError(problems, 'code tables');
  return tables as CodeTable[];
}

/** Every problem of a list of code tables, with its path (`[0].entries[3].code`); empty when valid. */
export function validateCodeTables(tables: unknown): SpecProblem[] {
  return checkCodeTables(tables);
}

function readYaml(text: string): unknown {
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  if (document.errors.length > 0) {
    throw new MappingSpecError(document.errors.map((error) => ({ path: '', message: `YAML: ${error.message}` })));
  }
  return document.toJS({ maxAliasCount: 100 });
}
