import * as iconv from 'iconv-lite';
import { parseCsv, writeCsv } from './csv-codec';
import { decodeFile, encodeFile, type FileLayout } from './file-format';
import { parseXml, writeXml } from './xml-codec';

const gbkXml: FileLayout = { format: 'xml', encoding: 'gbk', xmlRoot: 'WSXK_JG' };
const result = { JGBH: 'WJW-WSXK-2026-0087', SPJL: '准予许可', XKZH: '鲁卫公证字〔2026〕第371502-0087号' };

describe('department file formats', () => {
  it('writes and reads GBK XML with Chinese text, entities and the declared encoding', () => {
    const bytes = encodeFile([{ ...result, BZ: 'A&B <备注>' }], gbkXml);
    expect(bytes.subarray(0, 38).toString('latin1')).toBe('<?xml version="1.0" encoding="GBK"?>\n<');
    expect(iconv.decode(bytes, 'gbk')).toContain('<BZ>A&amp;B &lt;备注&gt;</BZ>');
    expect(decodeFile(bytes, gbkXml).decoded).toEqual({ ok: true, records: [{ ...result, BZ: 'A&B <备注>' }] });
  });

  it('reads repeated elements as a list, and a list of one where the layout says so', () => {
    expect(parseXml('<R><GD><MC>甲</MC></GD><GD><MC>乙</MC></GD></R>').value).toEqual({ GD: [{ MC: '甲' }, { MC: '乙' }] });
    const one = decodeFile(Buffer.from('<R><GD><MC>甲</MC></GD></R>'), { format: 'xml', encoding: 'utf-8', xmlArrays: ['GD'] });
    expect(one.decoded).toEqual({ ok: true, records: [{ GD: [{ MC: '甲' }] }] });
  });

  it('reads one record per element when the file carries several', () => {
    const text = writeXml('JGLB', { JG: [{ JGBH: '1' }, { JGBH: '2' }] }, 'utf-8');
    expect(decodeFile(Buffer.from(text), { format: 'xml', encoding: 'utf-8', xmlRecord: 'JG' }).decoded).toEqual({ ok: true, records: [{ JGBH: '1' }, { JGBH: '2' }] });
  });

  it('refuses a UTF-8 file on a GBK adapter, naming the first field where it shows', () => {
    const utf8 = Buffer.from(writeXml('WSXK_JG', result, 'utf-8'), 'utf8');
    expect(decodeFile(utf8, gbkXml).decoded).toMatchObject({ ok: false, code: 'wrong_encoding', field: 'SPJL', message: expect.stringContaining('UTF-8') });
  });

  it('refuses a GBK file on a UTF-8 adapter, naming the field', () => {
    const gbk = iconv.encode(['JGBH,SPJL', 'WJW-1,准予许可', ''].join('\r\n'), 'gbk');
    expect(decodeFile(gbk, { format: 'csv', encoding: 'utf-8' }).decoded).toMatchObject({ ok: false, code: 'wrong_encoding', field: 'SPJL' });
  });

  it('refuses a broken file with the syntax problem, not a crash', () => {
    expect(decodeFile(Buffer.from('<WSXK_JG><JGBH>1</JGBH>'), { format: 'xml', encoding: 'utf-8' }).decoded).toMatchObject({ ok: false, code: 'syntax_error' });
    expect(decodeFile(Buffer.from('<OTHER/>'), gbkXml).decoded).toMatchObject({ ok: false, code: 'unexpected_root' });
    expect(decodeFile(Buffer.from('A,B\r\n"1,2'), { format: 'csv', encoding: 'utf-8' }).decoded).toMatchObject({ ok: false, code: 'syntax_error' });
  });

  it('writes and reads CSV with quotes, commas and line breaks in values (RFC 4180), in GBK', () => {
    const rows = [{ DWMC: '聊城市"水城"餐饮, 有限公司', BZ: '第一行\r\n第二行' }, { DWMC: '东昌府区', BZ: '' }];
    const bytes = encodeFile(rows, { format: 'csv', encoding: 'gbk' });
    expect(decodeFile(bytes, { format: 'csv', encoding: 'gbk' }).decoded).toEqual({ ok: true, records: rows });
    expect(writeCsv([{ A: 1, B: null }])).toBe('A,B\r\n1,\r\n');
    expect(() => parseCsv('A,B\r\n1\r\n')).toThrow('第 2 行有 1 列，表头有 2 列');
  });
});
