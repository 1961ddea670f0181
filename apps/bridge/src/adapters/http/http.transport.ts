import type { Clock } from '@onewindow/platform';
import { SettingsReader } from '../settings';
import { TransportError, type LookupTransport, type OutboundTransport, type TransportContext, type TransportKind } from '../transport';
import { signedHeaders } from './signature';

interface HttpSettings {
  url: string;
  secret: string | undefined;
  timeoutMs: number;
}

function read(settings: Record<string, unknown>, path: string): { value: HttpSettings; reader: SettingsReader } {
  const reader = new SettingsReader(settings, path);
  const url = reader.string('url', { pattern: /^https?:\/\/\S+$/, hint: '必须是 http:// 或 https:// 地址' }) ?? '';
  const secret = reader.string('secret', { optional: true, pattern: /^.{16,}$/, hint: '至少要 16 个字符' });
  const timeoutMs = reader.integer('timeoutMs', 100, 120_000) ?? 10_000;
  return { value: { url, secret, timeoutMs }, reader };
}

/**
 * HTTP out: POST the mapped record as JSON, signed with HMAC-SHA256 (see `signature.ts`), within
 * a timeout. 2xx is an acknowledgement (the system's reference from `reference` or `id` in the
 * reply); 409 means the system has it already. 5xx, 408, 429, timeouts and network errors are
 * retried by the delivery worker; other 4xx are dead-lettered.
 */
export class HttpOutboundTransport implements OutboundTransport {
  constructor(
    private readonly settings: HttpSettings,
    private readonly clock: Clock,
  ) {}

  async send(record: Record<string, unknown>, meta: { deliveryId: string; applicationNumber: string }) {
    const body = JSON.stringify(record);
    const response = await request(this.settings.url, this.settings.timeoutMs, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'x-onewindow-delivery-id': meta.deliveryId,
        ...(this.settings.secret ? signedHeaders(this.settings.secret, body, this.clock.now()) : {}),
      },
      body,
    });
    if (response.status === 409) return { acknowledged: true };
    if (response.ok) {
      const reply = (await response.json().catch(() => ({}))) as Record<string, unknown>;
      const reference = reply['reference'] ?? reply['id'];
      // The system's own number for what it took is its case number (部门办件编号): results may name the part by it.
      return {
        acknowledged: true,
        ...(typeof reference === 'string' || typeof reference === 'number'
          ? { reference: String(reference), caseNumber: String(reference) }
          : {}),
      };
    }
    const detail = (await response.text().catch(() => '')).slice(0, 500);
    const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
    throw new TransportError(`部门系统返回 HTTP ${response.status}${detail ? `：${detail}` : ''}`, retryable);
  }
}

/** HTTP look-up: GET the URL with `{key}` replaced; 404 means the source knows no such key. */
export class HttpLookupTransport implements LookupTransport {
  constructor(
    private readonly settings: HttpSettings,
    private readonly clock: Clock,
  ) {}

  async fetch(key: string): Promise<Record<string, unknown> | null> {
    const url = this.settings.url.replace('{key}', encodeURIComponent(key));
    const response = await request(url, this.settings.timeoutMs, {
      method: 'GET',
      headers: { accept: 'application/json', ...(this.settings.secret ? signedHeaders(this.settings.secret, '', this.clock.now()) : {}) },
    });
    if (response.status === 404) return null;
    if (!response.ok) throw new TransportError(`数据源返回 HTTP ${response.status}`, response.status >= 500);
    return (await response.json()) as Record<string, unknown>;
  }
}

async function request(url: string, timeoutMs: number, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    throw new TransportError(timedOut ? `部门系统在 ${timeoutMs} 毫秒内未响应` : `无法连接部门系统：${(error as Error).message}`, true);
  }
}

export const httpTransportKind: TransportKind = {
  kind: 'http',
  check: (settings, path) => read(settings, path).reader.problems,
  outbound: (settings, context: TransportContext) => new HttpOutboundTransport(read(settings, '').value, context.clock),
  lookup: (settings, context: TransportContext) => new HttpLookupTransport(read(settings, '').value, context.clock),
};

/** HTTP in: the department system calls `POST /webhooks/{adapter}/{kind}`, signed like HTTP out. */
export interface WebhookSettings {
  secret: string;
  /** Requests whose timestamp is further than this from now are refused (default 300 s). */
  windowSeconds: number;
}

export function readWebhookSettings(settings: Record<string, unknown>, path: string): { value: WebhookSettings; reader: SettingsReader } {
  const reader = new SettingsReader(settings, path);
  const secret = reader.string('secret', { pattern: /^.{16,}$/, hint: '至少要 16 个字符' }) ?? '';
  const windowSeconds = reader.integer('windowSeconds', 10, 3600) ?? 300;
  return { value: { secret, windowSeconds }, reader };
}

export const webhookTransportKind: TransportKind = {
  kind: 'webhook',
  check: (settings, path) => readWebhookSettings(settings, path).reader.problems,
  inbound: () => undefined,
};
