import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import type { EventEnvelope } from './event-envelope';
import type { TopicDefinition } from '../topics/topic-definition';

export interface FieldProblem {
  /** Path inside the envelope, e.g. `data.parts[0].department.code`. */
  path: string;
  problem: string;
}

export type ParsedEvent<T> = { ok: true; envelope: EventEnvelope<T> } | { ok: false; problems: FieldProblem[]; summary: string };

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Validates a consumed message against the versioned contract: the envelope attributes,
 * then the payload class. Consumers call this on every message; a failure is a dead letter.
 */
export function parseEvent<T extends object>(topic: TopicDefinition<T>, raw: unknown): ParsedEvent<T> {
  const value = decode(raw);
  if (!isRecord(value)) {
    return invalid([{ path: '', problem: 'message is not a JSON object (CloudEvents structured mode)' }]);
  }
  // PostgreSQL keeps no NUL in text or jsonb: an event carrying one could never be stored, so it
  // is invalid here, once for every consumer, instead of failing each handler's transaction.
  const nul = pathWithNul(value);
  if (nul !== null) return invalid([{ path: nul, problem: 'contains a NUL character (U+0000), which no text may hold' }]);
  const problems: FieldProblem[] = [];
  const requireString = (name: string) => {
    if (typeof value[name] !== 'string' || (value[name] as string).length === 0) {
      problems.push({ path: name, problem: 'is required and must be a non-empty string' });
    }
  };
  if (value['specversion'] !== '1.0') problems.push({ path: 'specversion', problem: 'must be "1.0"' });
  ['id', 'source', 'type', 'subject', 'time', 'correlationid'].forEach(requireString);
  if (typeof value['type'] === 'string' && value['type'] !== topic.name) {
    problems.push({ path: 'type', problem: `must be "${topic.name}" on this topic (got "${value['type']}")` });
  }
  if (typeof value['time'] === 'string' && !RFC3339.test(value['time'])) {
    problems.push({ path: 'time', problem: 'must be an RFC 3339 timestamp' });
  }
  if (value['datacontenttype'] !== undefined && value['datacontenttype'] !== 'application/json') {
    problems.push({ path: 'datacontenttype', problem: 'must be "application/json"' });
  }
  if (!isRecord(value['data'])) {
    problems.push({ path: 'data', problem: 'is required and must be an object' });
  } else {
    const payload = plainToInstance(topic.payload, value['data']);
    const errors = validateSync(payload as object, { forbidUnknownValues: true });
    problems.push(...flatten(errors, 'data'));
    if (errors.length === 0 && typeof value['subject'] === 'string') {
      const key = topic.keyOf(payload);
      if (key !== value['subject']) {
        problems.push({ path: 'subject', problem: `must equal data.${topic.keyField} ("${key}")` });
      }
    }
    if (problems.length === 0) {
      return { ok: true, envelope: { ...(value as unknown as EventEnvelope<T>), data: payload } };
    }
  }
  return invalid(problems);
}

function invalid(problems: FieldProblem[]): ParsedEvent<never> {
  return { ok: false, problems, summary: problems.map((p) => `${p.path || '(message)'} ${p.problem}`).join('; ') };
}

function decode(raw: unknown): unknown {
  if (Buffer.isBuffer(raw)) raw = raw.toString('utf8');
  if (typeof raw === 'string') {
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  }
  return raw;
}

/** The path of the first key or string value holding U+0000, or null. Iterative: a value may nest deeper than the stack. */
function pathWithNul(root: unknown): string | null {
  const stack: Array<[unknown, string]> = [[root, '']];
  while (stack.length > 0) {
    const [value, path] = stack.pop() as [unknown, string];
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return path;
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push([item, `${path}[${index}]`]));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        const at = path ? `${path}.${key}` : key;
        if (key.includes('\u0000')) return path || '(message)';
        stack.push([item, at]);
      }
    }
  }
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Flattens class-validator's tree into `a.b[0].c` paths. */
export function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const error of errors) {
    const segment = /^\d+$/.test(error.property) ? `[${error.property}]` : `.${error.property}`;
    const path = prefix ? `${prefix}${segment}` : segment.replace(/^\./, '');
    for (const message of Object.values(error.constraints ?? {})) {
      out.push({ path, problem: message.replace(new RegExp(`^${escapeRegExp(error.property)}\\s`), '') });
    }
    if (error.children?.length) out.push(...flatten(error.children, path));
  }
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
