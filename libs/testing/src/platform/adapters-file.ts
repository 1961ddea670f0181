import { readFile, writeFile } from 'node:fs/promises';

interface CodeTableInFile {
  name: string;
  entries: Array<{ code: string; label: string }>;
}

/**
 * Edits an entry of a code table in an adapter's outbound mapping in an adapters file written as
 * JSON (the demo's): what an integration engineer does to fix a mapping, or gets wrong.
 */
export async function setOutboundCodeTableEntry(
  file: string,
  entry: { adapterId: string; table: string; code: string; label: string },
): Promise<void> {
  const configuration = JSON.parse(await readFile(file, 'utf8')) as {
    adapters: Array<{ id: string; outbound?: { mapping: { codeTables?: CodeTableInFile[] } } }>;
  };
  const adapter = configuration.adapters.find((a) => a.id === entry.adapterId);
  const table = adapter?.outbound?.mapping.codeTables?.find((t) => t.name === entry.table);
  const line = table?.entries.find((e) => e.code === entry.code);
  if (!line) throw new Error(`no code ${entry.code} in table ${entry.table} of ${entry.adapterId}'s outbound mapping in ${file}`);
  line.label = entry.label;
  await writeFile(file, `${JSON.stringify(configuration, null, 2)}\n`, 'utf8');
}
