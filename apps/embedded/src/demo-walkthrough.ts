import { addDays, localDateInShanghai } from '@onewindow/domain';
import { aCreditCode } from '@onewindow/domain/testing';
import { issueToken, type AuthenticatedUser } from '@onewindow/platform';
// The forms alone: the package's index also brings the process and broker tooling of the tests, which a built launcher does not ship.
import { aRestaurantBundleForm } from '@onewindow/testing/demo-forms';

/** Walks one application through the whole platform over HTTP, printing each step in Chinese and English. */
export interface Urls {
  intake: string;
  approval: string;
  supervision: string;
}

type Json = Record<string, unknown>;

/** 开办餐饮店: the restaurant bundle of the demo catalogue, and its food business permit. */
export const DEMO_BUNDLE = 'DCF-YJS-KBCYD';
const FOOD_PERMIT = 'DCF-SCJG-XK-001';

let step = 0;
const say = (chinese: string, english: string, detail?: string) =>
  process.stdout.write(`\n${(step += 1)}. ${chinese}\n   ${english}${detail ? `\n   ${detail}` : ''}\n`);

async function call(url: string, token: string | null, init: { method?: string; body?: unknown } = {}): Promise<Json> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  }).catch((error: unknown) => {
    // fetch says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND…) is in its cause.
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new Error(
      `无法连接 ${new URL(url).origin}（${cause?.code ?? cause?.message ?? String(error)}）：请先用 npm start 启动平台；` +
        '平台用 ONEWINDOW_PORT_OFFSET 换了端口时，演示也须设置同样的值，或用 INTAKE_URL、APPROVAL_URL、SUPERVISION_URL 指明地址。' +
        ` Could not reach ${url}: start the platform first (npm start), or point the demo at it.`,
    );
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

  const catalogue = await call(`${urls.intake}/catalogue/items?pageSize=1`, null);
  const bundle = await call(`${urls.intake}/catalogue/bundles/${DEMO_BUNDLE}`, null).catch(() => {
    throw new Error('The demo catalogue is not loaded (start with SEED_DEMO_DATA=true)');
  });
  const itemCodes = bundle['itemCodes'] as string[];
  const items = await Promise.all(itemCodes.map((code) => call(`${urls.intake}/catalogue/items/${code}`, null)));
  say(
    `事项目录共${catalogue['total']}项；申请人选择一件事“${bundle['name']}”，一次申请${items.length}个事项：${items.map((i) => i['name']).join('、')}`,
    `The catalogue lists ${catalogue['total']} items; the applicant files one bundle (一件事) covering ${items.length} items of several departments.`,
  );

  // 一表申请: one form for the four items; what they share is asked once.
  const bundleForm = await call(`${urls.intake}/catalogue/bundles/${DEMO_BUNDLE}/form`, null);
  const routes = bundleForm['routes'] as Array<{ label: string; items: unknown[] }>;
  const shared = routes.filter((route) => route.items.length > 1);
  say(
    `一表申请：${items.length}个事项合并为一张申请表，共${routes.length}个栏目；${shared.map((route) => route.label).join('、')}等${shared.length}项各部门共用，只填一次`,
    `One form for the whole bundle (一表申请): ${shared.length} shared data elements are asked once and sent to every department that needs them.`,
    `${urls.intake}/catalogue/bundles/${DEMO_BUNDLE}/form`,
  );

  // Everything but one material of the food permit, which the applicant forgot, and one faulty form.
  const applicant = { kind: 'organisation', name: '聊城市东昌府区鲁西餐饮有限公司', identifier: aCreditCode(), phone: '13863512345' };
  const filledForm = aRestaurantBundleForm({ creditCode: applicant.identifier, name: applicant.name, phone: applicant.phone });
  const firstFiling = await call(`${urls.intake}/applications`, clerk, {
    method: 'POST',
    body: {
      bundleCode: DEMO_BUNDLE,
      channel: 'window',
      level: 'district',
      applicant,
      ...filledForm,
      situations: defaultAnswers(items),
      materials: [
        { itemCode: FOOD_PERMIT, materialCode: 'M03', finding: 'missing' },
        { itemCode: FOOD_PERMIT, materialCode: 'M02', finding: 'faulty', problem: '营业执照复印件未加盖公章' },
      ],
      allOtherMaterialsProvided: true,
    },
  });
  const statistics = (firstFiling['form'] as { statistics: { automatic: number; changed: number; typed: number } }).statistics;
  say(
    `申请表填写完成：${statistics.automatic}项由法人库自动调取，${statistics.typed}项手工填写，全部校验通过`,
    `The form passed every check; ${statistics.automatic} answers came from the legal-person register with their source and time.`,
  );
  const notice = await call(`${urls.intake}/applications/${firstFiling['id']}/notice`, clerk);
  const lines = notice['lines'] as Array<{ materialName: string; problem: string }>;
  say(
    `材料不齐，窗口出具一次性告知书 ${notice['noticeNumber']}：${lines.map((l) => `${l.materialName}（${l.problem}）`).join('；')}`,
    `Materials are incomplete: one notice tells the applicant everything missing or faulty at once (一次性告知). Status ${firstFiling['status']}.`,
    `${urls.intake}/applications/${firstFiling['id']}/notice.html`,
  );

  const dueDate = addDays(localDateInShanghai(new Date()), 10);
  // With the supplement the applicant also corrects the form: more seats than first declared.
  const foodAnswers = filledForm.form[FOOD_PERMIT] as Record<string, unknown>;
  const application = await call(`${urls.intake}/applications/${firstFiling['id']}/supplement`, clerk, {
    method: 'POST',
    body: {
      form: { ...filledForm.form, [FOOD_PERMIT]: { ...foodAnswers, seats: 80 } },
      materials: [{ itemCode: FOOD_PERMIT, materialCode: 'M03', finding: 'to-follow', dueDate }],
      allOtherMaterialsProvided: true,
    },
  });
  const corrections = (await call(`${urls.intake}/applications/${application['id']}/form-corrections`, clerk)) as unknown as Array<{
    changes: Array<{ label: string; before?: string; after?: string }>;
  }>;
  const change = corrections[0]?.changes[0];
  say(
    `申请人补正营业执照复印件，更正申请表（${change ? `${change.label}：${change.before ?? '未填'} → ${change.after ?? '删除'}` : '无'}）；食品安全管理制度文本容缺后补（${dueDate}前），窗口受理`,
    `The applicant brought the corrected copy and corrected the form (kept in its history); the missing document may follow by ${dueDate} (容缺受理). Accepted.`,
  );

  const receipt = await call(`${urls.intake}/applications/${application['id']}/receipt`, clerk);
  const receiptParts = receipt['parts'] as Array<{ itemName: string; department: string; promisedDeadline: string }>;
  say(
    `打印受理回执，受理编号 ${receipt['applicationNumber']}：${receiptParts.map((p) => `${p.department}“${p.itemName}”${p.promisedDeadline}前办结`).join('；')}`,
    `The receipt lists every part with its department and promised deadline in working days.`,
    `${urls.intake}/applications/${application['id']}/receipt.html`,
  );
  const parts = application['parts'] as Array<{
    id: string;
    itemName: string;
    department: { code: string; name: string };
    promisedDeadline: string;
  }>;

  for (const part of parts) {
    const approver = token({ id: `approver-${part.department.code}`, name: '王审批', role: 'approver', department: part.department.code });
    const approvalCase = await waitFor(`the case at ${part.department.name}`, async () => {
      const queue = await call(`${urls.approval}/cases?status=open&pageSize=100`, approver);
      return (queue['items'] as Array<Json>).find((c) => c['partId'] === part.id);
    });
    say(
      `${part.department.name}审批队列收到办件（期限${approvalCase['deadline']}，${approvalCase['colour'] === 'green' ? '绿灯' : approvalCase['colour']}）`,
      `${part.department.code}'s queue received its case through the event backbone.`,
    );
    const opinions: Record<string, string> = { examine: '材料齐全，符合法定形式，拟同意', verify: '经审核，同意审查意见' };
    for (let step = approvalCase['currentStep'] as string; step !== 'approve';) {
      const advanced = await call(`${urls.approval}/cases/${approvalCase['id']}/advance`, approver, {
        method: 'POST',
        body: { step, opinion: opinions[step] ?? '同意' },
      });
      say(
        `${part.department.name}完成“${step === 'examine' ? '审查' : '审核'}”环节`,
        `${part.department.code} completed the ${step} step; the case moved on.`,
      );
      step = advanced['currentStep'] as string;
    }
    // The licence takes the business scope and address from the application form: nobody types them again.
    const decided = await call(`${urls.approval}/cases/${approvalCase['id']}/decision`, approver, {
      method: 'POST',
      body: { outcome: 'approved' },
    });
    say(
      `${part.department.name}作出准予许可决定`,
      `${part.department.code} approved; a licence was issued.`,
      `case ${decided['id']} → ${decided['status']}`,
    );
  }

  const finished = await waitFor('the decision at the window', async () => {
    const current = await call(`${urls.intake}/applications/${application['id']}`, clerk);
    return current['status'] === 'decided' ? current : undefined;
  });
  const licences = (finished['parts'] as Array<{ licenceNumber: string | null }>).map((p) => p.licenceNumber).join('、');
  say(
    `综合窗口收到全部审批结果（${finished['outcome']}），证照编号：${licences}，可统一出件`,
    `The window sees every decision (${finished['outcome']}) and can issue the results at one counter.`,
  );

  const foodPart = (finished['parts'] as Array<{ id: string; itemCode: string }>).find((p) => p.itemCode === FOOD_PERMIT);
  if (foodPart) {
    await call(`${urls.intake}/applications/${application['id']}/parts/${foodPart.id}/deficiencies/M03/received`, clerk, {
      method: 'POST',
    });
    say(
      '申请人补交容缺材料“食品安全管理制度文本”，办理结果可以发放',
      'The material accepted as missing (容缺) arrived; nothing withholds the results any more.',
    );
  }
  const issued = await call(`${urls.intake}/applications/${application['id']}/issuance`, clerk, {
    method: 'POST',
    body: { method: 'post', trackingNumber: 'EMS9876543210', address: '山东省聊城市东昌府区古楼街道东关大街18号' },
  });
  say(
    `统一出件：全部证照邮寄送达（单号EMS9876543210），申请人共到现场${issued['visits']}次`,
    `Unified issuance: every result posted in one parcel; the applicant came in person ${issued['visits']} time(s).`,
  );

  const supervisor = token({ id: 'supervisor-wjw', name: '赵监管', role: 'supervisor', department: 'DCF-WJW' });
  const supervisionNotice = await waitFor('the supervision notice', async () => {
    const inbox = await call(`${urls.supervision}/notices?status=pending&pageSize=100`, supervisor);
    return (inbox['items'] as Array<Json>).find((n) => n['applicationId'] === application['id']);
  });
  say(
    `卫生健康委收到新持证主体监管告知（证照${supervisionNotice['licenceNumber']}，经营场所${String(supervisionNotice['holderAddress'] ?? '未填')}），须于${shanghaiTime(String(supervisionNotice['acknowledgeBy']))}前认领`,
    'The supervising department was told of the new licence holder at once (审管互动).',
  );
  await call(`${urls.supervision}/notices/${supervisionNotice['id']}/acknowledge`, supervisor, { method: 'POST' });
  say('监管部门已认领，审批与监管衔接完成', 'The supervisor acknowledged: approval and supervision are joined up.');
}

/** The first option of every situation question: the demo's applicant is the common case. */
function defaultAnswers(items: Json[]): Record<string, Record<string, string>> {
  const answers: Record<string, Record<string, string>> = {};
  for (const item of items) {
    const questions = item['questions'] as Array<{ code: string; options: Array<{ code: string }> }>;
    if (questions.length === 0) continue;
    answers[String(item['code'])] = Object.fromEntries(questions.map((q) => [q.code, q.options[0]?.code ?? '']));
  }
  return answers;
}

function shanghaiTime(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
