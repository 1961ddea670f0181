import * as iconv from 'iconv-lite';
import {
  mapSample,
  MappingSpecError,
  parseCodeTables,
  SHARED_CODE_TABLES,
  type CodeTable,
  type FileEncoding,
  type SampleFormat,
  type SampleOutcome,
} from '@onewindow/mapping';

/** What the playground page sends: a sample as text or as the file's bytes (base64), and the spec. */
export interface PlaygroundRun {
  sampleText?: string;
  sampleBase64?: string;
  format: SampleFormat;
  encoding?: FileEncoding;
  xmlRoot?: string;
  xmlRecord?: string;
  xmlArrays?: string[];
  specText: string;
  codeTablesText?: string;
  reverse?: boolean;
}

/**
 * Runs the mapping CLI's engine on the playground's request. Text typed on the page is taken as
 * the file's text: it is written in the chosen encoding first, so the same decoding checks apply
 * as to a file the department sends. The department's own code tables join the shared ones.
 */
export function runPlayground(run: PlaygroundRun): SampleOutcome {
  const encoding = run.encoding;
  const sample =
    run.sampleBase64 !== undefined
      ? Buffer.from(run.sampleBase64, 'base64')
      : encoding === undefined || encoding === 'utf-8'
        ? Buffer.from(run.sampleText ?? '', 'utf8')
        : iconv.encode(run.sampleText ?? '', encoding);
  let codeTables: readonly CodeTable[] = SHARED_CODE_TABLES;
  if (run.codeTablesText !== undefined && run.codeTablesText.trim() !== '') {
    try {
      codeTables = [...SHARED_CODE_TABLES, ...parseCodeTables(run.codeTablesText)];
    } catch (error) {
      if (!(error instanceof MappingSpecError)) throw error;
      return {
        ok: false,
        encoding: encoding ?? 'utf-8',
        notInverted: [],
        problems: error.problems.map((problem) => ({
          stage: 'spec',
          path: `codeTables${problem.path.startsWith('[') || problem.path === '' ? '' : '.'}${problem.path}`,
          code: 'invalid_code_tables',
          message: problem.message,
        })),
      };
    }
  }
  return mapSample({
    sample,
    format: run.format,
    ...(encoding ? { encoding } : {}),
    ...(run.xmlRoot ? { xmlRoot: run.xmlRoot } : {}),
    ...(run.xmlRecord ? { xmlRecord: run.xmlRecord } : {}),
    ...(run.xmlArrays ? { xmlArrays: run.xmlArrays } : {}),
    specText: run.specText,
    ...(run.reverse ? { reverse: true } : {}),
    codeTables,
  });
}
