import { runMappingCli, type MappingCliIo } from './cli';
import { enterpriseRegistrationExpected, enterpriseRegistrationSample, enterpriseRegistrationSpecText } from './testing';

function run(argv: string[], files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: MappingCliIo = {
    readFile: (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: no such file, open '${path}'`);
      return text;
    },
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
  };
  const code = runMappingCli(argv, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const files = {
  'spec.yaml': enterpriseRegistrationSpecText(),
  'sample.json': JSON.stringify(enterpriseRegistrationSample()),
  'platform.json': JSON.stringify(enterpriseRegistrationExpected()),
};

describe('mapping CLI', () => {
  it('prints the mapped record as JSON', () => {
    const result = run(['spec.yaml', 'sample.json'], files);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(enterpriseRegistrationExpected());
    expect(result.stderr).toBe('');
  });

  it('maps back with --reverse after listing the fields it cannot invert', () => {
    const result = run(['spec.yaml', 'platform.json', '--reverse'], files);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ YWLSH: 'DCF-SCJGJ-2026-000123', QYXX: { ZCZB: 500, CLRQ: '2026年03月05日' } });
    expect(result.stderr).toContain('not inverted fields[6] (status): many-to-one-code-table');
  });

  it('prints every mapping error by path and exits 1', () => {
    const sample = enterpriseRegistrationSample();
    sample.FDDBR.XB = '7';
    sample.GDXX[1] = { ...(sample.GDXX[1] as (typeof sample.GDXX)[number]), RJCZRQ: '2030年02月30日' };
    const result = run(['spec.yaml', 'bad.json'], { ...files, 'bad.json': JSON.stringify(sample) });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([
      'FDDBR.XB → legalRepresentative.sexName  [code_unmapped] 法定代表人性别代码"7"不在代码表 GB/T 2261.1 中  (fields[30].codeTable)',
      'GDXX[1].RJCZRQ → shareholders[1].contributionDueOn  [invalid_date] 认缴出资日期"2030年02月30日"不是格式为 yyyy年MM月dd日 的有效日期  (fields[45].date)',
    ]);
  });

  it('prints the problems of an invalid spec and exits 1', () => {
    const result = run(['bad.yaml', 'sample.json'], { ...files, 'bad.yaml': 'name: x\nversion: "1"\ndirection: { source: a, target: b }\nfields:\n  - { target: sex, from: XB, codeTable: sexx }\n' });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('mapping spec "x" is invalid:\n  fields[0].codeTable: unknown code table "sexx"\n');
  });

  it('reports unreadable files and bad JSON and exits 1', () => {
    expect(run(['missing.yaml', 'sample.json'], files)).toMatchObject({ code: 1, stderr: expect.stringContaining('ENOENT') });
    expect(run(['spec.yaml', 'bad.json'], { ...files, 'bad.json': '{' })).toMatchObject({ code: 1, stderr: expect.stringContaining('JSON') });
  });

  it('explains its usage for wrong arguments', () => {
    expect(run([], files)).toMatchObject({ code: 64, stderr: expect.stringContaining('usage:') });
    expect(run(['spec.yaml', 'sample.json', '--reverze'], files)).toMatchObject({ code: 64, stderr: expect.stringContaining('unknown option --reverze') });
  });
});
