import * as iconv from 'iconv-lite';
import { SHARED_CODE_TABLES } from './code-tables';
import { compileMapping } from './compile-mapping';
import { deriveReverse, type NotInvertibleField } from './derive-reverse';
import { declaredXmlEncoding, decodeRecordFile, type FileEncoding, type FileFormat, type FileLayout } from './formats';
import { MappingSpecError, type CodeTable } from './mapping-spec';
import { parseMappingSpec } from './parse-spec';

export const SAMPLE_FORMATS = ['json', 'xml', 'csv'] as const;
export type SampleFormat = (typeof SAMPLE_FORMATS)[number];

/** A department sample and the spec to try on it: what the mapping CLI and the bridge's playground both take. */
export interface SampleToMap {
  /** The sample's bytes, as the department system sends them. */
  sample: Buffer;
  format: SampleFormat;
  /** XML and CSV: the file's encoding (default: what an XML declaration says, else UTF-8). JSON is read as UTF-8 unless told. */
  encoding?: FileEncoding;
  /** XML: the root element (checked). */
  xmlRoot?: string;
  /** XML: one record per child element of this name. */
  xmlRecord?: string;
  /** XML: element paths that are lists even when they occur once. */
  xmlArrays?: readonly string[];
  /** The spec in YAML or JSON, as in the adapters file. */
  specText: string;
  /** Map with the reverse derived from the spec. */
  reverse?: boolean;
  /** Defaults to the shared tables (GB/T 2261.1, GB/T 2260 聊城市, 证件类型). */
  codeTables?: readonly CodeTable[];
}

/**
 * One thing wrong, by path: in the spec (`fields[3].codeTable`), in the sample file (the field
 * the decoder names) or in a record (`GDXX[1].RJCZRQ → shareholders[1].contributionDueOn`).
 */
export interface SampleProblem {
  stage: 'spec' | 'sample' | 'mapping';
  /** The record (CSV row, XML record element) at fault when the sample held several. */
  record?: number;
  /** Where, as one text: the spec path, the file's field, or `source → target`. */
  path: string;
  source?: string;
  target?: string;
  /** The failing part of the spec (`fields[30].codeTable`) for a mapping error. */
  rule?: string;
  code: string;
  message: string;
}

export type SampleOutcome =
  | { ok: true; records: Array<Record<string, unknown>>; encoding: FileEncoding; notInverted: NotInvertibleField[] }
  | { ok: false; problems: SampleProblem[]; encoding: FileEncoding; notInverted: NotInvertibleField[]; specName?: string };

/**
 * Reads a department sample through the bridge's file codec (or as JSON), maps every record it
 * holds with the spec (or its reverse), and answers the mapped records or every problem by path.
 * The one engine of the mapping CLI and of the bridge's mapping playground.
 */
export function mapSample(input: SampleToMap): SampleOutcome {
  const codeTables = input.codeTables ?? SHARED_CODE_TABLES;
  const encoding = input.encoding ?? (input.format === 'xml' ? declaredXmlEncoding(input.sample) : undefined) ?? 'utf-8';
  const failed = (problems: SampleProblem[], notInverted: NotInvertibleField[] = [], specName?: string): SampleOutcome => ({
    ok: false,
    problems,
    encoding,
    notInverted,
    ...(specName ? { specName } : {}),
  });

  const read = readRecords(input, encoding);
  if (!read.ok) return failed([{ ...read.problem, message: shortened(read.problem.message) }]);

  let notInverted: NotInvertibleField[] = [];
  try {
    let spec = parseMappingSpec(input.specText, { codeTables });
    if (input.reverse) {
      const derived = deriveReverse(spec, { codeTables });
      notInverted = derived.report.notInvertible;
      spec = derived.spec;
    }
    const mapping = compileMapping(spec, { codeTables });
    const problems: SampleProblem[] = [];
    const records: Array<Record<string, unknown>> = [];
    read.records.forEach((record, index) => {
      const result = mapping.map(record);
      if (result.ok) {
        records.push(result.value);
        return;
      }
      for (const error of result.errors) {
        const where = [error.path.source, error.path.target].filter((part) => part !== undefined && part !== '').join(' → ');
        problems.push({
          stage: 'mapping',
          ...(read.records.length > 1 ? { record: index } : {}),
          path: where || '(record)',
          ...(error.path.source !== undefined ? { source: error.path.source } : {}),
          ...(error.path.target !== undefined ? { target: error.path.target } : {}),
          rule: error.rule,
          code: error.code,
          message: error.message,
        });
      }
    });
    return problems.length > 0 ? failed(problems, notInverted) : { ok: true, records, encoding, notInverted };
  } catch (error) {
    if (!(error instanceof MappingSpecError)) throw error;
    return failed(
      error.problems.map((problem) => ({ stage: 'spec', path: problem.path, code: 'invalid_spec', message: shortened(problem.message) })),
      notInverted,
      error.specName,
    );
  }
}

function readRecords(input: SampleToMap, encoding: FileEncoding): { ok: true; records: unknown[] } | { ok: false; problem: SampleProblem } {
  if (input.format === 'json') {
    const text =
      encoding === 'utf-8' ? input.sample.toString('utf8') : iconv.decode(input.sample, encoding === 'gb2312' ? 'gbk' : encoding);
    try {
      return { ok: true, records: [JSON.parse(text.replace(/^\uFEFF/, ''))] };
    } catch (error) {
      return {
        ok: false,
        problem: { stage: 'sample', path: '', code: 'syntax_error', message: `JSON 格式错误：${(error as Error).message}` },
      };
    }
  }
  const layout: FileLayout = {
    format: input.format satisfies FileFormat,
    encoding,
    ...(input.xmlRoot ? { xmlRoot: input.xmlRoot } : {}),
    ...(input.xmlRecord ? { xmlRecord: input.xmlRecord } : {}),
    ...(input.xmlArrays && input.xmlArrays.length > 0 ? { xmlArrays: [...input.xmlArrays] } : {}),
  };
  const { decoded } = decodeRecordFile(input.sample, layout);
  if (!decoded.ok)
    return { ok: false, problem: { stage: 'sample', path: decoded.field ?? '', code: decoded.code, message: decoded.message } };
  return { ok: true, records: decoded.records };
}

/** A parser's message can quote the whole of a hostile file: kept to what a person reads. */
const MAX_MESSAGE = 500;
function shortened(message: string): string {
  return message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message;
}
