import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { describeTarget, planSteps, type BrowserStep, type PlannedStep, type Target } from './browser-steps';

/** Why a step failed; `page_changed` (the element is not on the page any more) is told apart from every other failure. */
export type StepFailureCode = 'page_changed' | 'rejected_by_system' | 'step_failed';

/** A failed step: what it was, where the browser was, and the screenshot and HTML kept (by their sha256). */
export class BrowserStepFailure extends Error {
  constructor(
    message: string,
    readonly code: StepFailureCode,
    readonly stepLabel: string,
    readonly stepPath: string,
    readonly field: string | undefined,
    readonly selector: string | undefined,
    readonly url: string,
    readonly artifacts: { screenshot?: string; html?: string },
  ) {
    super(message);
    this.name = 'BrowserStepFailure';
  }

  /** Rejected input (the system's own error message) will be rejected again; a changed page or a slow one may come back. */
  get retryable(): boolean {
    return this.code !== 'rejected_by_system';
  }
}

export interface Credentials {
  username: string;
  password: string;
}

export interface RunOptions {
  baseUrl: string;
  stepTimeoutMs: number;
  credentials?: Credentials;
  /** How to tell the system logged the session out, and the steps that log in again. */
  login?: { when: Target; steps: readonly BrowserStep[] };
  /** Called after a login, so the session is kept for the next delivery. */
  onLogin?: () => Promise<void>;
  /** Where screenshots and HTML of failed steps are kept. */
  artifactsFolder?: string;
  /** Called after each step (the dry run prints it). */
  report?: (entry: StepReport) => void;
  /** Before a step marked `submit`: false stops the run there (a dry run without --submit). */
  beforeSubmit?: (planned: PlannedStep) => Promise<boolean>;
}

export interface StepReport {
  label: string;
  title: string;
  outcome: 'ok' | 'skipped' | 'failed' | 'paused';
  detail?: string;
}

export interface RunResult {
  /** What `read` steps wrote. */
  reads: Record<string, unknown>;
  /** False when a dry run stopped before the final submit. */
  submitted: boolean;
}

type Scope = Page | FrameLocator;

/**
 * Runs steps in one page: the values from the mapped record, login whenever the system shows its
 * login page, frames and popups, per-step timeouts. Secrets are typed, never written into messages.
 */
export async function runSteps(
  page: Page,
  steps: readonly BrowserStep[],
  record: Record<string, unknown>,
  options: RunOptions,
): Promise<RunResult> {
  const plan = planSteps(steps, record);
  const state = { page, scope: page as Scope, pages: [page] as Page[] };
  const reads: Record<string, unknown> = {};
  for (const planned of plan) {
    if (planned.skip) {
      options.report?.({ label: planned.label, title: planned.step.title, outcome: 'skipped', detail: `字段 ${planned.field} 无值` });
      continue;
    }
    if (planned.step.submit && options.beforeSubmit && !(await options.beforeSubmit(planned))) {
      options.report?.({
        label: planned.label,
        title: planned.step.title,
        outcome: 'paused',
        detail: '最终提交前暂停（加 --submit 才提交）',
      });
      return { reads, submitted: false };
    }
    try {
      await runStep(state, planned, reads, options);
      options.report?.({
        label: planned.label,
        title: planned.step.title,
        outcome: 'ok',
        ...(planned.step.action === 'read' ? { detail: JSON.stringify(reads[planned.step.into as string]) } : {}),
      });
    } catch (error) {
      const failure = await describeFailure(state.page, planned, error, options);
      options.report?.({ label: planned.label, title: planned.step.title, outcome: 'failed', detail: failure.message });
      throw failure;
    }
  }
  return { reads, submitted: true };
}

/** The element not there at all: the page changed (or is not the page the steps expect). */
class ElementMissing extends Error {}
/** The system answered with its own error message. */
class SystemRejected extends Error {}

