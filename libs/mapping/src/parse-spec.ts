import { parseDocument } from 'yaml';
import { resolveSpec, type ResolveOptions } from './internal/resolve-spec';
import { MappingSpecError, type MappingSpec, type SpecProblem } from './mapping-spec';

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
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  if (document.errors.length > 0) {
    throw new MappingSpecError(document.errors.map((error) => ({ path: '', message: `YAML: ${error.message}` })));
  }
  const spec: unknown = document.toJS({ maxAliasCount: 100 });
  const problems = validateMappingSpec(spec, options);
  if (problems.length > 0) {
    const name = spec !== null && typeof spec === 'object' && typeof (spec as { name?: unknown }).name === 'string' ? (spec as { name: string }).name : undefined;
    throw new MappingSpecError(problems, name);
  }
  return spec as MappingSpec;
}
