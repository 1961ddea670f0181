/**
 * RFC 4180 CSV with a header row: one record per row, values are strings. Written with CRLF line
 * ends, as the spreadsheet tools in department offices expect.
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
  const rows = parseRows(text.replace(/^\uFEFF/, ''));
  const header = rows.shift();
  if (!header) return [];
  const duplicate = header.find((name, index) => header.indexOf(name) !== index);
  if (duplicate !== undefined) throw new CsvSyntaxError(`表头列名“${duplicate}”重复`);
  return rows
    .filter((row) => !(row.length === 1 && row[0] === ''))
    .map((row, index) => {
      if (row.length !== header.length) throw new CsvSyntaxError(`第 ${index + 2} 行有 ${row.length} 列，表头有 ${header.length} 列`);
      return Object.fromEntries(header.map((name, column) => [name, row[column] as string]));
    });
}

export function writeCsv(records: ReadonlyArray<Record<string, unknown>>): string {
  const header = [...new Set(records.flatMap((record) => Object.keys(record)))];
  const lines = [header.map(quote).join(',')];
  for (const record of records) {
    lines.push(
      header
        .map((name) => {
          const value = record[name];
          if (value !== null && typeof value === 'object') throw new CsvSyntaxError(`字段“${name}”是嵌套结构，CSV 只能写平面字段`, name);
          return quote(value === undefined || value === null ? '' : String(value));
        })
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function parseRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i += 1;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (c === '\r' && text[i + 1] === '\n') i += 1;
    } else field += c;
    i += 1;
  }
  if (quoted) throw new CsvSyntaxError('引号未闭合');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
