import * as iconv from 'iconv-lite';
import type { Decoded } from '../adapters/transport';
import { CsvSyntaxError, parseCsv, writeCsv } from './csv-codec';
import { forceArrays, parseXml, writeXml, XmlSyntaxError, type XmlValue } from './xml-codec';

export const FILE_FORMATS = ['csv', 'xml'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];
export const FILE_ENCODINGS = ['utf-8', 'gbk'] as const;
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

/** One record (XML, the root element) or several (CSV rows) to the bytes of a file. */
export function encodeFile(records: ReadonlyArray<Record<string, unknown>>, layout: FileLayout): Buffer {
  let text: string;
  if (layout.format === 'csv') text = writeCsv(records);
  else {
    const root = layout.xmlRoot ?? 'DATA';
    const body = layout.xmlRecord ? { [layout.xmlRecord]: records as unknown as XmlValue } : ((records[0] ?? {}) as XmlValue);
    text = writeXml(root, body, layout.encoding);
  }
  return layout.encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8');
}

/**
 * Bytes of a file to records. A file in another encoding than configured is refused naming the
 * first field where it shows (mojibake would otherwise reach the platform as data).
 */
export function decodeFile(bytes: Buffer, layout: FileLayout): { text: string; decoded: Decoded } {
  const looksUtf8 = isValidUtf8(bytes);
  const hasNonAscii = bytes.some((byte) => byte >= 0x80);
  if (layout.encoding === 'gbk' && hasNonAscii && looksUtf8) {
    const text = bytes.toString('utf8');
    return { text, decoded: wrongEncoding(text, layout, '文件是 UTF-8 编码，而该适配器约定为 GBK', (value) => /[^\x00-\x7f]/.test(value)) };
  }
  if (layout.encoding === 'utf-8' && !looksUtf8) {
    const text = iconv.decode(bytes, 'gbk');
    return { text, decoded: wrongEncoding(text, layout, '文件不是 UTF-8 编码（疑似 GBK），而该适配器约定为 UTF-8', (value) => /[^\x00-\x7f]/.test(value)) };
  }
  const text = layout.encoding === 'gbk' ? iconv.decode(bytes, 'gbk') : bytes.toString('utf8');
  if (text.includes('\uFFFD')) {
    return { text, decoded: wrongEncoding(text, layout, `文件含有不是 ${layout.encoding.toUpperCase()} 编码的字节`, (value) => value.includes('\uFFFD')) };
  }
  return { text, decoded: parseRecords(text, layout) };
}

function parseRecords(text: string, layout: FileLayout): Decoded {
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

/** Names the first field (path in the record) whose text shows the encoding problem. */
function wrongEncoding(text: string, layout: FileLayout, message: string, suspicious: (value: string) => boolean): Decoded {
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

function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
