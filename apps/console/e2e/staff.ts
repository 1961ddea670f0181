import { callAtConsole, DEMO_PASSWORD, signInAtConsole } from '@onewindow/testing';
import type { Page } from 'playwright-core';
import { screenshot, seriousAccessibilityViolations } from './browser';

/** Signs in at the sign-in page, as a person would, and waits for the role's home. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登 录' }).click();
  await page.getByTestId('signed-in-user').waitFor();
}

/**
 * A main page as it stands: no serious or critical accessibility violation (axe-core), and a
 * screenshot for the README's folder.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('load');
  // The page has its data: no loading mask left (v-loading) and no request in flight for a moment.
  await page.waitForFunction(() => document.querySelectorAll('.el-loading-mask').length === 0);
  await page.waitForTimeout(300);
  await screenshot(page, name);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
}

/** A JSON call through the gateway with a member of staff's session cookie: test set-up, not the journeys themselves. */
export interface StaffApi {
  call<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

export async function staffApi(baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<StaffApi> {
  const signedIn = await signInAtConsole(baseUrl, username, password);
  const session = signedIn.session;
  if (!session) throw new Error(`${username} could not sign in: ${signedIn.status} ${signedIn.text}`);
  return { call: (method, path, body) => callAtConsole(baseUrl, session, method, path, body) };
}

/**
 * A member of staff the demo organisation does not have (a supervisor of another department, say),
 * created by the administrator, whose first password is already changed: ready to sign in.
 */
export async function newStaffAccount(
  baseUrl: string,
  account: { username: string; displayName: string; role: string; departmentCode?: string },
): Promise<{ password: string }> {
  const admin = await staffApi(baseUrl, 'admin');
  const created = await admin.call('POST', '/api/identity/accounts', { ...account, password: 'Initial@2026' });
  expect(created.status).toBe(201);
  const password = 'Mine!2026xyz';
  const own = await staffApi(baseUrl, account.username, 'Initial@2026');
  expect(
    (await own.call('PUT', '/api/identity/sessions/current/password', { currentPassword: 'Initial@2026', newPassword: password })).status,
  ).toBeLessThan(300);
  return { password };
}

/** What has the keyboard focus: its label as a screen reader would say it, near enough. */
async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element) return '';
    const labelled = element.getAttribute('aria-label');
    const byFor = element.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : null;
    const wrapping = element.closest('label')?.textContent;
    return (labelled ?? byFor ?? wrapping ?? element.textContent ?? '').trim();
  });
}

/** Presses Tab (nothing else) until the focus is on the control whose name matches. */
export async function tabTo(page: Page, name: string | RegExp, limit = 60): Promise<void> {
  const matches = (text: string) => (typeof name === 'string' ? text === name : name.test(text));
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    if (matches(await focusedName(page))) return;
  }
  throw new Error(`${limit} presses of Tab never reached ${String(name)}`);
}
