import type { Channel } from '@onewindow/contracts';
import type { FieldProblem } from './materials-check';

/** What the reception rules need of an item. */
export interface ItemForReception {
  code: string;
  name: string;
  channels: Channel[];
  /** 委托受理: false when the department keeps acceptance at its own counter. */
  entrustedToWindow: boolean;
}

/** Filed in person: the applicant (or the village agent) stood at a window. */
export function isInPersonChannel(channel: string): boolean {
  return channel === 'window' || channel === 'village-agent';
}

export const CHANNEL_TEXT: Record<Channel, string> = {
  window: '综合窗口',
  online: '网上办理',
  mobile: '移动端',
  'self-service': '自助终端',
  'village-agent': '村级代办',
};

/**
 * Whether these items may come in this way: each item's channels, and at a comprehensive window
 * only items whose department entrusted acceptance to it (委托受理).
 */
export function receptionProblems(items: ItemForReception[], channel: Channel, via: 'window' | 'online'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  items.forEach((item) => {
    if (!item.channels.includes(channel)) {
      problems.push({ field: 'channel', message: `事项“${item.name}”不支持通过${CHANNEL_TEXT[channel]}办理` });
    }
  });
  if (via === 'window') {
    items.forEach((item, index) => {
      if (!item.entrustedToWindow) {
        problems.push({ field: `items[${index}]`, message: `事项“${item.name}”未委托综合窗口受理，请到部门窗口办理` });
      }
    });
  }
  return problems;
}
