import { aLicenceIssued } from '@onewindow/contracts/testing';
import { verificationDueOn, verifyingDepartment } from './verification-policy';

const MARKET = { code: 'DCF-SCJGJ', name: '东昌府区市场监督管理局' };
const HEALTH = { code: 'DCF-WJW', name: '东昌府区卫生健康委员会' };
const FIRE = { code: 'DCF-XFJY', name: '东昌府区消防救援大队' };

describe('pledge verification', () => {
  it('goes to the issuing department when it supervises, else to the first supervisor, else back to the issuer', () => {
    expect(verifyingDepartment(aLicenceIssued({ issuingDepartment: MARKET, supervisingDepartments: [HEALTH, MARKET] }))).toEqual(MARKET);
    expect(verifyingDepartment(aLicenceIssued({ issuingDepartment: FIRE, supervisingDepartments: [HEALTH, MARKET] }))).toEqual(HEALTH);
    expect(verifyingDepartment(aLicenceIssued({ issuingDepartment: FIRE, supervisingDepartments: [] }))).toEqual(FIRE);
  });

  it("is due the configured calendar days after the licence's date in China", () => {
    // 2026-03-09 20:00 UTC is already 3-10 in China.
    expect(verificationDueOn(new Date('2026-03-09T20:00:00.000Z'), 30)).toBe('2026-04-09');
    expect(verificationDueOn(new Date('2026-03-09T06:00:00.000Z'), 30)).toBe('2026-04-08');
  });
});
