import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as iconv from 'iconv-lite';

/**
 * The demo 人社局社会保险经办系统 (DCF-RSJ): a server-rendered vertical web application of the kind
 * a province runs for its districts — no API, no file drop, no table anyone may read. It has what
 * such systems have and the behaviour-simulation adapter (行为模拟) must cope with: a session login,
 * GBK pages, a form over two pages whose insured staff are added in an iframe one by one, a submit
 * answering its own 业务流水号, and a query page showing the case's status (受理中, 已办结 with the
 * 参保登记证号, 不予受理 with the reason). Its cases live in memory; an operator (the demo controller,
 * a test) reads them and decides.
 */

/** What the system keeps for one 职工参保登记 case, in its own field names. */
export interface SocialInsuranceCase {
  /** 业务流水号: its own case number. */
  ywlsh: string;
  unit: { tyshxydm: string; dwmc: string; fddbr: string; zsqh: string; zsdz: string; jbr: string; lxdh: string; ptbh: string };
  /** 参保险种 codes checked (110 养老, 310 医疗, 210 失业, 410 工伤, 510 生育). */
  xz: string[];
  staff: Array<{ xm: string; sfzh: string; cbrq: string; jfgz: string }>;
  status: '受理中' | '已办结' | '不予受理';
  /** 参保登记证号 once 已办结. */
  djzh?: string;
  /** 不予受理原因. */
  reason?: string;
  /** 办结时间, `yyyy-MM-dd HH:mm:ss` China time. */
  bjsj?: string;
  /** The account that typed it in. */
  operator: string;
}

export interface SocialInsuranceSystem {
  url: string;
  /** The one account of the demo (a real one belongs to the department's clerk: the adapter keeps it in a secrets file). */
  account: { username: string; password: string };
  cases(): SocialInsuranceCase[];
  /** 审核: the department's clerk decides in its own system. */
  decide(
    ywlsh: string,
    decision: { approve: true; djzh: string; at: string } | { approve: false; reason: string; at: string },
  ): SocialInsuranceCase;
  /** A system upgrade renames a field label on the form (e.g. 单位名称 → 参保单位名称): the page changed. */
  relabel(from: string, to: string): void;
  /** Ends every session (a nightly logout, a timeout): the next page asks to log in again. */
  logoutEveryone(): void;
  /** How many times someone logged in (to see the session kept between deliveries). */
  logins(): number;
  stop(): Promise<void>;
}

/** 参保险种 as the system lists them: its codes and labels. */
export const INSURANCE_TYPES = [
  { code: '110', label: '企业职工基本养老保险' },
  { code: '310', label: '职工基本医疗保险' },
  { code: '210', label: '失业保险' },
  { code: '410', label: '工伤保险' },
  { code: '510', label: '生育保险' },
] as const;

/** Districts it accepts as 住所行政区划. */
const DIVISIONS = [
  { code: '371502', label: '东昌府区' },
  { code: '371521', label: '阳谷县' },
  { code: '371522', label: '莘县' },
  { code: '371524', label: '东阿县' },
  { code: '371525', label: '冠县' },
  { code: '371526', label: '高唐县' },
  { code: '371581', label: '临清市' },
];

interface Draft {
  unit?: SocialInsuranceCase['unit'];
  staff: SocialInsuranceCase['staff'];
}

interface Session {
  username: string;
  draft: Draft;
}

