import * as iconv from 'iconv-lite';
import { CsvSyntaxError, parseCsv, writeCsv } from './csv';
import { forceArrays, parseXml, writeXml, XmlSyntaxError, type XmlValue } from './xml';

/**
 * Department records as files (CSV or XML) in the encodings department systems use: the one
 * codec of the bridge's file transport and of the mapping CLI, so a spec tried on a sample reads
 * it exactly as the bridge will.
 */
export const FILE_FORMATS = ['csv', 'xml'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];
/** GB2312 (1980) ⊂ GBK ⊂ GB18030 (which reaches all of Unicode); older systems write the smaller sets. */
export const FILE_ENCODINGS = ['utf-8', 'gbk', 'gb18030', 'gb2312'] as const;
export type FileEncoding = (typeof FILE_ENCODINGS)[number];

export interface FileLayout {
  format: FileFormat;
  encoding: FileEncoding;
  /** XML: the root element (`BJXX`). */
  xmlRoot?: string;
  /** XML: one record per child element of this name; absent = the root is one record. */
  xmlRecord?: string;
  /** XML: element paths that are lists even when they occur once. */
  xmlArrays?: string[];
}

/** Records decoded from a file, or why they could not be: the field at fault where one is known. */
export type DecodedRecords =
  { ok: true; records: Array<Record<string, unknown>> } | { ok: false; field?: string; code: string; message: string };

