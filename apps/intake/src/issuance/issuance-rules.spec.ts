import type { PartRevocation } from '../applications/application-part.entity';
import { anAcceptedApplication } from '../testing/application-builder';
import { feeDueFen, issuanceBlockers } from './issuance-rules';
import { resultDocuments } from './result-documents';

const messages = (application: Parameters<typeof issuanceBlockers>[0]) => issuanceBlockers(application).map((blocker) => blocker.message);

const aRevocation = (overrides: Partial<PartRevocation> = {}): PartRevocation => ({
  licenceNumber: 'JZ371502202600007',
  reason: '住房和城乡建设局提请撤销：告知承诺不实（建设资金未落实）',
  revokedAt: '2026-03-20T02:00:00.000Z',
  revokedBy: '东昌府区住房和城乡建设局',
  ...overrides,
});

describe('unified issuance (统一出件)', () => {
  it('issues once every department decided, every 容缺 material arrived and the fee is paid', () => {
    const application = anAcceptedApplication({ status: 'decided' }, [{ status: 'approved', feeFen: 20_000 }]);
    expect(messages(application)).toEqual(['应缴费用200.00元尚未缴纳']);
    application.payment = {
      amountFen: 20_000,
      method: 'card',
      receiptNumber: 'FS2026000123',
      paidAt: '2026-03-10T02:00:00Z',
      recordedBy: 'clerk-1',
    };
    expect(issuanceBlockers(application)).toEqual([]);
  });

  it('withholds the result while a material accepted as missing has not arrived', () => {
    const application = anAcceptedApplication({ status: 'decided' }, [
      {
        status: 'approved',
        deficiencies: [
          { itemCode: 'X', materialCode: 'M03', materialName: '食品安全管理制度文本', dueDate: '2026-03-20', receivedAt: null },
        ],
      },
    ]);
    expect(messages(application)).toEqual(['容缺材料未补齐（食品安全管理制度文本），办理结果暂不发放']);
  });

  it('waits for every department and never issues twice', () => {
    expect(messages(anAcceptedApplication({ status: 'accepted' }))).toEqual(['尚有部门未作出审批决定']);
    expect(messages(anAcceptedApplication({ status: 'issued' }))).toEqual(['办理结果已发放，不能重复出件']);
  });

  it('charges only the parts that were approved', () => {
    const application = anAcceptedApplication({ status: 'decided' }, [
      { status: 'approved', feeFen: 5_000 },
      { status: 'refused', feeFen: 20_000 },
    ]);
    expect(feeDueFen(application)).toBe(5_000);
  });

  it('refuses to hand out a revoked licence, saying when and why it was revoked', () => {
    const application = anAcceptedApplication({ status: 'decided' }, [
      { status: 'approved', itemName: '建筑工程施工许可证核发', revocation: aRevocation() },
    ]);
    expect(issuanceBlockers(application)).toEqual([
      {
        code: 'LICENCE_REVOKED',
        message:
          '“建筑工程施工许可证核发”的许可（证号JZ371502202600007）已于2026年03月20日撤销，理由：住房和城乡建设局提请撤销：告知承诺不实（建设资金未落实）。证照不予发放',
      },
    ]);
  });

  it('still hands out the other results of a bundle when one licence was revoked, and charges nothing for the revoked one', () => {
    const application = anAcceptedApplication({ status: 'decided' }, [
      { status: 'approved', feeFen: 5_000, revocation: aRevocation() },
      { status: 'approved', feeFen: 0 },
    ]);
    expect(issuanceBlockers(application)).toEqual([]);
    expect(feeDueFen(application)).toBe(0);
  });
});

describe('the documents handed out with the result', () => {
  it("are each department's decision document and every licence still in force, to print from approval", () => {
    const application = anAcceptedApplication({ status: 'decided' }, [
      {
        itemCode: 'A',
        itemName: '食品经营许可（新办）',
        status: 'approved',
        caseId: 'c-1',
        decisionNumber: '东市监许准〔2026〕15号',
        licenceId: 'l-1',
        licenceNumber: 'JY13715020260001',
      },
      {
        itemCode: 'B',
        itemName: '公共场所卫生许可（新办）',
        departmentName: '东昌府区卫生健康委员会',
        status: 'refused',
        caseId: 'c-2',
        decisionNumber: '东卫健许不准〔2026〕2号',
      },
      {
        itemCode: 'C',
        itemName: '建筑工程施工许可证核发',
        status: 'approved',
        caseId: 'c-3',
        decisionNumber: '东住建许准〔2026〕7号',
        licenceId: 'l-3',
        licenceNumber: 'DCF-ZJJ-2026-000007',
        revocation: aRevocation(),
      },
    ]);
    expect(resultDocuments(application).map((d) => [d.kind, d.title, d.number, d.path])).toEqual([
      ['decision', '准予行政许可决定书', '东市监许准〔2026〕15号', '/cases/c-1/decision-document.html'],
      ['licence', '许可证件（食品经营许可（新办））', 'JY13715020260001', '/licences/l-1/licence.html'],
      ['decision', '不予行政许可决定书', '东卫健许不准〔2026〕2号', '/cases/c-2/decision-document.html'],
      ['decision', '准予行政许可决定书', '东住建许准〔2026〕7号', '/cases/c-3/decision-document.html'],
    ]);
  });
});
