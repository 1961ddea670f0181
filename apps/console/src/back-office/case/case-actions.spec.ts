import { describe, expect, it } from 'vitest';
import { aCase, aClockEntry } from '@/testing/builders';
import { availableActions } from './case-actions';

describe('the actions a case page offers', () => {
  it('completes 审查 and 审核 with an opinion, and decides only at 批准', () => {
    expect(availableActions(aCase({ currentStep: 'examine' }), [], 'wangshenpi')).toMatchObject({ completeStep: true, decide: false });
    expect(availableActions(aCase({ currentStep: 'approve' }), [], 'wangshenpi')).toMatchObject({ completeStep: false, decide: true });
  });

  it('holds the work while a special procedure runs, and offers to resume it — except 补正, which ends at the window', () => {
    const hearing = aClockEntry({});
    expect(availableActions(aCase({ currentStep: 'approve' }), [hearing], 'wangshenpi')).toMatchObject({
      decide: false,
      suspend: false,
      resume: hearing,
    });
    expect(availableActions(aCase(), [aClockEntry({ procedure: 'supplement' })], 'wangshenpi').resume).toBeNull();
  });

  it('lets only someone other than its requester review an extension', () => {
    const extension = aClockEntry({ kind: 'extension', procedure: null as never, workingDays: 10, status: 'requested' });
    expect(availableActions(aCase(), [extension], 'wangshenpi')).toMatchObject({ reviewExtension: null, requestExtension: false });
    expect(availableActions(aCase(), [extension], 'sunfuhe').reviewExtension).toBe(extension);
  });

  it('offers nothing on a decided case', () => {
    expect(
      Object.values(availableActions(aCase({ status: 'approved', currentStep: 'conclude' }), [], 'wangshenpi')).filter(Boolean),
    ).toEqual([]);
  });
});
