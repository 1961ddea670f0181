import { maskResidentId } from '@onewindow/domain';
import { readableText } from '@onewindow/testing';
import { buildDecisionDocument, renderDecisionDocumentHtml, type DecidingAuthority, type DecisionFacts } from './decision-document';

const market: DecidingAuthority = {
  name: '聊城市东昌府区市场监督管理局',
  reviewAuthority: '聊城市东昌府区人民政府',
  court: '聊城市东昌府区人民法院',
  address: '聊城市东昌府区柳园南路88号',
  phone: '0635-8456123',
};

function aDecision(overrides: Partial<DecisionFacts> = {}): DecisionFacts {
  return {
    outcome: 'refused',
    decisionNumber: '东市监许不准〔2026〕3号',
    applicationNumber: 'YC20260305000123',
    applicant: { kind: 'organisation', name: '聊城市东昌府区鲁西餐饮有限公司', identifier: '91371502MA3C0LRX4K' },
    itemName: '食品经营许可（新办）',
    acceptedOn: '2026-03-05',
    decidedOn: '2026-03-10',
    reason: '经现场核查，经营场所与有毒、有害场所及其他污染源的距离不符合要求',
    legalBasis: '《中华人民共和国食品安全法》第三十五条、《食品经营许可和备案管理办法》第十二条',
    licence: null,
    ...overrides,
  };
}

describe('decision documents (行政许可决定书), read as the applicant reads them', () => {
  it('refuses with the number, the applicant, the item, the reasons and legal basis, and the remedies with their authority, court and time limits', () => {
    const text = readableText(renderDecisionDocumentHtml(buildDecisionDocument(aDecision(), market, maskResidentId)));
    expect(text).toContain('聊城市东昌府区市场监督管理局\n不予行政许可决定书');
    expect(text).toContain('东市监许不准〔2026〕3号');
    expect(text).toContain('聊城市东昌府区鲁西餐饮有限公司（证件号码：91371502MA3C0LRX4K）：');
    expect(text).toContain('你单位于2026年3月5日提出的“食品经营许可（新办）”申请（申请编号：YC20260305000123），本机关已依法受理。');
    expect(text).toContain('经审查，经现场核查，经营场所与有毒、有害场所及其他污染源的距离不符合要求。');
    expect(text).toContain(
      '根据《中华人民共和国食品安全法》第三十五条、《食品经营许可和备案管理办法》第十二条的规定，本机关决定不予行政许可。',
    );
    expect(text).toContain('可以自收到本决定书之日起六十日内向聊城市东昌府区人民政府申请行政复议');
    expect(text).toContain('也可以自收到本决定书之日起六个月内向聊城市东昌府区人民法院提起行政诉讼');
    expect(text).toContain('《中华人民共和国行政复议法》第二十条、《中华人民共和国行政诉讼法》第四十六条');
    expect(text).toContain('聊城市东昌府区市场监督管理局（印章）\n2026年3月10日');
  });

  it('approves with the licence number, scope and validity', () => {
    const document = buildDecisionDocument(
      aDecision({
        outcome: 'approved',
        decisionNumber: '东市监许准〔2026〕15号',
        reason: null,
        legalBasis: null,
        licence: { number: 'JY13715020260001', scope: '热食类食品制售', validFrom: '2026-03-10', validUntil: '2031-03-09' },
      }),
      market,
      maskResidentId,
    );
    const text = readableText(renderDecisionDocumentHtml(document));
    expect(text).toContain('准予行政许可决定书');
    expect(text).toContain('根据《中华人民共和国行政许可法》第三十四条、第三十八条第一款的规定，本机关决定准予行政许可。');
    expect(text).toContain('证照编号：JY13715020260001；许可范围：热食类食品制售；有效期限：2026年3月10日至2031年3月9日。');
    expect(document.incomplete).toEqual([]);
  });

  it("masks a person's ID number and says what is still to be configured", () => {
    const document = buildDecisionDocument(
      aDecision({ applicant: { kind: 'person', name: '张建国', identifier: '11010519491231002X' } }),
      { ...market, reviewAuthority: null, court: null },
      maskResidentId,
    );
    expect(document.applicantIdentifier).not.toContain('19491231');
    expect(document.paragraphs[0]).toMatch(/^你于/);
    expect(document.remedies).toContain('依法有管辖权的行政复议机关');
    expect(document.incomplete).toEqual(['行政复议机关未配置', '行政诉讼管辖法院未配置']);
  });

  it('escapes what people typed', () => {
    const html = renderDecisionDocumentHtml(buildDecisionDocument(aDecision({ reason: '<script>x</script>' }), market, maskResidentId));
    expect(html).not.toContain('<script>x');
  });
});
