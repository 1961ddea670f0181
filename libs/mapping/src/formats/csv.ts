import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/**
 * RFC 4180 CSV with a header row: one record per row, values are strings. Written with CRLF line
 * ends, as the spreadsheet tools in department offices expect. Reading is csv-parse's and writing
 * csv-stringify's (the monthly report's writer too): one quoting rule.
 */
export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    /** The column at fault, where one is. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

export function parseCsv(text: string): Array<Record<string, string>> {
  const rows = parseRows(text);
  const header = rows.shift();
  if (!header) return [];
  const duplicate = header.find((name, index) => header.indexOf(name) !== index);
  if (duplicate !== undefined) throw new CsvSyntaxError(`表头列名“${duplicate}”重复`);
  return rows.map((row, index) => {
    if (row.length !== header.length) throw new CsvSyntaxError(`第 ${index + 2} 行有 ${row.length} 列，表头有 ${header.length} 列`);
    return Object.fromEntries(header.map((name, column) => [name, row[column] as string]));
  });
}

export function writeCsv(records: ReadonlyArray<Record<string, unknown>>): string {
  const header = [...new Set(records.flatMap((record) => Object.keys(record)))];
  const rows = records.map((record) =>
    header.map((name) => {
      const value = record[name];
      if (value !== null && typeof value === 'object') throw new CsvSyntaxError(`字段“${name}”是嵌套结构，CSV 只能写平面字段`, name);
      return value === undefined || value === null ? '' : String(value);
    }),
  );
  // Department files carry data as sent: no formula escaping here (the monthly report, opened by people in Excel, has it).
  return stringify([header, ...rows], { record_delimiter: 'windows' });
}

/** Rows of fields; blank lines are skipped, a row may have any number of fields (checked against the header above). */
function parseRows(text: string): string[][] {
  try {
    return parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines;
    const at = line ? `（第 ${line} 行）` : '';
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') throw new CsvSyntaxError(`引号未闭合${at}`);
    if (error.code === 'CSV_INVALID_CLOSING_QUOTE' || error.code === 'INVALID_OPENING_QUOTE')
      throw new CsvSyntaxError(`引号使用不正确，含逗号、引号或换行的值应整体加引号，值中的引号写两遍${at}`);
    throw new CsvSyntaxError(`CSV 不合规${at}：${error.message}`);
  }
}
