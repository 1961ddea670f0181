import * as iconv from 'iconv-lite';
import { runMappingCli, type MappingCliIo } from './cli';
import { enterpriseRegistrationExpected, enterpriseRegistrationSample, enterpriseRegistrationSpecText } from './testing';

function run(argv: string[], files: Record<string, string | Buffer>) {
  const out: string[] = [];
  const err: string[] = [];
  const written = new Map<string, Buffer>();
  const io: MappingCliIo = {
    readFile: (path) => {
      const content = files[path];
      if (content === undefined) throw new Error(`ENOENT: no such file, open '${path}'`);
      return typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    },
    writeFile: (path, bytes) => written.set(path, bytes),
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
  };
  const code = runMappingCli(argv, io);
  return { code, stdout: out.join(''), stderr: err.join(''), written };
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
    expect(result.stderr).toContain('无法反推 fields[6]（status）：many-to-one-code-table');
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
    const result = run(['bad.yaml', 'sample.json'], {
      ...files,
      'bad.yaml': 'name: x\nversion: "1"\ndirection: { source: a, target: b }\nfields:\n  - { target: sex, from: XB, codeTable: sexx }\n',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('映射规则"x"不合规：\n  fields[0].codeTable: 未定义的代码表"sexx"\n');
  });

  it('reports unreadable files and bad JSON and exits 1', () => {
    expect(run(['missing.yaml', 'sample.json'], files)).toMatchObject({ code: 1, stderr: expect.stringContaining('ENOENT') });
    expect(run(['spec.yaml', 'bad.json'], { ...files, 'bad.json': '{' })).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('JSON'),
    });
  });

  it('explains its usage for wrong arguments', () => {
    expect(run([], files)).toMatchObject({ code: 64, stderr: expect.stringContaining('usage:') });
    expect(run(['spec.yaml', 'sample.json', '--reverze'], files)).toMatchObject({
      code: 64,
      stderr: expect.stringContaining('未知的选项 --reverze'),
    });
    expect(run(['spec.yaml', 'sample.json', '--encoding', 'big5'], files)).toMatchObject({
      code: 64,
      stderr: expect.stringContaining('--encoding 必须是 utf-8、gbk、gb18030、gb2312 之一'),
    });
    expect(run(['spec.yaml', 'sample.json', '--out'], files)).toMatchObject({
      code: 64,
      stderr: expect.stringContaining('--out 需要一个值'),
    });
    expect(run(['spec.yaml', 'r.xml', '--format', 'csv'], files)).toMatchObject({
      code: 64,
      stderr: expect.stringContaining('--format 用于把 .json 样例写成部门文件'),
    });
  });
});

