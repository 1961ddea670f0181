import type { ApplicationFilter } from '@/api/intake';

/** 我的工作台: the lists a window clerk works through during the day. */
export interface DeskTab {
  name: string;
  label: string;
  filter: ApplicationFilter;
  empty: string;
}

export function deskTabs(today: string): DeskTab[] {
  return [
    { name: 'today', label: '今日收件', filter: { receivedOn: today }, empty: '今天还没有收件' },
    { name: 'pre-review', label: '网上预审', filter: { status: 'submitted' }, empty: '没有待预审的网上申报' },
    { name: 'awaiting-supplement', label: '待补正（一次性告知）', filter: { status: 'awaiting-supplement' }, empty: '没有待补正的申请' },
    { name: 'department-supplement', label: '部门退回补正', filter: { supplementRequested: true }, empty: '没有部门退回补正的申请' },
    { name: 'decided', label: '办结待出件', filter: { status: 'decided' }, empty: '没有待出件的申请' },
    { name: 'issued', label: '已出件', filter: { status: 'issued' }, empty: '没有已出件的申请' },
  ];
}
