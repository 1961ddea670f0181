import { ElMessage, ElMessageBox } from 'element-plus';
import 'element-plus/es/components/message/style/css';
import 'element-plus/es/components/message-box/style/css';
import { ApiError } from '@/api/api-error';

/** Short confirmations and refusals at the top of the screen (Element Plus messages, per component). */
export function notifySuccess(message: string): void {
  ElMessage({ type: 'success', message, grouping: true });
}

export function notifyError(error: unknown): void {
  ElMessage({ type: 'error', message: messageOf(error), grouping: true, duration: 6000, showClose: true });
}

/** The Chinese message to show for any failure. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return '操作未能完成，请稍后重试';
}

/** Asks before an action that cannot be undone; resolves true when confirmed. */
export async function confirmAction(message: string, title: string, confirmButtonText = '确定'): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, title, { confirmButtonText, cancelButtonText: '取消', type: 'warning' });
    return true;
  } catch {
    return false;
  }
}