describe('mapping CLI on department files', () => {
  // A 住建局-style result: the department writes GBK XML and says so in the declaration.
  const resultSpec = [
    'name: zjj-result',
    'version: "1"',
    'direction: { source: DCF-ZJJ 施工许可系统, target: onewindow }',
    'codeTables:',
    '  - { name: 办理结果, version: "1", entries: [{ code: "1", label: approved }, { code: "2", label: refused }] }',
    'fields:',
    '  - { target: applicationNumber, from: SLBH }',
    '  - { target: outcome, from: BLJG, codeTable: 办理结果 }',
    '  - { target: licence.number, from: SGXKZH, required: false }',
    '  - { target: licence.issuedBy, from: FZJG, required: false }',
    '  - { target: decidedAt, from: BJSJ, date: { from: yyyyMMddHHmmss, to: iso8601, timeZone: Asia/Shanghai } }',
    '',
  ].join('\n');
  const resultXml = iconv.encode(
    '<?xml version="1.0" encoding="GBK"?>\n<SGXK_JG>\n  <SLBH>YC20260305000123</SLBH>\n  <BLJG>1</BLJG>\n  <SGXKZH>371502202603050101</SGXKZH>\n  <FZJG>东昌府区住房和城乡建设局</FZJG>\n  <BJSJ>20260306103000</BJSJ>\n</SGXK_JG>\n',
    'gbk',
  );
  const decided = {
    applicationNumber: 'YC20260305000123',
    outcome: 'approved',
    licence: { number: '371502202603050101', issuedBy: '东昌府区住房和城乡建设局' },
    decidedAt: '2026-03-06T10:30:00+08:00',
  };
  const department = { ...files, 'result.yaml': resultSpec, 'result.xml': resultXml, 'decided.json': JSON.stringify(decided) };

  it('reads a GBK XML file in the encoding its declaration names', () => {
    const result = run(['result.yaml', 'result.xml', '--xml-root', 'SGXK_JG'], department);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toEqual(decided);
  });

  it('writes the reverse as the department file, byte for byte in GBK', () => {
    const result = run(
      ['result.yaml', 'decided.json', '--reverse', '--format', 'xml', '--encoding', 'gbk', '--xml-root', 'SGXK_JG', '--out', 'back.xml'],
      department,
    );
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(result.written.get('back.xml')?.equals(resultXml)).toBe(true);
    const printed = run(
      ['result.yaml', 'decided.json', '--reverse', '--format', 'xml', '--encoding', 'gbk', '--xml-root', 'SGXK_JG'],
      department,
    );
    expect(printed.stdout).toBe(iconv.decode(resultXml, 'gbk'));
  });

  it('refuses a file in another encoding than said, and a wrong root, naming the field', () => {
    const utf8 = Buffer.from(iconv.decode(resultXml, 'gbk'), 'utf8');
    const wrong = run(['result.yaml', 'utf8.xml', '--encoding', 'gbk'], { ...department, 'utf8.xml': utf8 });
    expect(wrong).toMatchObject({
      code: 1,
      stderr: 'utf8.xml: FZJG  [wrong_encoding] 文件是 UTF-8 编码，而该适配器约定为 GBK（字段 FZJG）\n',
    });
    expect(run(['result.yaml', 'result.xml', '--xml-root', 'WSXK_JG'], department)).toMatchObject({
      code: 1,
      stderr: 'result.xml: SGXK_JG  [unexpected_root] 根元素应为 <WSXK_JG>，收到 <SGXK_JG>\n',
    });
  });

  it('maps every row of a CSV file, naming the row of each error', () => {
    const csv = iconv.encode('SLBH,BLJG,BJSJ\r\nYC20260305000123,1,20260306103000\r\nYC20260305000124,7,20260306103000\r\n', 'gb18030');
    const result = run(['result.yaml', 'rows.csv', '--encoding', 'gb18030'], { ...department, 'rows.csv': csv });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('[1] BLJG → outcome  [code_unmapped] 代码"7"不在代码表 办理结果 中  (fields[1].codeTable)\n');
    const good = run(['result.yaml', 'rows.csv', '--encoding', 'gb18030'], {
      ...department,
      'rows.csv': csv.subarray(0, csv.indexOf('YC20260305000124')),
    });
    expect(JSON.parse(good.stdout)).toEqual({
      applicationNumber: 'YC20260305000123',
      outcome: 'approved',
      decidedAt: '2026-03-06T10:30:00+08:00',
    });
  });

  it("takes the department's own code tables from a file, and names their problems", () => {
    const tables = 'name: 办理结果\n';
    const spec = resultSpec.replace(
      'codeTables:\n  - { name: 办理结果, version: "1", entries: [{ code: "1", label: approved }, { code: "2", label: refused }] }',
      'codeTables:\n  - { ref: 办理结果, version: "1" }',
    );
    const good = '- { name: 办理结果, version: "1", entries: [{ code: "1", label: approved }, { code: "2", label: refused }] }\n';
    const files = { ...department, 'ref.yaml': spec, 'tables.yaml': good, 'bad-tables.yaml': tables };
    expect(JSON.parse(run(['ref.yaml', 'result.xml', '--code-tables', 'tables.yaml'], files).stdout)).toEqual(decided);
    expect(run(['ref.yaml', 'result.xml', '--code-tables', 'bad-tables.yaml'], files)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('必须是代码表列表'),
    });
    expect(run(['ref.yaml', 'result.xml'], files)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('未定义的共享代码表"办理结果"'),
    });
  });

  it('names the field holding a character the encoding lacks', () => {
    const name = JSON.stringify({ ...decided, licence: { number: '鲁建𠮷字第1号', issuedBy: '东昌府区住房和城乡建设局' } });
    const result = run(['result.yaml', 'name.json', '--reverse', '--format', 'xml', '--encoding', 'gbk'], {
      ...department,
      'name.json': name,
    });
    expect(result).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('SGXKZH  [unencodable_character] 字段 SGXKZH 含有 GBK 编码无法表示的字符“𠮷”'),
    });
  });
});