async function runStep(
  state: { page: Page; scope: Scope; pages: Page[] },
  planned: PlannedStep,
  reads: Record<string, unknown>,
  options: RunOptions,
): Promise<void> {
  const { step } = planned;
  const timeout = step.timeoutMs ?? options.stepTimeoutMs;
  const found = async (target: Target, scope: Scope = state.scope): Promise<Locator> => {
    const locator = locate(scope, target);
    try {
      await locator.first().waitFor({ state: 'attached', timeout });
    } catch {
      throw new ElementMissing(`页面已改变：找不到${describeTarget(target)}`);
    }
    return locator;
  };
  switch (step.action) {
    case 'goto': {
      const url = new URL(step.url as string, options.baseUrl).toString();
      await state.page.goto(url, { timeout });
      state.scope = state.page;
      // The system logged the session out (a timeout, a nightly logout): log in again and go on.
      if (options.login && (await locate(state.page, options.login.when).count()) > 0) {
        await login(state, options, timeout);
        await state.page.goto(url, { timeout });
      }
      return;
    }
    case 'fill': {
      const value = step.secret ? secretOf(options, step.secret) : String(planned.value ?? '');
      await (await found(step.target as Target)).fill(value, { timeout });
      return;
    }
    case 'select': {
      const locator = await found(step.target as Target);
      const value = planned.value as string | string[];
      // By the option's value (a code) first, else by its text.
      try {
        await locator.selectOption(value, { timeout: Math.min(timeout, 2000) });
      } catch {
        await locator.selectOption(Array.isArray(value) ? value.map((label) => ({ label })) : { label: value }, { timeout });
      }
      return;
    }
    case 'check': {
      await (await found(step.target as Target)).setChecked(planned.value === true, { timeout });
      return;
    }
    case 'upload': {
      await (await found(step.target as Target)).setInputFiles(planned.value as string | string[], { timeout });
      return;
    }
    case 'click': {
      await (await found(step.target as Target)).click({ timeout });
      return;
    }
    case 'waitFor': {
      if (step.navigation) await state.page.waitForLoadState('load', { timeout });
      else if (step.text) await found({ text: step.text });
      else await found(step.target as Target);
      return;
    }
    case 'frame': {
      if (step.frame === 'main') state.scope = state.page;
      else state.scope = (await found(step.frame as Target)).first().contentFrame();
      return;
    }
    case 'popup': {
      if (step.popup === 'close') {
        await state.page.close();
        state.pages.pop();
        state.page = state.pages[state.pages.length - 1] as Page;
        state.scope = state.page;
        return;
      }
      const opener = await found(step.target as Target);
      const [popup] = await Promise.all([state.page.waitForEvent('popup', { timeout }), opener.first().click({ timeout })]);
      await popup.waitForLoadState('load', { timeout });
      state.pages.push(popup);
      state.page = popup;
      state.scope = popup;
      return;
    }
    case 'read': {
      const locator = (await found(step.target as Target)).first();
      if (step.columns) {
        const rows = await locator
          .locator('tr')
          .evaluateAll((trs) =>
            trs.map((tr) =>
              Array.from(
                (tr as unknown as { querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> }).querySelectorAll('td'),
              ).map((td) => (td.textContent ?? '').trim()),
            ),
          );
        reads[step.into as string] = rows
          .filter((cells) => cells.length > 0)
          .map((cells) => Object.fromEntries((step.columns as string[]).map((column, i) => [column, cells[i] ?? ''])));
      } else if (step.attr) {
        reads[step.into as string] = (await locator.getAttribute(step.attr, { timeout })) ?? '';
      } else {
        reads[step.into as string] = (await locator.innerText({ timeout })).trim();
      }
      return;
    }
    case 'assert': {
      const expected = locate(state.scope, { text: step.text as string }).first();
      const error = step.error ? locate(state.scope, step.error).first() : undefined;
      await Promise.any([expected.waitFor({ timeout }), ...(error ? [error.waitFor({ timeout })] : [])]).catch(() => undefined);
      if (error && (await error.count()) > 0) throw new SystemRejected(`部门系统提示：${(await error.innerText()).trim()}`);
      if ((await expected.count()) === 0) throw new ElementMissing(`页面没有出现“${step.text}”`);
      return;
    }
    case 'repeat':
      // Unrolled by the plan.
      return;
  }
}

