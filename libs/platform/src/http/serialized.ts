/** An entity as its JSON answer carries it: every `Date` field an ISO 8601 string (top level). */
export type Serialized<T> = {
  [K in keyof T]: T[K] extends Date
    ? string
    : T[K] extends Date | null
      ? string | null
      : T[K] extends Date | undefined
        ? string | undefined
        : T[K];
};

/**
 * The fields of a row as a response class declares them: the same names and values, times as
 * ISO 8601 strings. For views that answer with a stored row as it is (one mapping per aggregate).
 */
export function serializeDates<T extends object>(row: T): Serialized<T> {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]),
  ) as Serialized<T>;
}
