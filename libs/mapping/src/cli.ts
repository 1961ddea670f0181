import { readFileSync } from 'node:fs';
import { SHARED_CODE_TABLES } from './code-tables';
import { compileMapping } from './compile-mapping';
import { deriveReverse } from './derive-reverse';
import { MappingSpecError, type CodeTable } from './mapping-spec';
import { parseMappingSpec } from './parse-spec';

export interface MappingCliIo {
  readFile(path: string): string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Defaults to the shared tables (GB/T 2261.1, GB/T 2260 聊城市, 证件类型). */
  codeTables?: readonly CodeTable[];
}

const USAGE = `usage: node -r ./tools/scripts/register-ts.cjs libs/mapping/src/cli.ts <spec.yaml> <sample.json> [--reverse]
Maps the sample with the spec (or with the reverse derived from it) and prints the result as JSON.
Exit codes: 0 mapped, 1 spec or mapping errors (each printed with its path), 64 usage.`;

/**
 * Tries a spec on a sample record: prints the mapped JSON on stdout, or every error by path on
 * stderr. With --reverse the derived reverse spec maps the sample, after the fields that could
 * not be inverted are listed.
 */
export function runMappingCli(argv: readonly string[], io: MappingCliIo): number {
  const flags = argv.filter((arg) => arg.startsWith('--'));
  const files = argv.filter((arg) => !arg.startsWith('--'));
  const unknown = flags.filter((flag) => flag !== '--reverse');
  if (files.length !== 2 || unknown.length > 0 || flags.includes('--help')) {
    io.stderr(`${unknown.length > 0 ? `unknown option ${unknown.join(', ')}\n` : ''}${USAGE}\n`);
    return 64;
  }
  const [specFile, sampleFile] = files as [string, string];
  const codeTables = io.codeTables ?? SHARED_CODE_TABLES;
  let specText: string;
  let sample: unknown;
  try {
    specText = io.readFile(specFile);
    sample = JSON.parse(io.readFile(sampleFile));
  } catch (error) {
    io.stderr(`${(error as Error).message}\n`);
    return 1;
  }
  try {
    let spec = parseMappingSpec(specText, { codeTables });
    if (flags.includes('--reverse')) {
      const derived = deriveReverse(spec, { codeTables });
      for (const field of derived.report.notInvertible) {
        io.stderr(`not inverted ${field.field} (${field.target}): ${field.reason}: ${field.message}\n`);
      }
      spec = derived.spec;
    }
    const result = compileMapping(spec, { codeTables }).map(sample);
    if (!result.ok) {
      for (const error of result.errors) {
        const where = [error.path.source, error.path.target].filter((part) => part !== undefined && part !== '').join(' → ');
        io.stderr(`${where || '(record)'}  [${error.code}] ${error.message}  (${error.rule})\n`);
      }
      return 1;
    }
    io.stdout(`${JSON.stringify(result.value, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof MappingSpecError) {
      io.stderr(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

if (require.main === module) {
  process.exitCode = runMappingCli(process.argv.slice(2), {
    readFile: (path) => readFileSync(path, 'utf8'),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
