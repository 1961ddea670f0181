/** The side menu of each role: the pages it works on, in the order of its day. */
export interface NavigationEntry {
  path: string;
  label: string;
  /** Pages reached from this entry that keep it highlighted (a case opened from the queue). */
  also?: string[];
}

const NAVIGATION: Record<string, NavigationEntry[]> = {
  clerk: [
    { path: '/window', label: '窗口首页' },
    { path: '/window/start', label: '办件受理', also: ['/window/new'] },
    { path: '/window/desk', label: '我的工作台', also: ['/window/applications'] },
    { path: '/window/hand-offs', label: '乡呼县应' },
  ],
  approver: [
    { path: '/back-office', label: '审批首页' },
    { path: '/back-office/queue', label: '待办审批', also: ['/back-office/cases'] },
  ],
  integrator: [
    { path: '/home', label: '首页' },
    { path: '/operations/adapters', label: '对接系统' },
    { path: '/operations/exchange-log', label: '交换日志' },
    { path: '/operations/dead-letters', label: '死信处理' },
    { path: '/operations/mapping-playground', label: '映射调试' },
  ],
  supervisor: [
    { path: '/supervision', label: '监管告知' },
    { path: '/supervision/holders', label: '监管记录' },
    { path: '/supervision/pledges', label: '告知承诺核查' },
  ],
  manager: [
    { path: '/management', label: '电子监察' },
    { path: '/management/report', label: '月度报告' },
    { path: '/catalogue', label: '事项目录' },
  ],
  admin: [
    { path: '/home', label: '首页' },
    { path: '/management', label: '电子监察' },
    { path: '/management/report', label: '月度报告' },
    { path: '/operations/adapters', label: '对接系统' },
    { path: '/operations/exchange-log', label: '交换日志' },
    { path: '/operations/dead-letters', label: '死信处理' },
    { path: '/operations/mapping-playground', label: '映射调试' },
    { path: '/operations/calendar', label: '工作日历' },
    { path: '/catalogue', label: '事项目录' },
    { path: '/operations/sign-ins', label: '登录审计' },
  ],
  'supervisor-head': [
    { path: '/supervision', label: '监管告知' },
    { path: '/supervision/escalated', label: '超时督办' },
    { path: '/supervision/holders', label: '监管记录' },
    { path: '/supervision/pledges', label: '告知承诺核查' },
  ],
};

export function navigationOf(role: string | null | undefined): NavigationEntry[] {
  return NAVIGATION[role ?? ''] ?? [{ path: '/home', label: '首页' }];
}

function within(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

/** The menu entry a page belongs to: the longest of the entries' paths the page lies within. */
export function activeEntry(entries: NavigationEntry[], path: string): string | undefined {
  let best: { path: string; length: number } | undefined;
  for (const entry of entries) {
    for (const prefix of [entry.path, ...(entry.also ?? [])]) {
      if (within(path, prefix) && (!best || prefix.length > best.length)) best = { path: entry.path, length: prefix.length };
    }
  }
  return best?.path;
}
