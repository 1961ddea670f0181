import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { ApiError } from '@/api/api-error';
import {
  changePassword as changeOwnPassword,
  currentSession,
  signIn as startSession,
  signOut as endSession,
  type Session,
  type SessionUser,
} from '@/api/identity';

/**
 * Who is signed in, and the sign-in dialog that appears over any page when the session ends.
 * The token itself never reaches this code: it lives in an httpOnly cookie the gateway turns
 * into the bearer header.
 */
export const useSessionStore = defineStore('session', () => {
  const user = ref<SessionUser | null>(null);
  const expiresAt = ref<string | null>(null);
  const restored = ref(false);
  /** Shown over the current page while calls wait for the person to sign in again. */
  const dialogOpen = ref(false);
  let waiting: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  /** Who was signed in when the session ended: someone else signing in does not resume their work. */
  let lostUsername: string | null = null;

  const signedIn = computed(() => user.value !== null);
  const role = computed(() => user.value?.role ?? null);

  function apply(body: Session): void {
    user.value = body.user;
    expiresAt.value = body.expiresAt;
  }

  async function restore(): Promise<void> {
    if (restored.value) return;
    try {
      apply(await currentSession());
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
      user.value = null;
    } finally {
      restored.value = true;
    }
  }

  async function signIn(username: string, password: string): Promise<SessionUser> {
    const body = await startSession(username, password);
    apply(body);
    restored.value = true;
    if (dialogOpen.value) resumeWaiting(body.user.username);
    return body.user;
  }

  async function signOut(): Promise<void> {
    try {
      await endSession();
    } finally {
      user.value = null;
      expiresAt.value = null;
      abandonWaiting();
    }
  }

  /** After an administrator's reset the person chooses a new password before working on. */
  async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
    apply(await changeOwnPassword({ currentPassword, newPassword }));
  }

  /** Called by the session-aware fetch on `TOKEN_EXPIRED` / `UNAUTHENTICATED`. */
  function sessionLost(): Promise<void> {
    if (!dialogOpen.value) {
      lostUsername = user.value?.username ?? lostUsername;
      dialogOpen.value = true;
    }
    return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  }

  function resumeWaiting(username: string): void {
    dialogOpen.value = false;
    const pending = waiting;
    waiting = [];
    const samePerson = lostUsername === null || lostUsername === username;
    lostUsername = null;
    for (const call of pending) {
      if (samePerson) call.resolve();
      else call.reject(new ApiError(401, 'SESSION_CHANGED', '已切换为其他账号登录，原操作未提交'));
    }
  }

  /** The person closed the dialog or signed out: the waiting calls fail with the expiry message. */
  function abandonWaiting(): void {
    dialogOpen.value = false;
    const pending = waiting;
    waiting = [];
    for (const call of pending) call.reject(new ApiError(401, 'TOKEN_EXPIRED', '登录已失效，请重新登录后再提交'));
  }

  return {
    user,
    expiresAt,
    restored,
    dialogOpen,
    signedIn,
    role,
    restore,
    signIn,
    signOut,
    changePassword,
    sessionLost,
    abandonWaiting,
    lostUsername: () => lostUsername,
  };
});