/** A record that cannot be written in the file's encoding (a character GB2312 lacks), or as CSV (a nested value). */
export class RecordFileError extends Error {
  constructor(
    readonly code: 'unencodable_character' | 'nested_value',
    message: string,
    /** The field at fault, e.g. `XMXX.XMMC` or `[1].JSDW` when the file holds several records. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'RecordFileError';
  }
}

/**
 * One record (XML, the root element) or several (CSV rows, XML record elements) to the bytes of a
 * file. A character the encoding cannot hold is refused naming its field, never written as "?".
 */
export function encodeRecordFile(records: ReadonlyArray<Record<string, unknown>>, layout: FileLayout): Buffer {
  let text: string;
  if (layout.format === 'csv') {
    try {
      text = writeCsv(records);
    } catch (error) {
      if (error instanceof CsvSyntaxError) throw new RecordFileError('nested_value', error.message, error.field);
      throw error;
    }
  } else {
    const root = layout.xmlRoot ?? 'DATA';
    const body = layout.xmlRecord ? { [layout.xmlRecord]: records as unknown as XmlValue } : ((records[0] ?? {}) as XmlValue);
    text = writeXml(root, body, layout.encoding);
  }
  if (layout.encoding === 'utf-8') return Buffer.from(text, 'utf8');
  const bytes = iconv.encode(text, layout.encoding);
  if (!holdsEveryCharacter(text, bytes, layout.encoding)) throw unencodable(records, layout);
  return bytes;
}

/**
 * Bytes of a file to records. A file in another encoding than configured is refused naming the
 * first field where it shows (mojibake would otherwise reach the platform as data). GB2312 is
 * read as GBK, its superset: a file that says GB2312 often holds a few GBK characters.
 */
export function decodeRecordFile(bytes: Buffer, layout: FileLayout): { text: string; decoded: DecodedRecords } {
  const looksUtf8 = isValidUtf8(bytes);
  const hasNonAscii = bytes.some((byte) => byte >= 0x80);
  const name = layout.encoding.toUpperCase();
  if (layout.encoding !== 'utf-8' && hasNonAscii && looksUtf8) {
    const text = bytes.toString('utf8');
    return {
      text,
      decoded: wrongEncoding(text, layout, `文件是 UTF-8 编码，而该适配器约定为 ${name}`, (value) => /[^\x00-\x7f]/.test(value)),
    };
  }
  if (layout.encoding === 'utf-8' && !looksUtf8) {
    const text = iconv.decode(bytes, 'gb18030');
    return {
      text,
      decoded: wrongEncoding(text, layout, '文件不是 UTF-8 编码（疑似 GBK/GB18030），而该适配器约定为 UTF-8', (value) =>
        /[^\x00-\x7f]/.test(value),
      ),
    };
  }
  const text =
    layout.encoding === 'utf-8' ? bytes.toString('utf8') : iconv.decode(bytes, layout.encoding === 'gb2312' ? 'gbk' : layout.encoding);
  if (text.includes('\uFFFD')) {
    return { text, decoded: wrongEncoding(text, layout, `文件含有不是 ${name} 编码的字节`, (value) => value.includes('\uFFFD')) };
  }
  return { text, decoded: parseRecords(text, layout) };
}

/** The encoding an XML declaration names (`<?xml version="1.0" encoding="GBK"?>`), when it is one of ours. */
export function declaredXmlEncoding(bytes: Buffer): FileEncoding | undefined {
  const head = bytes.subarray(0, 200).toString('latin1');
  const match = /^(?:\uFEFF|\xEF\xBB\xBF)?\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9_-]+)["']/.exec(head);
  const named = match?.[1]?.toLowerCase().replace(/^utf8$/, 'utf-8');
  return FILE_ENCODINGS.find((encoding) => encoding === named);
}

function parseRecords(text: string, layout: FileLayout): DecodedRecords {
  try {
    if (layout.format === 'csv') return { ok: true, records: parseCsv(text) };
    const { root, value } = parseXml(text);
    if (layout.xmlRoot && root !== layout.xmlRoot) {
      return { ok: false, code: 'unexpected_root', field: root, message: `根元素应为 <${layout.xmlRoot}>，收到 <${root}>` };
    }
    const shaped = forceArrays(value, layout.xmlArrays ?? []);
    if (!layout.xmlRecord) return { ok: true, records: [shaped as Record<string, unknown>] };
    const inner = typeof shaped === 'object' && !Array.isArray(shaped) ? shaped[layout.xmlRecord] : undefined;
    const list = inner === undefined ? [] : Array.isArray(inner) ? inner : [inner];
    return { ok: true, records: list as Array<Record<string, unknown>> };
  } catch (error) {
    if (error instanceof CsvSyntaxError || error instanceof XmlSyntaxError) {
      return { ok: false, code: 'syntax_error', message: `${layout.format.toUpperCase()} 格式错误：${error.message}` };
    }
    throw error;
  }
}

/**
 * iconv-lite writes "?" for a character the encoding lacks, and its GB2312 table is GBK's: the
 * text must come back unchanged, and for GB2312 every double byte must lie in its rows
 * (lead 0xA1–0xF7, trail 0xA1–0xFE).
 */
function holdsEveryCharacter(text: string, bytes: Buffer, encoding: Exclude<FileEncoding, 'utf-8'>): boolean {
  if (iconv.decode(bytes, encoding) !== text) return false;
  if (encoding !== 'gb2312') return true;
  for (let index = 0; index < bytes.length; index += 1) {
    const lead = bytes[index] as number;
    if (lead < 0x80) continue;
    const trail = bytes[index + 1] ?? 0;
    if (lead < 0xa1 || lead > 0xf7 || trail < 0xa1 || trail > 0xfe) return false;
    index += 1;
  }
  return true;
}

function unencodable(records: ReadonlyArray<Record<string, unknown>>, layout: FileLayout): RecordFileError {
  const encoding = layout.encoding as Exclude<FileEncoding, 'utf-8'>;
  const lacking = (character: string) => !holdsEveryCharacter(character, iconv.encode(character, encoding), encoding);
  let field: string | undefined;
  let character = '';
  records.some((record, index) => {
    const found = firstLeaf(record, '', (value) => [...value].some(lacking));
    if (found === undefined) return false;
    field = records.length > 1 ? `[${index}].${found}` : found;
    character = [...(readLeaf(record, found) ?? '')].find(lacking) ?? '';
    return true;
  });
  const name = layout.encoding.toUpperCase();
  return new RecordFileError(
    'unencodable_character',
    field ? `字段 ${field} 含有 ${name} 编码无法表示的字符“${character}”` : `记录含有 ${name} 编码无法表示的字符`,
    field,
  );
}

/** Names the first field (path in the record) whose text shows the encoding problem. */
function wrongEncoding(text: string, layout: FileLayout, message: string, suspicious: (value: string) => boolean): DecodedRecords {
  const parsed = parseRecords(text, layout);
  let field: string | undefined;
  if (parsed.ok) {
    parsed.records.some((record, index) => {
      const found = firstLeaf(record, '', suspicious);
      if (found !== undefined) field = parsed.records.length > 1 ? `[${index}].${found}` : found;
      return found !== undefined;
    });
  }
  return { ok: false, code: 'wrong_encoding', ...(field ? { field } : {}), message: field ? `${message}（字段 ${field}）` : message };
}

function firstLeaf(value: unknown, path: string, test: (value: string) => boolean): string | undefined {
  if (typeof value === 'string') return test(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (const [index, element] of value.entries()) {
      const found = firstLeaf(element, `${path}[${index}]`, test);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const found = firstLeaf(child, path ? `${path}.${key}` : key, test);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** The text at a path `firstLeaf` gave (`A.B[1].C`). */
function readLeaf(record: unknown, path: string): string | undefined {
  let node: unknown = record;
  for (const step of path.split(/\.|(?=\[)/)) {
    const index = /^\[(\d+)\]$/.exec(step);
    node = index ? (node as unknown[])[Number(index[1])] : (node as Record<string, unknown>)[step];
  }
  return typeof node === 'string' ? node : undefined;
}

function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
