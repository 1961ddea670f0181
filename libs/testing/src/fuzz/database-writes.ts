/** Whatever can run SQL in a service's schema (`$schema` in the SQL names it): the in-process test platform, or a client over the processes' schemas. */
export interface SchemaQueries<S extends string = string> {
  query<R = Record<string, unknown>>(service: S, sql: string, params?: unknown[]): Promise<R[]>;
}

/** Tables that change while nothing happens: the relay's lease and TypeORM's migration log. */
const BOOKKEEPING = new Set(['outbox_relay_lease', 'migrations']);

/**
 * What a service's schema holds, as one comparable value: per table the number of rows and the
 * newest row version (`xmin`), so an insert, an update or a delete all change it. Two equal
 * fingerprints around a request mean it wrote nothing: no row, no outbox event, no number taken.
 */
export async function databaseFingerprint<S extends string>(platform: SchemaQueries<S>, services: S[]): Promise<Record<string, string>> {
  const fingerprint: Record<string, string> = {};
  for (const service of services) {
    const rows = await platform.query<{ name: string; state: string }>(service, await fingerprintQuery(platform, service));
    for (const row of rows) fingerprint[`${service}.${row.name}`] = row.state;
  }
  return fingerprint;
}

const queries = new WeakMap<object, Map<string, string>>();

/** One query over every table of the service's schema; the tables are read once (migrations ran at start). */
async function fingerprintQuery<S extends string>(platform: SchemaQueries<S>, service: S): Promise<string> {
  const known = queries.get(platform)?.get(service);
  if (known) return known;
  const tables = await platform.query<{ table_name: string }>(
    service,
    `SELECT table_name FROM information_schema.tables WHERE '"' || table_schema || '"' = '$schema' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const query = tables
    .map((t) => t.table_name)
    .filter((name) => !BOOKKEEPING.has(name))
    .map((name) => `SELECT '${name}' AS name, count(*) || '/' || coalesce(max(xmin::text::bigint), 0) AS state FROM $schema."${name}"`)
    .join(' UNION ALL ');
  const forPlatform = queries.get(platform) ?? new Map<string, string>();
  forPlatform.set(service, query);
  queries.set(platform, forPlatform);
  return query;
}

/**
 * Background work that polls writes on its own schedule: the SMS dispatcher and the bridge's
 * delivery worker look every second. A quiet spell longer than that means they found nothing due.
 */
const SLOWEST_BACKGROUND_POLL_MS = 1_000;

/**
 * Waits until the services' databases stop changing (events of earlier steps consumed, relays
 * done, due SMS sent), so that a comparison around the next request sees only what that request wrote.
 */
export async function settledFingerprint<S extends string>(
  platform: SchemaQueries<S>,
  services: S[],
  { quietMs = SLOWEST_BACKGROUND_POLL_MS + 250, timeoutMs = 30_000 } = {},
): Promise<Record<string, string>> {
  const deadline = Date.now() + timeoutMs;
  let previous = JSON.stringify(await databaseFingerprint(platform, services));
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const current = await databaseFingerprint(platform, services);
    if (JSON.stringify(current) === previous || Date.now() > deadline) return current;
    previous = JSON.stringify(current);
  }
}

/** The tables whose fingerprint differs between two readings (empty: nothing was written). */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((table) => before[table] !== after[table]).sort();
}
