import type { CodeTable } from '../mapping-spec';

/** Shared tables are module-level data: frozen so that one caller cannot change another's mapping. */
export function defineCodeTable(table: CodeTable): CodeTable {
  for (const entry of table.entries) Object.freeze(entry);
  Object.freeze(table.entries);
  return Object.freeze(table);
}
