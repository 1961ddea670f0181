import { anAcceptedApplication } from '../testing/application-builder';
import { feeDueFen, issuanceBlockers } from './issuance-rules';

describe('unified issuance (统一出件)', () => {
  it('issues once every department decided, every 容缺 material arrived and the fee is paid', () => {
    const application = anAcceptedApplication({ status: 'decided' }, [{ status: 'approved', feeFen: 20_000 }]);
    expect(issuanceBlockers(application)).toEqual(['应缴费用200.00元尚未缴纳']);
    application.payment = { amountFen: 20_000, method: 'card', receiptNumber: 'FS2026000123', paidAt: '2026-03-10T02:00:00Z', recordedBy: 'clerk-1' };
    expect(issuanceBlockers(application)).toEqual([]);
  });

  it('withholds the result while a material accepted as missing has not arrived', () => {
    const application = anAcceptedApplication({ status: 'decided' }, [
      { status: 'approved', deficiencies: [{ itemCode: 'X', materialCode: 'M03', materialName: '食品安全管理制度文本', dueDate: '2026-03-20', receivedAt: null }] },
    ]);
    expect(issuanceBlockers(application)).toEqual(['容缺材料未补齐（食品安全管理制度文本），办理结果暂不发放']);
  });

  it('waits for every department and never issues twice', () => {
    expect(issuanceBlockers(anAcceptedApplication({ status: 'accepted' }))).toEqual(['尚有部门未作出审批决定']);
    expect(issuanceBlockers(anAcceptedApplication({ status: 'issued' }))).toEqual(['办理结果已发放，不能重复出件']);
  });

  it('charges only the parts that were approved', () => {
    const application = anAcceptedApplication({ status: 'decided' }, [
      { status: 'approved', feeFen: 5_000 },
      { status: 'refused', feeFen: 20_000 },
    ]);
    expect(feeDueFen(application)).toBe(5_000);
  });
});
