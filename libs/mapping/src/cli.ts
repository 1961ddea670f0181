import { readFileSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import * as iconv from 'iconv-lite';
import { SHARED_CODE_TABLES } from './code-tables';
import {
  encodeRecordFile,
  FILE_ENCODINGS,
  FILE_FORMATS,
  RecordFileError,
  type FileEncoding,
  type FileFormat,
  type FileLayout,
} from './formats';
import { mapSample, type SampleOutcome } from './map-sample';
import { MappingSpecError, type CodeTable } from './mapping-spec';
import { parseCodeTables } from './parse-spec';

export interface MappingCliIo {
  readFile(path: string): Buffer;
  writeFile(path: string, bytes: Buffer): void;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Defaults to the shared tables (GB/T 2261.1, GB/T 2260 聊城市, 证件类型). */
  codeTables?: readonly CodeTable[];
}

const USAGE = `usage: node -r ./tools/scripts/register-ts.cjs libs/mapping/src/cli.ts <spec.yaml> <sample.json|.xml|.csv> [options]
Maps the sample with the spec (or with the reverse derived from it) and prints the result.

  --reverse              map with the reverse derived from the spec (the fields it cannot invert are listed first)
  --encoding ENC         the department file's encoding: ${FILE_ENCODINGS.join(', ')}
                         (default: what an XML declaration says, else utf-8)
  --format xml|csv       write the result as the department's file instead of JSON (for a .json sample)
  --xml-root NAME        XML: the root element (checked on reading, written on writing)
  --xml-record NAME      XML: one record per child element of this name
  --xml-arrays A,B.C     XML: element paths that are lists even when they occur once
  --out FILE             write the exact bytes (in the file's encoding) to FILE instead of printing the text
  --code-tables FILE     the department's own code tables (a YAML/JSON list), besides the shared ones

A .xml or .csv sample is read as the department's file, through the same codec as the bridge's
file transport. Several records (CSV rows, XML record elements) are mapped one by one.
Exit codes: 0 mapped, 1 spec, file or mapping errors (each printed with its path), 64 usage.`;

const VALUE_OPTIONS = ['--encoding', '--format', '--xml-root', '--xml-record', '--xml-arrays', '--out', '--code-tables'] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

interface Arguments {
  specFile: string;
  sampleFile: string;
  reverse: boolean;
  values: Partial<Record<ValueOption, string>>;
}

/**
 * Tries a spec on a sample record: prints the mapped JSON (or the department's file) on stdout,
 * or every error by path on stderr.
 */
export function runMappingCli(argv: readonly string[], io: MappingCliIo): number {
  const parsed = parseArguments(argv);
  if (typeof parsed === 'string') {
    io.stderr(`${parsed ? `${parsed}\n` : ''}${USAGE}\n`);
    return 64;
  }
  let codeTables = io.codeTables ?? SHARED_CODE_TABLES;
  let specText: string;
  let sampleBytes: Buffer;
  try {
    specText = io.readFile(parsed.specFile).toString('utf8');
    sampleBytes = io.readFile(parsed.sampleFile);
    const tablesFile = parsed.values['--code-tables'];
    if (tablesFile) codeTables = [...codeTables, ...parseCodeTables(io.readFile(tablesFile).toString('utf8'))];
  } catch (error) {
    io.stderr(`${(error as Error).message}\n`);
    return 1;
  }
  const sampleFormat = formatOf(parsed.sampleFile);
  const xml = {
    ...(parsed.values['--xml-root'] ? { xmlRoot: parsed.values['--xml-root'] } : {}),
    ...(parsed.values['--xml-record'] ? { xmlRecord: parsed.values['--xml-record'] } : {}),
    ...(parsed.values['--xml-arrays'] ? { xmlArrays: parsed.values['--xml-arrays'].split(',').filter((path) => path !== '') } : {}),
  };
  const outcome = mapSample({
    sample: sampleBytes,
    format: sampleFormat,
    // A .json sample is read as UTF-8; --encoding then says how to write the department's file.
    ...(sampleFormat !== 'json' && parsed.values['--encoding'] ? { encoding: parsed.values['--encoding'] as FileEncoding } : {}),
    ...xml,
    specText,
    reverse: parsed.reverse,
    codeTables,
  });
  for (const field of outcome.notInverted) {
    io.stderr(`无法反推 ${field.field}（${field.target}）：${field.reason}：${field.message}\n`);
  }
  if (!outcome.ok) {
    printProblems(outcome, parsed.sampleFile, io);
    return 1;
  }
  const encoding = (parsed.values['--encoding'] as FileEncoding | undefined) ?? outcome.encoding;
  const layout = (format: FileFormat): FileLayout => ({ format, encoding, ...xml });
  return write(
    outcome.records,
    parsed,
    sampleFormat === 'json' ? (parsed.values['--format'] as FileFormat | undefined) : undefined,
    layout,
    io,
  );
}

/** JSON (an array when the file held several records), or the department's file in its layout. */
function write(
  values: Array<Record<string, unknown>>,
  parsed: Arguments,
  format: FileFormat | undefined,
  layout: (format: FileFormat) => FileLayout,
  io: MappingCliIo,
): number {
  const out = parsed.values['--out'];
  if (!format) {
    const text = `${JSON.stringify(values.length === 1 ? values[0] : values, null, 2)}\n`;
    if (out) io.writeFile(out, Buffer.from(text, 'utf8'));
    else io.stdout(text);
    return 0;
  }
  const fileLayout = layout(format);
  let bytes: Buffer;
  try {
    bytes = encodeRecordFile(values, fileLayout);
  } catch (error) {
    if (!(error instanceof RecordFileError)) throw error;
    io.stderr(`${error.field ? `${error.field}  ` : ''}[${error.code}] ${error.message}\n`);
    return 1;
  }
  if (out) io.writeFile(out, bytes);
  // A terminal shows Unicode: the text is printed decoded; --out keeps the department's bytes.
  else io.stdout(fileLayout.encoding === 'utf-8' ? bytes.toString('utf8') : iconv.decode(bytes, fileLayout.encoding));
  return 0;
}

function printProblems(outcome: Extract<SampleOutcome, { ok: false }>, sampleFile: string, io: MappingCliIo): void {
  const specProblems = outcome.problems.filter((problem) => problem.stage === 'spec');
  if (specProblems.length > 0) {
    io.stderr(`${new MappingSpecError(specProblems, outcome.specName).message}\n`);
    return;
  }
  for (const problem of outcome.problems) {
    if (problem.stage === 'sample') {
      io.stderr(`${sampleFile}: ${problem.path ? `${problem.path}  ` : ''}[${problem.code}] ${problem.message}\n`);
      continue;
    }
    const prefix = problem.record !== undefined ? `[${problem.record}] ` : '';
    io.stderr(`${prefix}${problem.path}  [${problem.code}] ${problem.message}  (${problem.rule})\n`);
  }
}

function parseArguments(argv: readonly string[]): Arguments | string {
  const files: string[] = [];
  const values: Arguments['values'] = {};
  let reverse = false;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] as string;
    if (arg === '--help') return '';
    if (arg === '--reverse') reverse = true;
    else if ((VALUE_OPTIONS as readonly string[]).includes(arg)) {
      const value = argv[index + 1];
      if (value === undefined || value.startsWith('--')) return `${arg} 需要一个值`;
      values[arg as ValueOption] = value;
      index += 1;
    } else if (arg.startsWith('--')) return `未知的选项 ${arg}`;
    else files.push(arg);
  }
  if (files.length !== 2) return '';
  const encoding = values['--encoding'];
  if (encoding !== undefined && !(FILE_ENCODINGS as readonly string[]).includes(encoding.toLowerCase()))
    return `--encoding 必须是 ${FILE_ENCODINGS.join('、')} 之一`;
  if (encoding !== undefined) values['--encoding'] = encoding.toLowerCase();
  const format = values['--format'];
  if (format !== undefined && !(FILE_FORMATS as readonly string[]).includes(format))
    return `--format 必须是 ${FILE_FORMATS.join('、')} 之一`;
  const sample = files[1] as string;
  if (format !== undefined && formatOf(sample) !== 'json')
    return '--format 用于把 .json 样例写成部门文件；.xml 或 .csv 样例本身已按部门文件读取';
  return { specFile: files[0] as string, sampleFile: sample, reverse, values };
}

function formatOf(path: string): 'json' | FileFormat {
  const extension = extname(path).toLowerCase();
  return extension === '.xml' ? 'xml' : extension === '.csv' ? 'csv' : 'json';
}

if (require.main === module) {
  process.exitCode = runMappingCli(process.argv.slice(2), {
    readFile: (path) => readFileSync(path),
    writeFile: (path, bytes) => writeFileSync(path, bytes),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
