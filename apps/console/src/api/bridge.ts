/** 数据自动调取: the bridge's look-ups in the shared data sources (法人库, 人口库, 投资项目库). */
import * as sdk from './generated/bridge/sdk.gen';

export type LookupKey = 'creditCode' | 'idNumber' | 'projectCode';

export interface PrefilledField {
  path: string;
  value: string | number | boolean;
  source: string;
  fetchedAt: string;
}

export interface Prefill {
  prefillId: string;
  key: { kind: LookupKey; value: string };
  source: string;
  fetchedAt: string;
  fields: PrefilledField[];
}

export async function prefill(key: LookupKey, value: string): Promise<Prefill> {
  return (await sdk.prefillControllerPrefill({ query: { [key]: value } })).data as Prefill;
}

/** Tells the bridge how many pre-filled fields were kept or changed and how many were typed (自动调取率). */
export async function reportPrefillUsage(prefillId: string, usage: { kept: number; changed: number; typed: number }): Promise<void> {
  await sdk.prefillControllerReport({ path: { id: prefillId }, body: usage });
}
