import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { join } from 'node:path';
import { compileMapping } from '@onewindow/mapping';
import {
  ENTERPRISE_REGISTRATION_CODE_TABLES,
  enterpriseRegistrationExpected,
  enterpriseRegistrationSample,
  enterpriseRegistrationSpec,
  mapEnterpriseRegistrationByHand,
} from '@onewindow/mapping/testing';
import jsonata from 'jsonata';
import { measureInterleaved, round } from '../measure';

export interface MappingBenchResult {
  record: string;
  compiledPerSecond: number;
  jsonataPerSecond: number;
  byHandPerSecond: number;
  /** compiled ÷ JSONata: the goal is at least 20. */
  timesJsonata: number;
  /** by hand ÷ compiled: the goal is at most 2. */
  slowerThanByHand: number;
}

/**
 * The 40-field 市场监管局 enterprise registration record through three mappings that give the
 * same output: the compiled spec, the same mapping in JSONata, and a hand-written function.
 * Each must equal the expected output before it is timed.
 */
export async function benchMapping(options: { roundMs?: number } = {}): Promise<MappingBenchResult> {
  const sample = enterpriseRegistrationSample();
  const expected = enterpriseRegistrationExpected();
  const compiled = compileMapping(enterpriseRegistrationSpec(), { codeTables: ENTERPRISE_REGISTRATION_CODE_TABLES });
  const expression = jsonata(readFileSync(join(__dirname, 'enterprise-registration.jsonata'), 'utf8'));

  const compiledOnce = compiled.map(sample);
  if (!compiledOnce.ok || !isDeepStrictEqual(compiledOnce.value, expected))
    throw new Error('the compiled mapping does not give the expected output');
  // JSONata drops keys whose value is undefined only when serialised; compare as JSON.
  const jsonataOnce = JSON.parse(JSON.stringify(await expression.evaluate(sample))) as unknown;
  if (!isDeepStrictEqual(jsonataOnce, expected))
    throw new Error(`the JSONata mapping does not give the expected output: ${JSON.stringify(jsonataOnce)}`);
  if (!isDeepStrictEqual(mapEnterpriseRegistrationByHand(sample), expected))
    throw new Error('the hand-written mapping does not give the expected output');

  // The three in turn, round by round: the ratios compare rates taken under the same load.
  const rates = await measureInterleaved(
    {
      byHand: { operation: () => mapEnterpriseRegistrationByHand(sample) },
      compiled: { operation: () => compiled.map(sample) },
      jsonata: { operation: () => expression.evaluate(sample), isAsync: true },
    },
    { roundMs: options.roundMs ?? 2000 },
  );
  const { byHand, compiled: compiledRate, jsonata: jsonataRate } = rates;
  return {
    record: '市场监管局 企业登记, 40 source fields (code tables, dates, nesting, 2 shareholders, 3 officers)',
    compiledPerSecond: round(compiledRate.perSecond, 0),
    jsonataPerSecond: round(jsonataRate.perSecond, 0),
    byHandPerSecond: round(byHand.perSecond, 0),
    timesJsonata: round(compiledRate.perSecond / jsonataRate.perSecond, 1),
    slowerThanByHand: round(byHand.perSecond / compiledRate.perSecond, 2),
  };
}