export async function startSocialInsuranceSystem(
  options: { account?: { username: string; password: string }; port?: number } = {},
): Promise<SocialInsuranceSystem> {
  const account = options.account ?? { username: 'dcf_rsj_jb01', password: 'Rsj#2026dcf' };
  const sessions = new Map<string, Session>();
  const cases: SocialInsuranceCase[] = [];
  const labels = new Map<string, string>();
  let logins = 0;
  const label = (text: string) => labels.get(text) ?? text;

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const form = request.method === 'POST' ? decodeForm(await readBody(request)) : new Map<string, string[]>();
    const one = (name: string) => (form.get(name)?.[0] ?? '').trim();

    if (path === '/login' && request.method === 'GET')
      return page(response, 200, '用户登录', loginPage(url.searchParams.get('error') ?? ''));
    if (path === '/login' && request.method === 'POST') {
      if (one('yhm') !== account.username || one('mm') !== account.password)
        return page(response, 200, '用户登录', loginPage('用户名或密码错误'));
      const id = randomBytes(16).toString('hex');
      sessions.set(id, { username: account.username, draft: { staff: [] } });
      logins += 1;
      response.setHeader('set-cookie', `JSESSIONID=${id}; Path=/; HttpOnly`);
      return redirect(response, '/index');
    }
    const session = sessions.get(cookie(request, 'JSESSIONID') ?? '');
    if (!session) return redirect(response, '/login?error=' + encodeURIComponent('会话已失效，请重新登录'));
    if (path === '/logout') {
      sessions.delete(cookie(request, 'JSESSIONID') ?? '');
      return redirect(response, '/login');
    }
    if (path === '/index') {
      return page(
        response,
        200,
        '首页',
        `<p>当前用户：${esc(session.username)}</p><ul><li><a href="/cbdj/dwxx">职工参保登记</a></li><li><a href="/cx">业务查询</a></li><li><a href="/logout">退出</a></li></ul>`,
      );
    }
    if (path === '/cbdj/dwxx' && request.method === 'GET') {
      session.draft = { staff: [] };
      return page(response, 200, '职工参保登记（第一步：单位信息）', unitPage(label, ''));
    }
    if (path === '/cbdj/dwxx' && request.method === 'POST') {
      const unit = {
        tyshxydm: one('tyshxydm'),
        dwmc: one('dwmc'),
        fddbr: one('fddbr'),
        zsqh: one('zsqh'),
        zsdz: one('zsdz'),
        jbr: one('jbr'),
        lxdh: one('lxdh'),
        ptbh: one('ptbh'),
      };
      const missing = Object.entries({
        tyshxydm: '统一社会信用代码',
        dwmc: '单位名称',
        fddbr: '法定代表人',
        zsqh: '住所行政区划',
        zsdz: '住所详细地址',
        jbr: '经办人',
        lxdh: '联系电话',
      })
        .filter(([key]) => !unit[key as keyof typeof unit])
        .map(([, name]) => label(name));
      if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(unit.tyshxydm)) missing.push(`${label('统一社会信用代码')}格式不正确`);
      if (missing.length > 0)
        return page(response, 200, '职工参保登记（第一步：单位信息）', unitPage(label, `以下项目未填写或不正确：${missing.join('、')}`));
      session.draft.unit = unit;
      return redirect(response, '/cbdj/cbxx');
    }
    if (path === '/cbdj/cbxx' && request.method === 'GET') {
      if (!session.draft.unit) return redirect(response, '/cbdj/dwxx');
      return page(response, 200, '职工参保登记（第二步：参保信息）', insurancePage(''));
    }
    // The staff are added one at a time inside an iframe, as old systems do.
    if (path === '/cbdj/ryxx') {
      let error = '';
      if (request.method === 'POST') {
        const person = { xm: one('xm'), sfzh: one('sfzh'), cbrq: one('cbrq'), jfgz: one('jfgz') };
        if (
          !person.xm ||
          !/^\d{17}[\dX]$/.test(person.sfzh) ||
          !/^\d{4}-\d{2}-\d{2}$/.test(person.cbrq) ||
          !/^\d+(\.\d{1,2})?$/.test(person.jfgz)
        ) {
          error = '人员信息不完整：姓名、身份证号码（18位）、参保日期（yyyy-MM-dd）、月缴费工资（元）均须正确填写';
        } else {
          session.draft.staff.push(person);
        }
      }
      return page(response, 200, '参保人员', staffFrame(session.draft.staff, error));
    }
    if (path === '/cbdj/cbxx' && request.method === 'POST') {
      const unit = session.draft.unit;
      if (!unit) return redirect(response, '/cbdj/dwxx');
      const xz = form.get('xz') ?? [];
      const problems = [
        ...(xz.length === 0 ? ['请至少选择一个参保险种'] : []),
        ...(session.draft.staff.length === 0 ? ['请至少添加一名参保人员'] : []),
      ];
      if (problems.length > 0) return page(response, 200, '职工参保登记（第二步：参保信息）', insurancePage(problems.join('；')));
      const ywlsh = `RSCB${String(371502)}${String(cases.length + 1).padStart(8, '0')}`;
      cases.push({ ywlsh, unit, xz, staff: session.draft.staff, status: '受理中', operator: session.username });
      session.draft = { staff: [] };
      return redirect(response, `/cbdj/wc?ywlsh=${ywlsh}`);
    }
    if (path === '/cbdj/wc') {
      const ywlsh = url.searchParams.get('ywlsh') ?? '';
      return page(
        response,
        200,
        '提交成功',
        `<p class="success">提交成功，业务流水号：<span id="ywlsh">${esc(ywlsh)}</span></p><p><a href="/index">返回首页</a></p>`,
      );
    }
    if (path === '/cx') {
      const ywlsh = (url.searchParams.get('ywlsh') ?? '').trim();
      const found = cases.find((c) => c.ywlsh === ywlsh);
      const result = !ywlsh ? '' : found ? caseTable(found) : `<div class="error">未查询到业务流水号为 ${esc(ywlsh)} 的业务</div>`;
      return page(
        response,
        200,
        '业务查询',
        `<form method="get" action="/cx"><label for="q_ywlsh">业务流水号</label><input id="q_ywlsh" name="ywlsh" value="${esc(ywlsh)}"><button type="submit">查询</button></form>${result}`,
      );
    }
    return page(response, 404, '页面不存在', '<div class="error">您访问的页面不存在</div>');
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: Error) =>
      page(response, 500, '系统错误', `<div class="error">系统错误：${esc(error.message)}</div>`),
    );
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    account,
    cases: () => cases.map((c) => structuredClone(c)),
    decide(ywlsh, decision) {
      const found = cases.find((c) => c.ywlsh === ywlsh);
      if (!found) throw new Error(`未查询到业务流水号为 ${ywlsh} 的业务`);
      if (found.status !== '受理中') throw new Error(`业务 ${ywlsh} 已${found.status}`);
      if (decision.approve) Object.assign(found, { status: '已办结', djzh: decision.djzh, bjsj: decision.at });
      else Object.assign(found, { status: '不予受理', reason: decision.reason, bjsj: decision.at });
      return structuredClone(found);
    },
    relabel: (from, to) => void labels.set(from, to),
    logoutEveryone: () => sessions.clear(),
    logins: () => logins,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function loginPage(error: string): string {
  return `${error ? `<div class="error">${esc(error)}</div>` : ''}<form method="post" action="/login">
<p><label for="yhm">用户名</label><input id="yhm" name="yhm"></p>
<p><label for="mm">密码</label><input id="mm" name="mm" type="password"></p>
<p><button type="submit">登录</button></p></form>`;
}

