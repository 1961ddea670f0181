import { describe, expect, it } from 'vitest';
import { activeEntry, navigationOf } from './navigation';

describe('navigation', () => {
  it('gives the clerk the window pages and the approver the back office', () => {
    expect(navigationOf('clerk').map((entry) => entry.label)).toEqual(['窗口首页', '办件受理', '我的工作台', '乡呼县应']);
    expect(navigationOf('approver').map((entry) => entry.path)).toEqual(['/back-office', '/back-office/queue']);
  });

  it('gives supervisors their inbox, records and pledge checks, and the head the escalations too', () => {
    expect(navigationOf('supervisor').map((entry) => entry.label)).toEqual(['监管告知', '监管记录', '告知承诺核查']);
    expect(navigationOf('supervisor-head').map((entry) => entry.label)).toEqual(['监管告知', '超时督办', '监管记录', '告知承诺核查']);
    expect(activeEntry(navigationOf('supervisor'), '/supervision/holders/91350100M000100Y43')).toBe('/supervision/holders');
  });

  it('gives management the 电子监察 dashboard and the monthly report', () => {
    expect(navigationOf('manager').map((entry) => entry.label)).toEqual(['电子监察', '月度报告', '事项目录']);
  });

  it('highlights the entry a page was reached from', () => {
    const clerk = navigationOf('clerk');
    expect(activeEntry(clerk, '/window')).toBe('/window');
    expect(activeEntry(clerk, '/window/start')).toBe('/window/start');
    expect(activeEntry(clerk, '/window/applications/4c1e/receipt')).toBe('/window/desk');
    expect(activeEntry(navigationOf('approver'), '/back-office/cases/9a2b')).toBe('/back-office/queue');
  });

  it('gives the integrator and the administrator the operations pages', () => {
    expect(navigationOf('integrator').map((entry) => entry.label)).toEqual(['首页', '对接系统', '交换日志', '死信处理', '映射调试']);
    expect(navigationOf('admin').map((entry) => entry.label)).toEqual([
      '首页',
      '电子监察',
      '月度报告',
      '对接系统',
      '交换日志',
      '死信处理',
      '映射调试',
      '工作日历',
      '事项目录',
      '登录审计',
    ]);
  });
});
