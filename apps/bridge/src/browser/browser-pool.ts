import { existsSync } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';

/** Debian's chromium package (`apt-get install chromium`); never a browser build downloaded by Playwright. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

/**
 * One headless chromium per adapter and a bounded number of contexts in it (default 2): one
 * context per delivery, so deliveries never share a half-filled form. Each slot of the pool keeps
 * its own login session (cookies), so the system is not logged into for every case, and two
 * deliveries at once never share a server-side session (old systems keep the form being filled in
 * it: two tabs of one session overwrite each other's draft).
 */
export class BrowserPool {
  private browser: Promise<Browser> | undefined;
  private readonly free: number[];
  private readonly waiting: Array<(slot: number) => void> = [];
  private readonly sessions: Array<StorageState | undefined>;

  constructor(readonly options: { chromiumPath: string; headless: boolean; size: number }) {
    this.free = Array.from({ length: options.size }, (_, slot) => slot);
    this.sessions = Array.from({ length: options.size }, () => undefined);
  }

  /** Why the adapter cannot work now, or null. */
  unavailable(): string | null {
    return existsSync(this.options.chromiumPath) ? null : `chromium not found at ${this.options.chromiumPath}`;
  }

  /** Runs with a fresh context (waits for a free one); `keepSession` stores its cookies for the next ones. */
  async use<T>(work: (context: BrowserContext, keepSession: () => Promise<void>) => Promise<T>): Promise<T> {
    const slot = await this.acquire();
    let context: BrowserContext | undefined;
    try {
      const browser = await this.launch();
      const session = this.sessions[slot];
      context = await browser.newContext({
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        viewport: { width: 1280, height: 900 },
        ...(session ? { storageState: session } : {}),
      });
      const opened = context;
      return await work(opened, async () => {
        this.sessions[slot] = await opened.storageState();
      });
    } finally {
      await context?.close().catch(() => undefined);
      this.release(slot);
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
      // playwright-core is loaded with the first browser, not with the bridge: about 70 MiB and a
      // second of start-up that the embedded default and every bridge without a browser adapter skip.
      this.browser = import('playwright-core').then(({ chromium }) =>
        chromium.launch({ executablePath: this.options.chromiumPath, args: CHROMIUM_ARGS, headless: this.options.headless }),
      );
      // A browser that failed to start is tried again next time.
      this.browser.catch(() => (this.browser = undefined));
    }
    return this.browser;
  }

  private acquire(): Promise<number> {
    const slot = this.free.pop();
    if (slot !== undefined) return Promise.resolve(slot);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(slot: number): void {
    const next = this.waiting.shift();
    if (next) next(slot);
    else this.free.push(slot);
  }
}