function unitPage(label: (text: string) => string, error: string): string {
  const input = (id: string, text: string) =>
    `<tr><td><label for="${id}">${esc(label(text))}</label></td><td><input id="${id}" name="${id}"></td></tr>`;
  return `${error ? `<div class="error">${esc(error)}</div>` : ''}<form method="post" action="/cbdj/dwxx"><table>
${input('tyshxydm', '统一社会信用代码')}${input('dwmc', '单位名称')}${input('fddbr', '法定代表人')}
<tr><td><label for="zsqh">${esc(label('住所行政区划'))}</label></td><td><select id="zsqh" name="zsqh"><option value="">--请选择--</option>${DIVISIONS.map((d) => `<option value="${d.code}">${esc(d.label)}</option>`).join('')}</select></td></tr>
${input('zsdz', '住所详细地址')}${input('jbr', '经办人')}${input('lxdh', '联系电话')}${input('ptbh', '一窗受理编号')}
</table><button type="submit">下一步</button></form>`;
}

function insurancePage(error: string): string {
  return `${error ? `<div class="error">${esc(error)}</div>` : ''}<form method="post" action="/cbdj/cbxx"><fieldset><legend>参保险种</legend>
${INSURANCE_TYPES.map((t) => `<input type="checkbox" id="xz${t.code}" name="xz" value="${t.code}"><label for="xz${t.code}">${esc(t.label)}</label>`).join(' ')}
</fieldset><fieldset><legend>参保人员</legend><iframe id="ryxx" name="ryxx" src="/cbdj/ryxx" width="900" height="360"></iframe></fieldset>
<button type="submit">提交</button></form>`;
}

