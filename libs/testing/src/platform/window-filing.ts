import { aConstructionPermitForm } from './demo-forms';

/**
 * A company files the construction permit (建筑工程施工许可, DCF-ZJ-XK-012) at the district window
 * with every material present and its 申请表 filled: the project from 投资项目库, the company as
 * 建设单位 from 法人库.
 */
export function aConstructionPermitFiling(filing: { creditCode: string; companyName?: string; phone?: string }) {
  const name = filing.companyName ?? '聊城市东昌府区水城建筑工程有限公司';
  return {
    itemCodes: ['DCF-ZJ-XK-012'],
    allOtherMaterialsProvided: true,
    channel: 'window',
    level: 'district',
    applicant: {
      kind: 'organisation',
      name,
      identifier: filing.creditCode,
      ...(filing.phone ? { phone: filing.phone } : {}),
    },
    ...aConstructionPermitForm({ creditCode: filing.creditCode, name, ...(filing.phone ? { phone: filing.phone } : {}) }),
  };
}

/** POST /applications as a clerk; returns the raw response so a test can assert the status. */
export function fileAtWindow(intakeUrl: string, clerkToken: string, body: unknown): Promise<Response> {
  return fetch(`${intakeUrl}/applications`, {
    method: 'POST',
    headers: { authorization: `Bearer ${clerkToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}
