/**
 * 映射调试 as the integration engineer uses it: a sample pasted or uploaded (an uploaded file's
 * exact bytes are sent while its text is left as shown), the format and encoding, the spec, and
 * the bridge's answer as pretty JSON or a table of problems by path.
 */
import type { PlaygroundExampleView, PlaygroundProblemView, PlaygroundResultView, PlaygroundRunDto } from './operations-api';

export const SAMPLE_FORMATS = ['json', 'xml', 'csv'] as const;
export type SampleFormat = (typeof SAMPLE_FORMATS)[number];
export const SAMPLE_FORMAT_LABELS: Record<SampleFormat, string> = { json: 'JSON', xml: 'XML', csv: 'CSV' };
export const SAMPLE_ENCODINGS = ['utf-8', 'gbk', 'gb18030', 'gb2312'] as const;
export type SampleEncoding = (typeof SAMPLE_ENCODINGS)[number];
export const SAMPLE_ENCODING_LABELS: Record<SampleEncoding, string> = {
  'utf-8': 'UTF-8',
  gbk: 'GBK',
  gb18030: 'GB18030',
  gb2312: 'GB2312',
};

const STAGE_LABELS: Record<PlaygroundProblemView['stage'], string> = { spec: '映射规则', sample: '样例文件', mapping: '字段映射' };

export interface PlaygroundForm {
  format: SampleFormat;
  encoding: SampleEncoding;
  xmlRoot: string;
  xmlRecord: string;
  /** Comma-separated element paths (`BZCL.CL, GZLM.LM`). */
  xmlArrays: string;
  sampleText: string;
  specText: string;
  codeTablesText: string;
  reverse: boolean;
  /** An uploaded (or example) file's exact bytes, base64, with the text it was shown as: sent while that text is unchanged. */
  file: { base64: string; shownAs: string; name: string } | null;
}

export function emptyPlaygroundForm(): PlaygroundForm {
  return {
    format: 'json',
    encoding: 'utf-8',
    xmlRoot: '',
    xmlRecord: '',
    xmlArrays: '',
    sampleText: '',
    specText: '',
    codeTablesText: '',
    reverse: false,
    file: null,
  };
}

/** A demo system's example, ready to run or to change. */
export function formOfExample(example: PlaygroundExampleView): PlaygroundForm {
  return {
    ...emptyPlaygroundForm(),
    format: example.format,
    encoding: example.encoding,
    xmlRoot: example.xmlRoot ?? '',
    xmlArrays: (example.xmlArrays ?? []).join(', '),
    sampleText: example.sampleText,
    specText: example.specText,
    codeTablesText: example.codeTablesText ?? '',
    file: { base64: example.sampleBase64, shownAs: example.sampleText, name: example.title },
  };
}

/** What the bridge is sent: the file's bytes while its text is as shown, else the typed text. */
export function playgroundRequest(form: PlaygroundForm): PlaygroundRunDto {
  const arrays = form.xmlArrays
    .split(/[,，\s]+/)
    .map((path) => path.trim())
    .filter((path) => path !== '');
  const useFile = form.file !== null && form.file.shownAs === form.sampleText;
  return {
    ...(useFile ? { sampleBase64: form.file!.base64 } : { sampleText: form.sampleText }),
    format: form.format,
    encoding: form.encoding,
    ...(form.format === 'xml' && form.xmlRoot.trim() ? { xmlRoot: form.xmlRoot.trim() } : {}),
    ...(form.format === 'xml' && form.xmlRecord.trim() ? { xmlRecord: form.xmlRecord.trim() } : {}),
    ...(form.format === 'xml' && arrays.length > 0 ? { xmlArrays: arrays } : {}),
    specText: form.specText,
    ...(form.codeTablesText.trim() ? { codeTablesText: form.codeTablesText } : {}),
    ...(form.reverse ? { reverse: true } : {}),
  };
}

/** The format a file's name says (`.xml`, `.csv`, else JSON). */
export function formatOfFileName(name: string): SampleFormat {
  const lower = name.toLowerCase();
  return lower.endsWith('.xml') ? 'xml' : lower.endsWith('.csv') ? 'csv' : 'json';
}

/** An XML file's declared encoding (`<?xml … encoding="GBK"?>`), when it is one the bridge reads. */
export function declaredEncoding(bytes: Uint8Array): SampleEncoding | undefined {
  const head = Array.from(bytes.subarray(0, 200), (byte) => String.fromCharCode(byte)).join('');
  const named = /<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9_-]+)["']/
    .exec(head)?.[1]
    ?.toLowerCase()
    .replace(/^utf8$/, 'utf-8');
  return SAMPLE_ENCODINGS.find((encoding) => encoding === named);
}

/** Bytes to base64 without a call stack per byte (files up to the bridge's 500 KB). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return btoa(binary);
}

/** An uploaded file as the form holds it: its bytes, and its text in the encoding it declares or the one chosen. */
export function formWithFile(
  form: PlaygroundForm,
  name: string,
  bytes: Uint8Array,
  decode: (bytes: Uint8Array, encoding: SampleEncoding) => string,
): PlaygroundForm {
  const format = formatOfFileName(name);
  const encoding = (format === 'xml' ? declaredEncoding(bytes) : undefined) ?? form.encoding;
  const text = decode(bytes, encoding);
  return { ...form, format, encoding, sampleText: text, file: { base64: toBase64(bytes), shownAs: text, name } };
}

/** The mapped records as the page shows them: one record as itself, several as a list. */
export function prettyOutput(result: PlaygroundResultView): string {
  return JSON.stringify(result.records.length === 1 ? result.records[0] : result.records, null, 2);
}

export interface ProblemRow {
  key: string;
  stage: string;
  record: string;
  path: string;
  rule: string;
  message: string;
}

/** The problems as table rows: where (record, path, rule) and what, in Chinese. */
export function problemRows(problems: readonly PlaygroundProblemView[]): ProblemRow[] {
  return problems.map((problem, index) => ({
    key: `${index}`,
    stage: STAGE_LABELS[problem.stage],
    record: problem.record === undefined ? '' : `第${problem.record + 1}条`,
    path: problem.path || '（整个文件）',
    rule: problem.rule ?? '',
    message: problem.message,
  }));
}
