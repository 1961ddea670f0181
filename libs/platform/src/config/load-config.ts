import { validateSync, type ValidationError } from 'class-validator';
import { envVariablesOf } from './env.decorator';

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigurationError';
  }
}

/** Optional rules across several variables; return one message per problem. */
export interface CrossFieldRules {
  crossFieldProblems(): string[];
}

type Environment = Record<string, string | undefined>;

export interface LoadConfigOptions {
  /** Defaults to `process.env`. */
  env?: Environment;
  /** Used where the environment does not set a variable (a service's own default port). */
  defaults?: Environment;
  /** Win over the environment (the embedded launcher points each service at its own database). */
  overrides?: Environment;
}

function withoutEmpty(env: Environment): Environment {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
}

/**
 * Reads a config class from the environment: every `@Env` property is coerced to its declared
 * type, defaults are the class's initial values, and every problem is reported at once, naming
 * the variable. This is the only place in the code base that reads `process.env`.
 */
export function loadConfig<C extends object>(ConfigClass: new () => C, options: LoadConfigOptions = {}): C {
  const config = new ConfigClass();
  const variables = envVariablesOf(config);
  const source: Environment = { ...options.defaults, ...withoutEmpty(options.env ?? process.env), ...options.overrides };
  const problems: string[] = [];
  const raw = new Map<string, string>();
  for (const [property, variable] of variables) {
    const text = source[variable];
    if (text === undefined || text === '') continue;
    raw.set(property, text);
    const type = Reflect.getMetadata('design:type', config, property);
    const value = coerce(text, type);
    if (value === INVALID) {
      problems.push(`${variable} must be ${describeType(type)} (got "${text}")`);
      continue;
    }
    (config as Record<string, unknown>)[property] = value;
  }
  for (const error of validateSync(config, { forbidUnknownValues: false })) {
    problems.push(...describe(error, variables, raw));
  }
  if (problems.length === 0 && typeof (config as Partial<CrossFieldRules>).crossFieldProblems === 'function') {
    problems.push(...(config as unknown as CrossFieldRules).crossFieldProblems());
  }
  if (problems.length > 0) throw new ConfigurationError(problems);
  return config;
}

const INVALID = Symbol('invalid');

function coerce(text: string, type: unknown): unknown {
  if (type === Number) {
    const value = Number(text);
    return text.trim() !== '' && Number.isFinite(value) ? value : INVALID;
  }
  if (type === Boolean) {
    if (/^(true|1|yes|on)$/i.test(text)) return true;
    if (/^(false|0|no|off)$/i.test(text)) return false;
    return INVALID;
  }
  if (type === Array) {
    return text
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
  }
  return text;
}

function describeType(type: unknown): string {
  if (type === Number) return 'a number';
  if (type === Boolean) return 'true or false';
  return 'text';
}

function describe(error: ValidationError, variables: Map<string, string>, raw: Map<string, string>): string[] {
  const variable = variables.get(error.property) ?? error.property;
  const got = raw.has(error.property) ? ` (got "${raw.get(error.property)}")` : error.value === undefined ? ' (not set)' : '';
  return Object.values(error.constraints ?? {}).map(
    (message) => `${variable} ${message.replace(new RegExp(`^${error.property}\\s*`), '')}${got}`,
  );
}
