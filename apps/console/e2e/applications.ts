import { aResidentId, aUniqueCreditCode } from '@onewindow/domain/testing';
import { staffApi } from './staff';

/** Test set-up through the gateway's JSON API (not the journeys under test): filings, cases, decisions. */

export interface Filed {
  id: string;
  number: string;
  creditCode: string;
}

export interface FilingOptions {
  clerk?: string;
  level?: 'district' | 'town';
  /** 告知承诺: the 食品安全管理制度文本 (M03) pledged instead of provided. */
  pledgeRules?: boolean;
  phone?: string;
}

/** A single-item filing of 食品经营许可 at the district window, every material present unless pledged. */
export async function fileFoodPermit(baseUrl: string, companyName: string, options: FilingOptions = {}): Promise<Filed> {
  const clerk = await staffApi(baseUrl, options.clerk ?? 'lishouli');
  const creditCode = aUniqueCreditCode();
  const phone = options.phone ?? '13863512345';
  const filed = await clerk.call<{ id: string; number: string; status: string }>('POST', '/api/intake/applications', {
    itemCodes: ['DCF-SCJG-XK-001'],
    channel: 'window',
    level: options.level ?? 'district',
    applicant: { kind: 'organisation', name: companyName, identifier: creditCode, phone },
    form: {
      creditCode,
      organisationName: companyName,
      legalRepresentative: '刘海燕',
      businessAddress: { division: '371502', detail: '柳园街道湖南路1号' },
      premisesArea: 96,
      operatorType: '02',
      businessItems: ['03'],
      businessScope: '热食类食品制售',
      onlineSales: false,
      foodSafetyManager: { name: '刘海燕', phone, idNumber: aResidentId() },
      employeeCount: 6,
      staff: [{ name: '赵师傅', validUntil: '2027-06-30', healthCertificate: 'JK371502202600123' }],
      contactPhone: phone,
    },
    // The company's name came from the 法人库 (as the form's look-up reports it).
    formSources: [
      {
        path: 'organisationName',
        source: 'enterprise',
        sourceName: '聊城市法人单位基础信息库',
        fetchedAt: new Date().toISOString(),
        value: companyName,
      },
    ],
    ...(options.pledgeRules ? { materials: [{ itemCode: 'DCF-SCJG-XK-001', materialCode: 'M03', finding: 'pledged' }] } : {}),
    allOtherMaterialsProvided: true,
  });
  expect(filed.status).toBe(201);
  expect(filed.body.status).toBe('accepted');
  return { ...filed.body, creditCode };
}

/** The case an application opened in the market regulator's queue, once approval has it. */
export async function caseOf(baseUrl: string, number: string, username = 'wangshenpi'): Promise<{ id: string }> {
  const approver = await staffApi(baseUrl, username);
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const queue = await approver.call<{ items: Array<{ id: string; itemCode: string }> }>(
      'GET',
      `/api/approval/cases?applicationNumber=${number}`,
    );
    const found = queue.body.items?.find((c) => c.itemCode === 'DCF-SCJG-XK-001');
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no case for ${number} in the queue`);
}

/** The market regulator's approvers take a case through 审查 and 审核 to 准予许可: the licence number. */
export async function approveFoodPermit(baseUrl: string, caseId: string): Promise<string> {
  const [wang, sun] = await Promise.all([staffApi(baseUrl, 'wangshenpi'), staffApi(baseUrl, 'sunfuhe')]);
  expect(
    (await wang.call('POST', `/api/approval/cases/${caseId}/advance`, { step: 'examine', opinion: '申请材料齐全，符合法定形式，拟同意。' }))
      .status,
  ).toBe(200);
  expect((await sun.call('POST', `/api/approval/cases/${caseId}/advance`, { step: 'verify', opinion: '同意审查意见。' })).status).toBe(200);
  const decided = await wang.call<{ licenceId: string | null }>('POST', `/api/approval/cases/${caseId}/decision`, {
    outcome: 'approved',
    scope: '热食类食品制售',
  });
  expect(decided.status).toBe(201);
  const licence = await wang.call<{ number: string }>('GET', `/api/approval/licences/${decided.body.licenceId}`);
  expect(licence.status).toBe(200);
  return licence.body.number;
}
