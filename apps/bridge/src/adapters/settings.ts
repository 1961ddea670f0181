import type { SettingProblem } from './transport';

/** Small readers for transport settings that collect every problem with its path. */
export class SettingsReader {
  readonly problems: SettingProblem[] = [];

  constructor(
    private readonly settings: Record<string, unknown>,
    private readonly path: string,
  ) {}

  string(key: string, options: { optional?: boolean; pattern?: RegExp; hint?: string } = {}): string | undefined {
    const value = this.settings[key];
    if (value === undefined && options.optional) return undefined;
    if (typeof value !== 'string' || value.length === 0 || (options.pattern && !options.pattern.test(value))) {
      this.problems.push({ path: `${this.path}.${key}`, message: options.hint ?? '必须是非空字符串' });
      return undefined;
    }
    return value;
  }

  integer(key: string, min: number, max: number): number | undefined {
    const value = this.settings[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.problems.push({ path: `${this.path}.${key}`, message: `必须是 ${min} 到 ${max} 的整数` });
      return undefined;
    }
    return value;
  }

  oneOf<T extends string>(key: string, values: readonly T[], fallback?: T): T | undefined {
    const value = this.settings[key] ?? fallback;
    if (typeof value !== 'string' || !values.includes(value as T)) {
      this.problems.push({ path: `${this.path}.${key}`, message: `必须是 ${values.join('、')} 之一` });
      return undefined;
    }
    return value as T;
  }
}
