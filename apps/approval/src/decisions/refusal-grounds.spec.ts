import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acceptedBasesFor, readRefusalLegalBases, refusalProblems } from './refusal-grounds';

const reason = '经现场核查，经营场所与申请材料不符，不具备许可条件';

function codes(legalBasis: string, accepted: string[] = [], why = reason): string[] {
  return refusalProblems({ reason: why, legalBasis }, accepted).map((problem) => `${problem.path}:${problem.code}`);
}

describe('the grounds of a refusal (不予许可)', () => {
  it('accepts a basis that cites a law or regulation by name and article', () => {
    for (const basis of [
      '《中华人民共和国行政许可法》第三十八条',
      '《城镇排水与污水处理条例》第21条第二款',
      '依据《食品经营许可和备案管理办法》第十条、第十二条',
      '《中华人民共和国行政许可法》第三十八条第二款，《城镇排水与污水处理条例》第二十一条',
    ]) {
      expect(codes(basis)).toEqual([]);
    }
  });

  it('refuses a basis that cites nothing: no name in 《》, or no article', () => {
    expect(codes('无')).toEqual(['legalBasis:REFUSAL_LEGAL_BASIS_TOO_SHORT']);
    expect(codes('根据相关法律法规的规定')).toEqual(['legalBasis:REFUSAL_LEGAL_BASIS_NOT_CITED']);
    expect(codes('《城镇排水与污水处理条例》')).toEqual(['legalBasis:REFUSAL_LEGAL_BASIS_NOT_CITED']);
    expect(codes('行政许可法第三十八条')).toEqual(['legalBasis:REFUSAL_LEGAL_BASIS_NOT_CITED']);
    expect(codes('   ')).toEqual(['legalBasis:REFUSAL_LEGAL_BASIS_REQUIRED']);
  });

  it('accepts a basis configured for the item, such as a normative document without articles', () => {
    const document = '《聊城市城镇排水管理办法》（聊政发〔2024〕5号）';
    expect(codes(document)).toEqual(['legalBasis:REFUSAL_LEGAL_BASIS_NOT_CITED']);
    expect(codes(document, [document])).toEqual([]);
  });

  it('asks for a reason of at least ten characters', () => {
    expect(codes('《中华人民共和国行政许可法》第三十八条', [], '不符合条件')).toEqual(['reason:REFUSAL_REASON_TOO_SHORT']);
    expect(codes('《中华人民共和国行政许可法》第三十八条', [], ' ')).toEqual(['reason:REFUSAL_REASON_REQUIRED']);
  });

  it('reads the configured bases per item, with * for every item, and reports a bad file by path', () => {
    const folder = mkdtempSync(join(tmpdir(), 'onewindow-bases-'));
    const good = join(folder, 'bases.yaml');
    writeFileSync(good, "'*':\n  - 《聊城市行政审批服务管理办法》\nDCF-ZJ-XK-011:\n  - 《聊城市城镇排水管理办法》（聊政发〔2024〕5号）\n");
    const { bases, problems } = readRefusalLegalBases(good);
    expect(problems).toEqual([]);
    expect(acceptedBasesFor(bases, 'DCF-ZJ-XK-011')).toEqual([
      '《聊城市行政审批服务管理办法》',
      '《聊城市城镇排水管理办法》（聊政发〔2024〕5号）',
    ]);
    expect(acceptedBasesFor(bases, 'DCF-SCJG-XK-001')).toEqual(['《聊城市行政审批服务管理办法》']);
    const bad = join(folder, 'bad.json');
    writeFileSync(bad, JSON.stringify({ 'DCF-ZJ-XK-011': '无', 'DCF-SCJG-XK-001': ['无'] }));
    expect(readRefusalLegalBases(bad).problems).toHaveLength(2);
    expect(readRefusalLegalBases(join(folder, 'missing.yaml')).problems).toEqual([expect.stringContaining('cannot be read')]);
  });
});
