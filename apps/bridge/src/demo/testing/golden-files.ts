import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileMapping, SHARED_CODE_TABLES, type CodeTable, type MappingSpec } from '@onewindow/mapping';

/**
 * Golden files of the demo department systems: fixtures in this folder, compared byte for byte.
 * Regenerate after an intended change with UPDATE_GOLDEN=1 (a missing file is written too).
 */
const fixtures = __dirname;
const update = process.env['UPDATE_GOLDEN'] === '1';

export function fixture(name: string): Buffer {
  return readFileSync(join(fixtures, name));
}

export function jsonFixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(fixture(name).toString('utf8')) as T;
}

export function expectGolden(name: string, actual: Buffer | string): void {
  const bytes = Buffer.isBuffer(actual) ? actual : Buffer.from(actual, 'utf8');
  const path = join(fixtures, name);
  if (update || !existsSync(path)) writeFileSync(path, bytes);
  expect(bytes.equals(readFileSync(path)) ? 'same bytes' : bytes.toString('utf8')).toBe('same bytes');
}

/** The spec's result for the input, failing the test with every mapping error. */
export function mapped(spec: MappingSpec, input: unknown, codeTables: readonly CodeTable[] = SHARED_CODE_TABLES): Record<string, unknown> {
  const result = compileMapping(spec, { codeTables }).map(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return result.value;
}

export const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
