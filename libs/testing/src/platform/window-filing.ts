/** A company files the construction permit (建筑工程施工许可) at the district window with every material present. */
export function aConstructionPermitFiling(filing: { creditCode: string; companyName?: string; phone?: string }) {
  return {
    itemCodes: ['DCF-ZJ-XK-011'],
    allOtherMaterialsProvided: true,
    channel: 'window',
    level: 'district',
    applicant: {
      kind: 'organisation',
      name: filing.companyName ?? '聊城市东昌府区水城建筑工程有限公司',
      identifier: filing.creditCode,
      ...(filing.phone ? { phone: filing.phone } : {}),
    },
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
