import { ref } from 'vue';
import { currentApplicant, signOutApplicant, type ApplicantSession } from '@/api/public';

/**
 * Who is signed in on the applicant's pages (短信验证码登录), shared by them: undefined until asked,
 * null when nobody is. The session itself is the httpOnly cookie; this only mirrors it.
 */
const applicant = ref<ApplicantSession | null | undefined>(undefined);

export function useApplicantSession() {
  async function refresh(): Promise<ApplicantSession | null> {
    applicant.value = await currentApplicant().catch(() => null);
    return applicant.value;
  }
  async function signOut(): Promise<void> {
    await signOutApplicant().catch(() => undefined);
    applicant.value = null;
  }
  function signedIn(session: ApplicantSession): void {
    applicant.value = session;
  }
  return { applicant, refresh, signOut, signedIn };
}

/** Where the sign-in page sends the applicant afterwards: one of the applicant's own pages only. */
export function afterSignIn(next: unknown): string {
  return typeof next === 'string' && /^\/public\/[a-z-]+$/.test(next) ? next : '/public/mine';
}
