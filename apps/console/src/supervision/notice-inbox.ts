import type { Notice, NoticeStatus } from '@/api/supervision';

/**
 * The supervisor's inbox (监管告知) as a supervisor reads it: what still waits for 认领 first, the
 * nearest deadline first, and the time left as plain words that count down.
 */

/** Still waiting for 认领 (pending, or escalated to the head because the deadline passed). */
export function isUnacknowledged(status: NoticeStatus): boolean {
  return status === 'pending' || status === 'escalated';
}

/** Unread (not yet acknowledged) first; within each, the earliest 认领 deadline first. */
export function inboxOrder<T extends Pick<Notice, 'status' | 'acknowledgeBy' | 'id'>>(notices: readonly T[]): T[] {
  return [...notices].sort((a, b) => {
    const unread = Number(isUnacknowledged(b.status)) - Number(isUnacknowledged(a.status));
    if (unread !== 0) return unread;
    const due = Date.parse(a.acknowledgeBy) - Date.parse(b.acknowledgeBy);
    return due !== 0 ? due : a.id.localeCompare(b.id);
  });
}

export type Urgency = 'overdue' | 'soon' | 'ample' | 'done';

/** The countdown to the 认领 deadline: `剩 1 天 3 小时`, `剩 45 分钟`, `已超时 2 小时`. */
export function acknowledgeCountdown(
  notice: Pick<Notice, 'status' | 'acknowledgeBy' | 'acknowledgedAt'>,
  now: Date,
): { text: string; urgency: Urgency } {
  if (notice.status === 'acknowledged') return { text: '已认领', urgency: 'done' };
  if (notice.status === 'closed') return { text: '已关闭', urgency: 'done' };
  const left = Date.parse(notice.acknowledgeBy) - now.getTime();
  if (left <= 0) return { text: `已超时 ${duration(-left)}`, urgency: 'overdue' };
  return { text: `剩 ${duration(left)}`, urgency: left <= 4 * 3_600_000 ? 'soon' : 'ample' };
}

function duration(ms: number): string {
  const minutes = Math.max(1, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / (24 * 60));
  const hours = Math.floor((minutes % (24 * 60)) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} 天 ${hours} 小时` : `${days} 天`;
  if (hours > 0) return rest > 0 ? `${hours} 小时 ${rest} 分钟` : `${hours} 小时`;
  return `${rest} 分钟`;
}

/** 认领 of several notices at once: each on its own, the ones refused kept with the reason. */
export async function acknowledgeEach(
  ids: readonly string[],
  acknowledge: (id: string) => Promise<unknown>,
  messageOf: (error: unknown) => string,
): Promise<{ done: string[]; failed: Array<{ id: string; message: string }> }> {
  const done: string[] = [];
  const failed: Array<{ id: string; message: string }> = [];
  for (const id of ids) {
    try {
      await acknowledge(id);
      done.push(id);
    } catch (error) {
      failed.push({ id, message: messageOf(error) });
    }
  }
  return { done, failed };
}
