import { maskResidentId } from '@onewindow/domain';
import { readableText } from '@onewindow/testing';
import { anAcceptedApplication } from '../testing/application-builder';
import { renderReceiptHtml } from './printable';
import { buildReceipt } from './receipt';

describe('the receipt (受理回执)', () => {
  it('lists every part with its department, promised deadline and materials, and the rules of 容缺 and pledges', () => {
    const application = anAcceptedApplication({ bundle: { code: 'DCF-YJS-KBCYD', name: '开办餐饮店', leadDepartmentCode: 'DCF-SCJGJ' } }, [
      {
        itemCode: 'DCF-SCJG-XK-001',
        received: [{ itemCode: 'DCF-SCJG-XK-001', materialCode: 'M01', materialName: '食品经营许可申请书' }],
        deficiencies: [
          {
            itemCode: 'DCF-SCJG-XK-001',
            materialCode: 'M03',
            materialName: '食品安全管理制度文本',
            dueDate: '2026-03-20',
            receivedAt: null,
          },
        ],
      },
      {
        itemCode: 'DCF-WJW-XK-003',
        itemName: '公共场所卫生许可（新办）',
        departmentName: '东昌府区卫生健康委员会',
        promisedDeadline: '2026-03-16',
        pledges: [{ itemCode: 'DCF-WJW-XK-003', materialCode: 'M04', materialName: '从业人员健康证明' }],
      },
    ]);
    const receipt = buildReceipt(application, maskResidentId);
    expect(receipt).toMatchObject({
      applicationNumber: 'YC20260305000123',
      acceptedOn: '2026-03-05',
      bundle: { name: '开办餐饮店' },
      applicant: { identifier: '91371502MA3C0LRX4K' },
    });
    expect(receipt?.parts.map((p) => [p.itemCode, p.department, p.promisedDeadline])).toEqual([
      ['DCF-SCJG-XK-001', '东昌府区市场监督管理局', '2026-03-12'],
      ['DCF-WJW-XK-003', '东昌府区卫生健康委员会', '2026-03-16'],
    ]);
    expect(receipt?.parts[0]?.materialsToFollow).toEqual([{ name: '食品安全管理制度文本', dueDate: '2026-03-20' }]);
    expect(receipt?.notes.join('')).toContain('容缺受理');
    expect(receipt?.notes.join('')).toContain('告知承诺');
  });

  it("masks a person's ID number and escapes what the applicant typed on the printable page", () => {
    const application = anAcceptedApplication({
      applicant: { kind: 'person', name: '<script>王</script>', identifier: '11010519491231002X' },
    });
    const receipt = buildReceipt(application, maskResidentId);
    expect(receipt?.applicant.identifier).not.toContain('19491231');
    const html = renderReceiptHtml(receipt as NonNullable<typeof receipt>);
    expect(html).toContain('&lt;script&gt;王&lt;/script&gt;');
    expect(html).toContain('2026年03月12日前');
  });

  it('prints received, to-follow and pledged materials by their Chinese names, as a person reads the page', () => {
    const application = anAcceptedApplication({}, [
      {
        itemName: '食品经营许可（新办）',
        received: [
          { itemCode: 'DCF-SCJG-XK-001', materialCode: 'M01', materialName: '食品经营许可申请书' },
          { itemCode: 'DCF-SCJG-XK-001', materialCode: 'M02', materialName: '营业执照复印件' },
        ],
        deficiencies: [
          {
            itemCode: 'DCF-SCJG-XK-001',
            materialCode: 'M03',
            materialName: '食品安全管理制度文本',
            dueDate: '2026-03-20',
            receivedAt: null,
          },
        ],
        pledges: [{ itemCode: 'DCF-SCJG-XK-001', materialCode: 'M05', materialName: '住所（经营场所）使用证明' }],
      },
    ]);
    const text = readableText(renderReceiptHtml(buildReceipt(application, maskResidentId) as NonNullable<ReturnType<typeof buildReceipt>>));
    expect(text).toContain('食品经营许可申请书；营业执照复印件');
    expect(text).toContain('容缺后补：食品安全管理制度文本（2026年03月20日前）');
    expect(text).toContain('告知承诺：住所（经营场所）使用证明');
    expect(text).not.toMatch(/%u[0-9A-F]{4}/);
  });

  it('does not exist before acceptance', () => {
    expect(buildReceipt(anAcceptedApplication({ status: 'awaiting-supplement', acceptedAt: null }), maskResidentId)).toBeNull();
  });
});