async function login(state: { page: Page; scope: Scope }, options: RunOptions, timeout: number): Promise<void> {
  if (!options.login) return;
  for (const planned of planSteps(options.login.steps, {})) {
    const step = planned.step;
    if (step.action === 'goto') {
      await state.page.goto(new URL(step.url as string, options.baseUrl).toString(), { timeout });
      continue;
    }
    await runStep({ ...state, pages: [state.page] }, planned, {}, options);
  }
  if ((await locate(state.page, options.login.when).count()) > 0) throw new SystemRejected('登录失败：部门系统仍显示登录页（请检查凭据）');
  await options.onLogin?.();
}

function secretOf(options: RunOptions, secret: 'username' | 'password'): string {
  if (!options.credentials) throw new Error('未配置登录凭据');
  return options.credentials[secret];
}

export function locate(scope: Scope, target: Target): Locator {
  if ('label' in target) return scope.getByLabel(target.label, { exact: true });
  if ('css' in target) return scope.locator(target.css);
  if ('text' in target) return scope.getByText(target.text, { exact: false });
  return scope.getByRole(target.role as Parameters<Page['getByRole']>[0], target.name ? { name: target.name, exact: true } : {});
}

/** The failure in words, with the screenshot and HTML of the page kept under their hashes. */
async function describeFailure(page: Page, planned: PlannedStep, error: unknown, options: RunOptions): Promise<BrowserStepFailure> {
  const step = planned.step;
  const code: StepFailureCode =
    error instanceof ElementMissing ? 'page_changed' : error instanceof SystemRejected ? 'rejected_by_system' : 'step_failed';
  const url = page.isClosed() ? '' : page.url();
  const artifacts: { screenshot?: string; html?: string } = {};
  if (options.artifactsFolder && !page.isClosed()) {
    await mkdir(options.artifactsFolder, { recursive: true });
    const keep = async (bytes: Buffer, extension: string) => {
      const hash = createHash('sha256').update(bytes).digest('hex');
      await writeFile(join(options.artifactsFolder as string, `${hash}.${extension}`), bytes);
      return hash;
    };
    artifacts.screenshot = await page
      .screenshot({ fullPage: true, timeout: 5000 })
      .then((png) => keep(png, 'png'))
      .catch(() => undefined);
    artifacts.html = await page
      .content()
      .then((html) => keep(Buffer.from(html, 'utf8'), 'html'))
      .catch(() => undefined);
  }
  const cause = error instanceof Error ? error.message.split('\n')[0] : String(error);
  const kept = [artifacts.screenshot ? `截图 sha256:${artifacts.screenshot}` : '', artifacts.html ? `页面 sha256:${artifacts.html}` : '']
    .filter(Boolean)
    .join('，');
  const message = redact(
    `第 ${planned.label} 步（${step.path}）${step.title} 失败：${cause}${planned.field ? `；字段 ${planned.field}` : ''}；页面 ${url || '（已关闭）'}${kept ? `；已保存${kept}` : ''}`,
    options.credentials,
  );
  return new BrowserStepFailure(
    message,
    code,
    planned.label,
    step.path,
    planned.field,
    step.target ? describeTarget(step.target) : undefined,
    url,
    artifacts,
  );
}

/** Secrets never reach a message, a log line, the exchange log or a dead letter. */
export function redact(text: string, credentials: Credentials | undefined): string {
  if (!credentials) return text;
  let result = text;
  for (const secret of [credentials.password, credentials.username]) if (secret) result = result.split(secret).join('******');
  return result;
}
