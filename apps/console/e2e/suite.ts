import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newDesk } from './browser';
import { startConsolePlatform, type ConsolePlatform } from './platform';

/** One browser-test file's platform and browser, started before its tests and stopped after. */
export interface ConsoleSuite {
  /** The console's one address (valid once the suite has started). */
  readonly baseUrl: string;
  /** A fresh desk (its own cookies: its own session) with the console open; a phone's screen when asked. */
  desk(options?: { viewport?: { width: number; height: number } }): Promise<Page>;
}

/** `clock`: one clock for every service (a `ManualClock`), for tests that move time (deadlines passing). */
export function consoleSuite(options: { clock?: { now(): Date } } = {}): ConsoleSuite {
  let platform: ConsolePlatform | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [platform, browser] = await Promise.all([startConsolePlatform(options), launchChromium()]);
  });

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
    await browser?.close();
    await platform?.stop();
  });

  return {
    get baseUrl() {
      if (!platform) throw new Error('the console platform has not started');
      return platform.baseUrl;
    },
    async desk(options = {}) {
      if (!browser || !platform) throw new Error('the console platform has not started');
      const context = await newDesk(browser, platform.baseUrl, options.viewport);
      contexts.push(context);
      return context.newPage();
    },
  };
}
