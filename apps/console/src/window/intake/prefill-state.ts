import { reactive } from 'vue';
import type { LookupKey, Prefill, PrefilledField } from '@/api/bridge';

/**
 * The values auto-filled on this intake (数据自动调取), by the field path the bridge names them
 * (`applicant.name`, `enterprise.address`), with their source — so each filled field shows its
 * badge, a correction is kept as changed, and the bridge hears how many were kept.
 */
export interface PrefillState {
  lookups: Partial<Record<LookupKey, Prefill>>;
  /** The latest value each path was filled with, and where from. */
  fields: Record<string, PrefilledField>;
  record(prefill: Prefill): void;
  field(path: string): PrefilledField | undefined;
  /** Whether the value now in the field differs from the one filled in. */
  changed(path: string, current: unknown): boolean;
  /** Per look-up: the filled fields the intake uses (`current` answers undefined for the others), kept or changed. */
  usage(current: (path: string) => unknown, typed: number): Array<{ prefillId: string; kept: number; changed: number; typed: number }>;
}

export function createPrefillState(): PrefillState {
  const state: PrefillState = reactive({
    lookups: {},
    fields: {},
    record(prefill: Prefill): void {
      state.lookups[prefill.key.kind] = prefill;
      for (const field of prefill.fields) state.fields[field.path] = field;
    },
    field(path: string) {
      return state.fields[path];
    },
    changed(path: string, current: unknown): boolean {
      const filled = state.fields[path];
      return filled !== undefined && String(current ?? '') !== String(filled.value);
    },
    usage(current: (path: string) => unknown, typed: number) {
      return Object.values(state.lookups).map((prefill, index) => {
        const paths = prefill.fields
          .map((f) => f.path)
          .filter((path) => state.fields[path]?.source === prefill.source && current(path) !== undefined);
        const changed = paths.filter((path) => state.changed(path, current(path))).length;
        return { prefillId: prefill.prefillId, kept: paths.length - changed, changed, typed: index === 0 ? typed : 0 };
      });
    },
  });
  return state;
}
