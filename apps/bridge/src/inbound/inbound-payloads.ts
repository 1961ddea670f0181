import { createHash } from 'node:crypto';
import { flattenValidationErrors, type TopicDefinition } from '@onewindow/contracts';
import type { MappingError, MappingSpec } from '@onewindow/mapping';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { DeadLetterProblem } from '../exchange-log/dead-letters.service';

/**
 * A stable UUID for a department's own record id (name-based, RFC 4122 version 5 layout over
 * SHA-1): the same record delivered again gets the same platform id.
 */
export function recordUuid(namespace: string, name: string): string {
  const hash = createHash('sha1').update(`${namespace}\u0000${name}`).digest();
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50;
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Mapping errors as dead-letter problems, named by the department's field. */
export function mappingProblems(errors: readonly MappingError[]): DeadLetterProblem[] {
  return errors.map((error) => ({
    ...(error.path.source ? { field: error.path.source } : {}),
    ...(error.path.target ? { target: error.path.target } : {}),
    rule: error.rule,
    code: error.code,
    message: error.message,
  }));
}

/**
 * Checks a mapped payload against the event contract; each problem is named by the department's
 * field that the failing target came from (found in the spec), so the integrator fixes the source.
 */
export function contractProblems<T extends object>(topic: TopicDefinition<T>, payload: object, spec: MappingSpec): DeadLetterProblem[] {
  const errors = validateSync(plainToInstance(topic.payload, payload) as object, { forbidUnknownValues: true });
  return flattenValidationErrors(errors).map((problem) => {
    const generic = problem.path.replace(/\[\d+\]/g, '[]');
    const index = spec.fields.findIndex((rule) => rule.target === generic || rule.targets?.includes(generic));
    const rule = index >= 0 ? spec.fields[index] : undefined;
    const field = rule?.from ?? rule?.split ?? rule?.concat?.join('+');
    return {
      ...(field ? { field } : {}),
      target: problem.path,
      ...(index >= 0 ? { rule: `fields[${index}]` } : {}),
      code: 'contract_violation',
      message: `${rule?.label ?? problem.path}不符合平台事件契约：${problem.problem}`,
    };
  });
}

/** The source field the spec maps to `target` (for problems found after mapping). */
export function sourceFieldOf(spec: MappingSpec, target: string): { field?: string; rule?: string; label?: string } {
  const index = spec.fields.findIndex((rule) => rule.target === target);
  const rule = spec.fields[index];
  if (!rule) return {};
  return { ...(rule.from ? { field: rule.from } : {}), rule: `fields[${index}]`, ...(rule.label ? { label: rule.label } : {}) };
}
