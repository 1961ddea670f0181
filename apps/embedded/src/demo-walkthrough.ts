import { aCreditCode } from '@onewindow/domain';
import { issueToken, type AuthenticatedUser } from '@onewindow/platform';

/** Walks one application through the whole platform over HTTP, printing each step in Chinese and English. */
export interface Urls {
  intake: string;
  approval: string;
  supervision: string;
}

type Json = Record<string, unknown>;

let step = 0;
const say = (chinese: string, english: string, detail?: string) =>
  process.stdout.write(`\n${(step += 1)}. ${chinese}\n   ${english}${detail ? `\n   ${detail}` : ''}\n`);

async function call(url: string, token: string | null, init: { method?: string; body?: unknown } = {}): Promise<Json> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const body = (await response.json()) as Json;
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url} → ${response.status}: ${JSON.stringify(body)}`);
  return body;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export async function runDemo(urls: Urls, secret: string): Promise<void> {
  step = 0;
  const token = (user: AuthenticatedUser) => issueToken(user, secret, 3600);
  const clerk = token({ id: 'clerk-001', name: '李受理', role: 'clerk', level: 'district' });

  const catalogue = await call(`${urls.intake}/catalogue/items?pageSize=100`, null);
  const items = catalogue['items'] as Array<{ code: string; name: string; departmentCode: string; departmentName: string }>;
  const wanted = ['DCF-SCJG-XK-001', 'DCF-WJW-XK-003'];
  const chosen = items.filter((item) => wanted.includes(item.code));
  if (chosen.length !== wanted.length) throw new Error('The demo catalogue is not loaded (start with SEED_DEMO_DATA=true)');
  say(`事项目录共${catalogue['total']}项；申请人选择“开办餐饮店”所需的两个事项：${chosen.map((i) => i.name).join('、')}`,
    `The catalogue lists ${catalogue['total']} items; the applicant picks the two a restaurant needs.`);

  const application = await call(`${urls.intake}/applications`, clerk, {
    method: 'POST',
    body: {
      itemCodes: wanted,
      channel: 'window',
      level: 'district',
      applicant: { kind: 'organisation', name: '聊城市东昌府区鲁西餐饮有限公司', identifier: aCreditCode(), phone: '13863512345' },
    },
  });
  const parts = application['parts'] as Array<{ id: string; itemName: string; department: { code: string; name: string }; promisedDeadline: string }>;
  say(`综合窗口受理，受理编号 ${application['number']}；${parts.map((p) => `${p.department.name}承诺${p.promisedDeadline}前办结`).join('；')}`,
    `The comprehensive window accepted application ${application['number']}, one part per department, each with its promised deadline in working days.`);

  for (const part of parts) {
    const approver = token({ id: `approver-${part.department.code}`, name: '王审批', role: 'approver', department: part.department.code });
    const approvalCase = await waitFor(`the case at ${part.department.name}`, async () => {
      const queue = await call(`${urls.approval}/cases?status=open&pageSize=100`, approver);
      return (queue['items'] as Array<Json>).find((c) => c['partId'] === part.id);
    });
    say(`${part.department.name}审批队列收到办件（期限${approvalCase['deadline']}）`, `${part.department.code}'s queue received its case through the event backbone.`);
    const decided = await call(`${urls.approval}/cases/${approvalCase['id']}/decision`, approver, {
      method: 'POST',
      body: { outcome: 'approved', scope: part.itemName },
    });
    say(`${part.department.name}作出准予许可决定`, `${part.department.code} approved; a licence was issued.`, `case ${decided['id']} → ${decided['status']}`);
  }

  const finished = await waitFor('the decision at the window', async () => {
    const current = await call(`${urls.intake}/applications/${application['id']}`, clerk);
    return current['status'] === 'decided' ? current : undefined;
  });
  const licences = (finished['parts'] as Array<{ licenceNumber: string | null }>).map((p) => p.licenceNumber).join('、');
  say(`综合窗口收到全部审批结果（${finished['outcome']}），证照编号：${licences}，可统一出件`,
    `The window sees every decision (${finished['outcome']}) and can issue the results at one counter.`);

  const supervisor = token({ id: 'supervisor-wjw', name: '赵监管', role: 'supervisor', department: 'DCF-WJW' });
  const notice = await waitFor('the supervision notice', async () => {
    const inbox = await call(`${urls.supervision}/notices?status=pending&pageSize=100`, supervisor);
    return (inbox['items'] as Array<Json>).find((n) => n['applicationId'] === application['id']);
  });
  say(`卫生健康委收到新持证主体监管告知（证照${notice['licenceNumber']}），须于${shanghaiTime(String(notice['acknowledgeBy']))}前认领`,
    'The supervising department was told of the new licence holder at once (审管互动).');
  await call(`${urls.supervision}/notices/${notice['id']}/acknowledge`, supervisor, { method: 'POST' });
  say('监管部门已认领，审批与监管衔接完成', 'The supervisor acknowledged: approval and supervision are joined up.');
}


function shanghaiTime(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
