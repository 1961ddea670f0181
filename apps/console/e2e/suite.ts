import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newDesk } from './browser';
import { startConsolePlatform, type ConsolePlatform } from './platform';

/** One browser-test file's platform and browser, started before its tests and stopped after. */
export interface ConsoleSuite {
  /** The console's one address (valid once the suite has started). */
  readonly baseUrl: string;
  /** A fresh desk (its own cookies: its own session) with the console open; a phone's screen when asked. */
  desk(options?: { viewport?: { width: number; height: number } }): Promise<Page>;
  /** The latest SMS sign-in code sent to a phone, read from intake's SMS outbox as the phone would receive it. */
  smsCode(phone: string): Promise<string>;
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
    async smsCode(phone) {
      if (!platform?.query) throw new Error('the SMS outbox can be read only on the platform the tests start');
      const [sms] = await platform.query<{ text: string }>(
        'intake',
        `SELECT text FROM $schema.notification WHERE phone = $1 AND kind = 'sign-in-code' ORDER BY created_at DESC LIMIT 1`,
        [phone],
      );
      const code = /验证码为(\d{6})/.exec(sms?.text ?? '')?.[1];
      if (!code) throw new Error(`no sign-in SMS to ${phone}`);
      return code;
    },
    async desk(options = {}) {
      if (!browser || !platform) throw new Error('the console platform has not started');
      const context = await newDesk(browser, platform.baseUrl, options.viewport);
      contexts.push(context);
      return context.newPage();
    },
  };
}
