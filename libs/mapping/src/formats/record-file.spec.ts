import * as iconv from 'iconv-lite';
import { parseCsv, writeCsv } from './csv';
import { declaredXmlEncoding, decodeRecordFile, encodeRecordFile, RecordFileError, type FileLayout } from './record-file';
import { parseXml, writeXml } from './xml';

const gbkXml: FileLayout = { format: 'xml', encoding: 'gbk', xmlRoot: 'WSXK_JG' };
const result = { JGBH: 'WJW-WSXK-2026-0087', SPJL: '准予许可', XKZH: '鲁卫公证字〔2026〕第371502-0087号' };

describe('department file formats', () => {
  it('writes and reads GBK XML with Chinese text, entities and the declared encoding', () => {
    const bytes = encodeRecordFile([{ ...result, BZ: 'A&B <备注>' }], gbkXml);
    expect(bytes.subarray(0, 38).toString('latin1')).toBe('<?xml version="1.0" encoding="GBK"?>\n<');
    expect(iconv.decode(bytes, 'gbk')).toContain('<BZ>A&amp;B &lt;备注&gt;</BZ>');
    expect(decodeRecordFile(bytes, gbkXml).decoded).toEqual({ ok: true, records: [{ ...result, BZ: 'A&B <备注>' }] });
  });

  it('reads repeated elements as a list, and a list of one where the layout says so', () => {
    expect(parseXml('<R><GD><MC>甲</MC></GD><GD><MC>乙</MC></GD></R>').value).toEqual({ GD: [{ MC: '甲' }, { MC: '乙' }] });
    const one = decodeRecordFile(Buffer.from('<R><GD><MC>甲</MC></GD></R>'), { format: 'xml', encoding: 'utf-8', xmlArrays: ['GD'] });
    expect(one.decoded).toEqual({ ok: true, records: [{ GD: [{ MC: '甲' }] }] });
  });

  it('reads one record per element when the file carries several', () => {
    const text = writeXml('JGLB', { JG: [{ JGBH: '1' }, { JGBH: '2' }] }, 'utf-8');
    expect(decodeRecordFile(Buffer.from(text), { format: 'xml', encoding: 'utf-8', xmlRecord: 'JG' }).decoded).toEqual({
      ok: true,
      records: [{ JGBH: '1' }, { JGBH: '2' }],
    });
  });

  it('refuses a UTF-8 file on a GBK adapter, naming the first field where it shows', () => {
    const utf8 = Buffer.from(writeXml('WSXK_JG', result, 'utf-8'), 'utf8');
    expect(decodeRecordFile(utf8, gbkXml).decoded).toMatchObject({
      ok: false,
      code: 'wrong_encoding',
      field: 'SPJL',
      message: expect.stringContaining('UTF-8'),
    });
  });

  it('refuses a GBK file on a UTF-8 adapter, naming the field', () => {
    const gbk = iconv.encode(['JGBH,SPJL', 'WJW-1,准予许可', ''].join('\r\n'), 'gbk');
    expect(decodeRecordFile(gbk, { format: 'csv', encoding: 'utf-8' }).decoded).toMatchObject({
      ok: false,
      code: 'wrong_encoding',
      field: 'SPJL',
    });
  });

  it('refuses a broken file with the syntax problem, not a crash', () => {
    expect(decodeRecordFile(Buffer.from('<WSXK_JG><JGBH>1</JGBH>'), { format: 'xml', encoding: 'utf-8' }).decoded).toMatchObject({
      ok: false,
      code: 'syntax_error',
    });
    expect(decodeRecordFile(Buffer.from('<OTHER/>'), gbkXml).decoded).toMatchObject({ ok: false, code: 'unexpected_root' });
    expect(decodeRecordFile(Buffer.from('A,B\r\n"1,2'), { format: 'csv', encoding: 'utf-8' }).decoded).toMatchObject({
      ok: false,
      code: 'syntax_error',
    });
  });

  it('names each XML problem in Chinese with its line and column, and reads character references', () => {
    const problem = (text: string) => {
      try {
        parseXml(text);
        return 'parsed';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(problem('<WSXK_JG>\n  <JGBH>1</JGBH>\n')).toBe('元素 <WSXK_JG> 缺少结束标记 </WSXK_JG>（第 1 行第 1 列）');
    expect(problem('<R>\n<A>1</B></R>')).toBe('结束标记 </B> 与开始标记 <A> 不匹配（第 2 行第 5 列）');
    expect(problem('<R><A>1</A></R>多余')).toBe('根元素之后还有内容（第 1 行第 16 列）');
    expect(problem('<R>文本<A>1</A></R>')).toBe('元素 <R> 同时含有文本和子元素');
    expect(problem('<R>&nbsp;</R>')).toBe('未知实体 &nbsp;');
    expect(parseXml('<R><A>&#x4E2D;&#22269;</A><B>a&amp;b</B></R>').value).toEqual({ A: '中国', B: 'a&b' });
  });

  it('refuses a CSV value whose quotes are not doubled, naming the line', () => {
    expect(() => parseCsv('DWMC,BZ\r\n"聊城"水城",1\r\n')).toThrow(
      '引号使用不正确，含逗号、引号或换行的值应整体加引号，值中的引号写两遍（第 2 行）',
    );
    expect(() => parseCsv('DWMC,BZ\r\n"聊城,1\r\n')).toThrow('引号未闭合');
  });

  it('writes and reads CSV with quotes, commas and line breaks in values (RFC 4180), in GBK', () => {
    const rows = [
      { DWMC: '聊城市"水城"餐饮, 有限公司', BZ: '第一行\r\n第二行' },
      { DWMC: '东昌府区', BZ: '' },
    ];
    const bytes = encodeRecordFile(rows, { format: 'csv', encoding: 'gbk' });
    expect(decodeRecordFile(bytes, { format: 'csv', encoding: 'gbk' }).decoded).toEqual({ ok: true, records: rows });
    expect(writeCsv([{ A: 1, B: null }])).toBe('A,B\r\n1,\r\n');
    expect(() => parseCsv('A,B\r\n1\r\n')).toThrow('第 2 行有 1 列，表头有 2 列');
  });

  it('writes and reads GB18030, which holds every character, including those GBK lacks', () => {
    const rare = { XMMC: '𠮷野家聊城店装修工程', FR: '王䶮' };
    const layout: FileLayout = { format: 'xml', encoding: 'gb18030', xmlRoot: 'SGXK' };
    const bytes = encodeRecordFile([rare], layout);
    expect(bytes.subarray(0, 41).toString('latin1')).toBe('<?xml version="1.0" encoding="GB18030"?>\n');
    expect(decodeRecordFile(bytes, layout).decoded).toEqual({ ok: true, records: [rare] });
    expect(declaredXmlEncoding(bytes)).toBe('gb18030');
  });

  it('refuses to write a character the encoding lacks, naming the field, instead of writing "?"', () => {
    const write = (records: Array<Record<string, unknown>>, encoding: FileLayout['encoding']) => {
      try {
        encodeRecordFile(records, { format: 'csv', encoding });
        return undefined;
      } catch (error) {
        return error instanceof RecordFileError ? [error.code, error.field, error.message] : error;
      }
    };
    expect(write([{ XMMC: '聊城市人民医院', FR: '王䶮' }], 'gbk')).toBeUndefined();
    expect(write([{ XMMC: '聊城市人民医院' }, { XMMC: '𠮷野家聊城店' }], 'gbk')).toEqual([
      'unencodable_character',
      '[1].XMMC',
      '字段 [1].XMMC 含有 GBK 编码无法表示的字符“𠮷”',
    ]);
    // 喆 is in GBK but not in GB2312 (1980).
    expect(write([{ XMMC: '聊城市建设工程', FR: '张喆' }], 'gb2312')).toEqual([
      'unencodable_character',
      'FR',
      '字段 FR 含有 GB2312 编码无法表示的字符“喆”',
    ]);
    expect(write([{ XMMC: '聊城市建设工程', FR: '张三' }], 'gb2312')).toBeUndefined();
    expect(write([{ XM: { MC: '嵌套' } }], 'utf-8')).toEqual(['nested_value', 'XM', '字段“XM”是嵌套结构，CSV 只能写平面字段']);
  });

  it('reads a GB2312 file holding GBK characters, as the systems that write them mean it', () => {
    const bytes = iconv.encode('FR,XMMC\r\n张喆,施工\r\n', 'gbk');
    expect(decodeRecordFile(bytes, { format: 'csv', encoding: 'gb2312' }).decoded).toEqual({
      ok: true,
      records: [{ FR: '张喆', XMMC: '施工' }],
    });
  });

  it('tells a UTF-8 file from a GB18030 one in both directions', () => {
    const utf8 = Buffer.from('A\r\n施工\r\n', 'utf8');
    expect(decodeRecordFile(utf8, { format: 'csv', encoding: 'gb18030' }).decoded).toMatchObject({
      ok: false,
      code: 'wrong_encoding',
      message: expect.stringContaining('GB18030'),
    });
    expect(decodeRecordFile(iconv.encode('A\r\n施工\r\n', 'gb18030'), { format: 'csv', encoding: 'utf-8' }).decoded).toMatchObject({
      ok: false,
      code: 'wrong_encoding',
      field: 'A',
    });
  });

  it('reads the encoding an XML declaration names', () => {
    expect(declaredXmlEncoding(Buffer.from('<?xml version="1.0" encoding="GBK"?><A/>'))).toBe('gbk');
    expect(declaredXmlEncoding(Buffer.from("<?xml version='1.0' encoding='utf8'?><A/>"))).toBe('utf-8');
    expect(declaredXmlEncoding(Buffer.from('<A/>'))).toBeUndefined();
    expect(declaredXmlEncoding(Buffer.from('<?xml version="1.0" encoding="Big5"?><A/>'))).toBeUndefined();
  });
});
