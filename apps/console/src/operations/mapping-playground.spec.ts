import { describe, expect, it } from 'vitest';
import {
  declaredEncoding,
  emptyPlaygroundForm,
  formOfExample,
  formWithFile,
  playgroundRequest,
  prettyOutput,
  problemRows,
  toBase64,
} from './mapping-playground';

const example = {
  id: 'wjw-result',
  title: '卫健委卫生许可系统 · 结果文件（XML，GBK）',
  format: 'xml' as const,
  encoding: 'gbk' as const,
  xmlRoot: 'WSXK_JG',
  xmlArrays: ['A.B', 'C.D'],
  sampleText: '<WSXK_JG><SPJL>准予许可</SPJL></WSXK_JG>',
  sampleBase64: 'PFdTWEtfSkc+',
  specText: 'name: x',
};

describe('the mapping playground form', () => {
  it("sends an example's exact bytes while its text is unchanged", () => {
    expect(playgroundRequest(formOfExample(example))).toEqual({
      sampleBase64: 'PFdTWEtfSkc+',
      format: 'xml',
      encoding: 'gbk',
      xmlRoot: 'WSXK_JG',
      xmlArrays: ['A.B', 'C.D'],
      specText: 'name: x',
    });
  });

  it('sends the typed text once the sample is edited, with the chosen encoding', () => {
    const form = { ...formOfExample(example), sampleText: '<WSXK_JG><SPJL>暂缓</SPJL></WSXK_JG>' };
    expect(playgroundRequest(form)).toMatchObject({ sampleText: '<WSXK_JG><SPJL>暂缓</SPJL></WSXK_JG>', encoding: 'gbk' });
    expect(playgroundRequest(form)).not.toHaveProperty('sampleBase64');
  });

  it('leaves the XML options out for JSON and CSV samples, and sends code tables and reverse only when given', () => {
    const form = {
      ...emptyPlaygroundForm(),
      format: 'csv' as const,
      xmlRoot: 'X',
      xmlArrays: 'A',
      sampleText: 'a,b',
      specText: 's',
      codeTablesText: '  ',
      reverse: false,
    };
    expect(playgroundRequest(form)).toEqual({ sampleText: 'a,b', format: 'csv', encoding: 'utf-8', specText: 's' });
    expect(playgroundRequest({ ...form, codeTablesText: '- {}', reverse: true })).toMatchObject({ codeTablesText: '- {}', reverse: true });
  });

  it('takes an uploaded XML file in the encoding its declaration names, keeping its bytes', () => {
    const bytes = new TextEncoder().encode('<?xml version="1.0" encoding="GBK"?><A/>');
    const seen: string[] = [];
    const form = formWithFile(emptyPlaygroundForm(), 'result.XML', bytes, (_bytes, encoding) => {
      seen.push(encoding);
      return 'decoded';
    });
    expect(seen).toEqual(['gbk']);
    expect(form).toMatchObject({
      format: 'xml',
      encoding: 'gbk',
      sampleText: 'decoded',
      file: { name: 'result.XML', shownAs: 'decoded', base64: toBase64(bytes) },
    });
    expect(playgroundRequest(form)).toMatchObject({ sampleBase64: btoa('<?xml version="1.0" encoding="GBK"?><A/>') });
    expect(declaredEncoding(new TextEncoder().encode('<?xml version="1.0" encoding="big5"?>'))).toBeUndefined();
  });
});

describe("the bridge's answer", () => {
  it('shows one record as itself and several as a list', () => {
    expect(prettyOutput({ ok: true, records: [{ a: 1 }], problems: [], encoding: 'utf-8', notInverted: [] })).toBe('{\n  "a": 1\n}');
    expect(
      JSON.parse(prettyOutput({ ok: true, records: [{ a: 1 }, { a: 2 }], problems: [], encoding: 'utf-8', notInverted: [] })),
    ).toHaveLength(2);
  });

  it('lists every problem with where it is, in Chinese', () => {
    expect(
      problemRows([
        {
          stage: 'mapping',
          record: 1,
          path: 'SPJL → outcome',
          rule: 'fields[2].codeTable',
          code: 'code_unmapped',
          message: '审批结论代码"暂缓"不在代码表中',
        },
        { stage: 'sample', path: '', code: 'syntax_error', message: 'JSON 格式错误' },
      ]),
    ).toEqual([
      {
        key: '0',
        stage: '字段映射',
        record: '第2条',
        path: 'SPJL → outcome',
        rule: 'fields[2].codeTable',
        message: '审批结论代码"暂缓"不在代码表中',
      },
      { key: '1', stage: '样例文件', record: '', path: '（整个文件）', rule: '', message: 'JSON 格式错误' },
    ]);
  });
});