function staffFrame(staff: SocialInsuranceCase['staff'], error: string): string {
  const rows = staff
    .map((p, i) => `<tr><td>${i + 1}</td><td>${esc(p.xm)}</td><td>${esc(p.sfzh)}</td><td>${esc(p.cbrq)}</td><td>${esc(p.jfgz)}</td></tr>`)
    .join('');
  return `${error ? `<div class="error">${esc(error)}</div>` : ''}<table id="rylb"><tr><th>序号</th><th>姓名</th><th>身份证号码</th><th>参保日期</th><th>月缴费工资</th></tr>${rows}</table>
<p id="rs">已添加 ${staff.length} 人</p>
<form method="post" action="/cbdj/ryxx">
<label for="xm">姓名</label><input id="xm" name="xm"> <label for="sfzh">身份证号码</label><input id="sfzh" name="sfzh">
<label for="cbrq">参保日期</label><input id="cbrq" name="cbrq"> <label for="jfgz">月缴费工资</label><input id="jfgz" name="jfgz">
<button type="submit">添加人员</button></form>`;
}

function caseTable(c: SocialInsuranceCase): string {
  return `<table id="cxjg"><tr><th>业务流水号</th><th>单位名称</th><th>办理状态</th><th>参保登记证号</th><th>不予受理原因</th><th>办结时间</th></tr>
<tr><td id="jg_ywlsh">${esc(c.ywlsh)}</td><td>${esc(c.unit.dwmc)}</td><td id="jg_zt">${esc(c.status)}</td><td id="jg_djzh">${esc(c.djzh ?? '')}</td><td id="jg_yy">${esc(c.reason ?? '')}</td><td id="jg_bjsj">${esc(c.bjsj ?? '')}</td></tr></table>`;
}

function page(response: ServerResponse, status: number, title: string, body: string): void {
  const html = `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=GBK"><title>${esc(title)} - 山东省社会保险经办信息系统</title></head>
<body><h1>山东省社会保险经办信息系统</h1><h2>${esc(title)}</h2>${body}</body></html>`;
  response.writeHead(status, { 'content-type': 'text/html; charset=GBK' });
  response.end(iconv.encode(html, 'gbk'));
}

function redirect(response: ServerResponse, location: string): void {
  response.writeHead(302, { location });
  response.end();
}

function cookie(request: IncomingMessage, name: string): string | undefined {
  return (request.headers.cookie ?? '')
    .split(';')
    .map((part) => part.trim().split('='))
    .find(([key]) => key === name)?.[1];
}

/** A form posted from a GBK page: percent-encoded GBK bytes. */
function decodeForm(body: Buffer): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  for (const pair of body.toString('latin1').split('&')) {
    if (!pair) continue;
    const [key = '', value = ''] = pair.split('=');
    const decode = (text: string) =>
      iconv.decode(
        Buffer.from(
          text.replace(/\+/g, ' ').replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          'latin1',
        ),
        'gbk',
      );
    const name = decode(key);
    fields.set(name, [...(fields.get(name) ?? []), decode(value)]);
  }
  return fields;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function esc(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
}
