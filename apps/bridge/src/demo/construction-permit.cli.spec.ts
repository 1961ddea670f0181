/**
 * The mapping CLI on the 住建局 system's own files, both directions, as the connection guide runs
 * it: the platform's part to its GBK XML import file byte for byte, its file read back into the
 * form, and its result file read into the platform's result.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { runMappingCli } from '@onewindow/mapping';
import { jsonFixture } from './testing/golden-files';
import { CONSTRUCTION_PERMIT_FILES } from './zjj/construction-permit-system';

const fixtures = join(__dirname, 'testing');

function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runMappingCli(argv, {
    readFile: (path) => readFileSync(path),
    writeFile: (path, bytes) => writeFileSync(path, bytes),
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const tables = ['--code-tables', CONSTRUCTION_PERMIT_FILES.codeTables];

describe('the mapping CLI on the 住建局 GBK XML files', () => {
  it('writes the accepted part as its import file, the exact GBK bytes of the golden file', () => {
    const folder = mkdtempSync(join(tmpdir(), 'zjj-cli-'));
    try {
      const out = join(folder, 'part.xml');
      const args = [
        CONSTRUCTION_PERMIT_FILES.outbound,
        join(fixtures, 'zjj.delivery.json'),
        ...tables,
        '--format',
        'xml',
        '--encoding',
        'gbk',
        '--xml-root',
        'SGXK_SQ',
        '--out',
        out,
      ];
      expect(cli(args)).toEqual({ code: 0, stdout: '', stderr: '' });
      expect(readFileSync(out).equals(readFileSync(join(fixtures, 'zjj.outbound.golden.xml')))).toBe(true);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('reads its import file back into the platform part with --reverse, listing what it cannot invert', () => {
    const result = cli([
      CONSTRUCTION_PERMIT_FILES.outbound,
      join(fixtures, 'zjj.outbound.golden.xml'),
      '--reverse',
      ...tables,
      '--xml-arrays',
      'CLQD.CL,TBLY.LM',
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(jsonFixture('zjj.outbound.reverse.expected.json'));
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringContaining('无法反推 fields[4]（SQXX.SLSJ）：lossy-date-format：'),
      expect.stringContaining('无法反推 fields[6]（SQXX.SJZT）：condition：'),
      expect.stringContaining('无法反推 fields[7]（SQXX.SJZT）：condition：'),
      expect.stringContaining('无法反推 fields[14]（XMXX.JSDD.XZQHMC）：source-already-restored：'),
      expect.stringContaining('无法反推 fields[44]（CLQD.CL[].CLLY）：constant：'),
      expect.stringContaining('无法反推 fields[48]（TBLY.LM[].DQSJ）：lossy-date-format：'),
    ]);
  });

  it("reads its 退回补正 result file (the encoding from its XML declaration) into the platform's terms", () => {
    const result = cli([
      CONSTRUCTION_PERMIT_FILES.result,
      join(fixtures, 'zjj.result.supplement.input.xml'),
      ...tables,
      '--xml-root',
      'SGXK_JG',
      '--xml-arrays',
      'BZCL.CL',
    ]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toEqual(jsonFixture('zjj.result.supplement.expected.json'));
  });

  it('names the field and rule of a result its specs refuse', () => {
    const folder = mkdtempSync(join(tmpdir(), 'zjj-cli-'));
    try {
      const bad = join(folder, 'bad.xml');
      writeFileSync(
        bad,
        readFileSync(join(fixtures, 'zjj.result.approved.input.xml')).toString('latin1').replace('<BLJG>1</BLJG>', '<BLJG>9</BLJG>'),
        'latin1',
      );
      const result = cli([CONSTRUCTION_PERMIT_FILES.result, bad, ...tables]);
      expect(result).toEqual({
        code: 1,
        stdout: '',
        stderr: 'BLJG → outcome  [code_unmapped] 办理结果"9"在代码表 DCF-ZJJ 办理结果 中没有对应的代码  (fields[4].codeTable)\n',
      });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('is the command the connection guide shows', () => {
    const guide = readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'connect-a-department-system.md'), 'utf8');
    expect(guide).toContain(relative(join(__dirname, '..', '..', '..', '..'), CONSTRUCTION_PERMIT_FILES.outbound));
  });
});
