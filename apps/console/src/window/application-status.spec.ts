import { describe, expect, it } from 'vitest';
import { anApplication, aPart } from '@/testing/builders';
import { feeDue, issuanceBlockers } from './application-status';

describe('issuance at the window', () => {
  it('charges only the approved parts', () => {
    expect(feeDue(anApplication([aPart({ feeFen: 20000 }), aPart({ id: 'p2', status: 'refused', feeFen: 5000 })]))).toBe(20000);
  });

  it('names every reason the results cannot be handed out yet', () => {
    const application = anApplication([
      aPart({
        feeFen: 20000,
        deficiencies: [{ materialCode: 'M03', materialName: '食品安全管理制度文本', dueDate: '2026-03-20', receivedAt: null }],
      }),
    ]);
    expect(issuanceBlockers(application)).toEqual(['容缺材料未补交：食品安全管理制度文本', '尚未缴费']);
  });

  it('lets a decided, paid application with every 容缺 material in be issued', () => {
    const application = anApplication([aPart({ feeFen: 20000 })], {
      payment: {
        amountFen: 20000,
        method: 'card',
        receiptNumber: 'FS2026000123',
        paidAt: '2026-03-10T02:00:00.000Z',
        recordedBy: 'lishouli',
      },
    });
    expect(issuanceBlockers(application)).toEqual([]);
  });
});
