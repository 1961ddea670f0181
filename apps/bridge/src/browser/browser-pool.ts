import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Debian's chromium package (`apt-get install chromium`); never a browser build downloaded by Playwright. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

/**
 * One headless chromium per adapter and a bounded number of contexts in it (default 2): one
 * context per delivery, so deliveries never share a half-filled form, all of them with the session
 * (cookies) of the last login, so the system is not logged into for every case.
 */
export class BrowserPool {
  private browser: Promise<Browser> | undefined;
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  private session: StorageState | undefined;

  constructor(readonly options: { chromiumPath: string; headless: boolean; size: number }) {}

  /** Why the adapter cannot work now, or null. */
  unavailable(): string | null {
    return existsSync(this.options.chromiumPath) ? null : `chromium not found at ${this.options.chromiumPath}`;
  }

  /** Runs with a fresh context (waits for a free one); `keepSession` stores its cookies for the next ones. */
  async use<T>(work: (context: BrowserContext, keepSession: () => Promise<void>) => Promise<T>): Promise<T> {
    await this.acquire();
    let context: BrowserContext | undefined;
    try {
      const browser = await this.launch();
      context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 }, ...(this.session ? { storageState: this.session } : {}) });
      const opened = context;
      return await work(opened, async () => {
        this.session = await opened.storageState();
      });
    } finally {
      await context?.close().catch(() => undefined);
      this.release();
    }
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = undefined;
    if (browser) await (await browser.catch(() => undefined))?.close().catch(() => undefined);
  }

  private launch(): Promise<Browser> {
    if (!this.browser) {
      const missing = this.unavailable();
      if (missing) return Promise.reject(new Error(missing));
      this.browser = chromium.launch({ executablePath: this.options.chromiumPath, args: CHROMIUM_ARGS, headless: this.options.headless });
      // A browser that failed to start is tried again next time.
      this.browser.catch(() => (this.browser = undefined));
    }
    return this.browser;
  }

  private acquire(): Promise<void> {
    if (this.active < this.options.size) {
      this.active += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active -= 1;
  }
}
