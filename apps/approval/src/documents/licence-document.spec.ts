import { maskResidentId } from '@onewindow/domain';
import { readableText } from '@onewindow/testing';
import { buildLicenceDocument, renderLicenceHtml, renderVerificationHtml } from './licence-document';
import { licenceStanding, verificationCode, verificationUrl } from './licence-verification';

const licence = {
  number: 'DCF-ZJJ-2026-000007',
  itemName: '建筑工程施工许可证核发',
  scope: '聊城市东昌府区柳园街道运河文化广场二期工程，建筑面积12000平方米',
  validFrom: '2026-03-10',
  validUntil: null,
  holder: { kind: 'organisation' as const, name: '聊城市东昌府区运河建设工程有限公司', identifier: '91371502MA3C0LRX4K' },
};

describe('the licence (电子证照) a holder shows', () => {
  it('prints the number, holder, scope, validity and a QR code linking to its verification', () => {
    const url = verificationUrl('https://zwfw.dongchangfu.gov.cn/api/approval/', licence.number, 'abc123');
    expect(url).toBe('https://zwfw.dongchangfu.gov.cn/api/approval/public/licences/DCF-ZJJ-2026-000007?code=abc123');
    const document = buildLicenceDocument(licence, '聊城市东昌府区住房和城乡建设局', 'valid', url, maskResidentId);
    const html = renderLicenceHtml(document, '<svg data-qr="yes"></svg>');
    const text = readableText(html);
    expect(text).toContain('行政许可证\n编号：DCF-ZJJ-2026-000007');
    expect(text).toContain('许可事项 建筑工程施工许可证核发');
    expect(text).toContain('编号：DCF-ZJJ-2026-000007');
    expect(text).toContain('持证主体 聊城市东昌府区运河建设工程有限公司');
    expect(text).toContain('许可范围 聊城市东昌府区柳园街道运河文化广场二期工程，建筑面积12000平方米');
    expect(text).toContain('有效期限 2026年3月10日至长期');
    expect(text).toContain('扫码核验证照真伪及状态');
    expect(html).toContain('<svg data-qr="yes">');
  });

  it('says valid, revoked or expired on the public page, without the identifier', () => {
    const revoked = buildLicenceDocument(licence, '聊城市东昌府区住房和城乡建设局', 'revoked', 'https://x/y', maskResidentId);
    const text = readableText(renderVerificationHtml(revoked));
    expect(text).toContain('证照核验结果\n已撤销');
    expect(text).not.toContain('91371502MA3C0LRX4K');
  });

  it('holds from its first day to its last unless revoked', () => {
    const dated = { status: 'valid' as const, validFrom: '2026-03-10', validUntil: '2031-03-09' };
    expect(licenceStanding(dated, '2026-03-09')).toBe('not-yet-valid');
    expect(licenceStanding(dated, '2026-03-10')).toBe('valid');
    expect(licenceStanding(dated, '2031-03-09')).toBe('valid');
    expect(licenceStanding(dated, '2031-03-10')).toBe('expired');
    expect(licenceStanding({ ...dated, status: 'revoked' }, '2026-04-01')).toBe('revoked');
  });

  it('keys its verification code to the licence, so numbers cannot be walked', () => {
    const secret = 'a-secret-of-at-least-thirty-two-characters';
    expect(verificationCode(secret, 'licence-a')).toHaveLength(16);
    expect(verificationCode(secret, 'licence-a')).not.toBe(verificationCode(secret, 'licence-b'));
  });
});
