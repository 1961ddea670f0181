import * as iconv from 'iconv-lite';
import { mapSample } from './map-sample';
import { enterpriseRegistrationSample, enterpriseRegistrationSpecText } from './testing';

// JSON is YAML: a spec written as the adapters file's JSON form.
const resultSpec = JSON.stringify({
  name: 'zjj-result',
  version: '1',
  direction: { source: 'DCF-ZJJ 施工许可系统', target: 'onewindow' },
  codeTables: [
    {
      name: '办理结果',
      version: '1',
      entries: [
        { code: '1', label: 'approved' },
        { code: '2', label: 'refused' },
      ],
    },
  ],
  fields: [
    { target: 'applicationNumber', from: 'SLBH' },
    { target: 'outcome', from: 'BLJG', codeTable: '办理结果' },
  ],
});

describe('mapSample', () => {
  it('answers every mapping error of a record with its source and target path', () => {
    const sample = enterpriseRegistrationSample();
    sample.FDDBR.XB = '7';
    const outcome = mapSample({ sample: Buffer.from(JSON.stringify(sample)), format: 'json', specText: enterpriseRegistrationSpecText() });
    expect(outcome).toMatchObject({
      ok: false,
      problems: [
        {
          stage: 'mapping',
          path: 'FDDBR.XB → legalRepresentative.sexName',
          source: 'FDDBR.XB',
          rule: 'fields[30].codeTable',
          code: 'code_unmapped',
        },
      ],
    });
  });

  it('reads a GBK XML sample in the encoding its declaration names', () => {
    const xml = iconv.encode(
      '<?xml version="1.0" encoding="GBK"?>\n<SGXK_JG><SLBH>YC20260305000123</SLBH><BLJG>1</BLJG></SGXK_JG>\n',
      'gbk',
    );
    expect(mapSample({ sample: xml, format: 'xml', xmlRoot: 'SGXK_JG', specText: resultSpec })).toEqual({
      ok: true,
      encoding: 'gbk',
      notInverted: [],
      records: [{ applicationNumber: 'YC20260305000123', outcome: 'approved' }],
    });
  });

  it('names the row of each error in a CSV sample, and the spec path of each spec problem', () => {
    const csv = Buffer.from('SLBH,BLJG\r\nA1,1\r\nA2,9\r\n');
    expect(mapSample({ sample: csv, format: 'csv', specText: resultSpec })).toMatchObject({
      ok: false,
      problems: [{ record: 1, path: 'BLJG → outcome', code: 'code_unmapped' }],
    });
    const spec = mapSample({ sample: csv, format: 'csv', specText: resultSpec.replace('"codeTable":"办理结果"', '"codeTable":"没有"') });
    expect(spec).toMatchObject({ ok: false, problems: [{ stage: 'spec', path: 'fields[1].codeTable' }] });
  });

  it('refuses a sample that is not in the encoding said, and malformed JSON, in Chinese', () => {
    const utf8 = Buffer.from('<SGXK_JG><SLBH>东昌府</SLBH><BLJG>1</BLJG></SGXK_JG>');
    expect(mapSample({ sample: utf8, format: 'xml', encoding: 'gbk', specText: resultSpec })).toMatchObject({
      ok: false,
      problems: [{ stage: 'sample', path: 'SLBH', code: 'wrong_encoding' }],
    });
    expect(mapSample({ sample: Buffer.from('{'), format: 'json', specText: resultSpec })).toMatchObject({
      ok: false,
      problems: [{ stage: 'sample', message: expect.stringContaining('JSON 格式错误') }],
    });
  });

  it('refuses a spec nested too deep before parsing it: compact block sequences exhausted the process', () => {
    for (const specText of [
      '- '.repeat(50_000) + 'x',
      `fields: ${'['.repeat(5_000)}${']'.repeat(5_000)}`,
      `a: [x'y, ${'['.repeat(100)}${']'.repeat(100)}]`,
    ]) {
      expect(mapSample({ sample: Buffer.from('{}'), format: 'json', specText })).toMatchObject({
        ok: false,
        problems: [{ stage: 'spec', message: expect.stringMatching(/^YAML 格式错误：第1行.*(嵌套|缩进)/) }],
      });
    }
  });

  it('keeps a parser message quoting a hostile file short', () => {
    const outcome = mapSample({ sample: Buffer.from('<a>'.repeat(20_000)), format: 'xml', specText: resultSpec });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.problems[0]!.message.length).toBeLessThanOrEqual(501);
  });
});
