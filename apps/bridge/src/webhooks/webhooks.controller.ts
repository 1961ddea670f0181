import { Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock, Public, type DomainError } from '@onewindow/platform';
import type { Response } from 'express';
import { AdapterConfigurationRepository } from '../adapters/adapter-configuration.repository';
import { BridgeRuntime } from '../adapters/bridge-runtime';
import { readWebhookSettings } from '../adapters/http/http.transport';
import { checkSignature } from '../adapters/http/signature';
import { BRIDGE_ERRORS } from '../bridge-errors';
import type { Decoded } from '../adapters/transport';
import { InboundProcessor, type InboundOutcome } from '../inbound/inbound-processor';
import type { RequestWithRawBody } from './raw-body';
import { WebhookNonceRepository } from './webhook-nonce.repository';
import { WebhookRefusalLog } from './webhook-refusal-log';
import { WebhookReceiptView } from './webhook.view';

/**
 * HTTP in (部门系统回调): a department system posts results or supervision records, signed with
 * HMAC-SHA256 over the exact body. Refused: a bad signature (tampered or wrong key), a timestamp
 * outside the window, a nonce seen before (replay). Idempotent by the department's own id.
 * Refusals are rate-limited per adapter and source address (429 with Retry-After) and summarised in
 * the exchange log, so unauthenticated calls cannot flood its hash chain.
 */
@ApiTags('webhooks 部门系统回调')
@Controller('webhooks')
export class WebhooksController {
  constructor(
    private readonly runtime: BridgeRuntime,
    private readonly processor: InboundProcessor,
    private readonly refusals: WebhookRefusalLog,
    private readonly nonces: WebhookNonceRepository,
    private readonly configuration: AdapterConfigurationRepository,
    private readonly clock: Clock,
  ) {}

  @Post(':adapterId/:kind')
  @Public()
  @HttpCode(202)
  @ApiOperation({
    summary:
      'A department system delivers results and 退回补正 (kind=result), 受理回执 (kind=acknowledgement) or supervision records (kind=supervision-record), HMAC-signed',
  })
  @ApiAcceptedResponse({ type: WebhookReceiptView })
  async receive(
    @Param('adapterId') adapterId: string,
    @Param('kind') kind: string,
    @Req() request: RequestWithRawBody,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ outcomes: InboundOutcome[] }> {
    const adapter = this.runtime.adapter(adapterId);
    const inbound = adapter?.inbound.find((i) => i.definition.kind === kind && i.definition.transport.kind === 'webhook');
    if (!adapter || !inbound) throw BRIDGE_ERRORS.WEBHOOK_NOT_FOUND({ adapterId, kind });
    const state = await this.configuration.state(adapterId);
    if (state?.paused) throw BRIDGE_ERRORS.ADAPTER_PAUSED({ adapter: adapter.definition.name, reason: state.pausedReason });

    const source = (request as { ip?: string }).ip ?? request.socket.remoteAddress ?? 'unknown';
    this.refusals.admit(adapterId, source, (seconds) => response.setHeader('Retry-After', String(seconds)));
    const body = request.rawBody ?? Buffer.alloc(0);
    const now = this.clock.now();
    const { secret, windowSeconds } = readWebhookSettings(inbound.definition.transport, '').value;
    const refuse = (refusal: DomainError): Promise<never> => this.refusals.refuse(adapterId, kind, source, body, refusal);
    const check = checkSignature(secret, request.headers, body, now, windowSeconds);
    if (!check.ok) return refuse(check.refusal);
    if (!(await this.nonces.recordFirstUse(adapterId, check.nonce, now))) return refuse(BRIDGE_ERRORS.REPLAYED());
    // Nonces older than twice the window can never be accepted again anyway (their timestamp is out).
    await this.nonces.forgetSeenBefore(adapterId, new Date(now.getTime() - 2 * windowSeconds * 1000));

    const text = body.toString('utf8');
    let decoded: Decoded;
    try {
      const parsed: unknown = JSON.parse(text);
      const records = Array.isArray(parsed) ? parsed : [parsed];
      decoded = records.every((r) => typeof r === 'object' && r !== null && !Array.isArray(r))
        ? { ok: true, records: records as Array<Record<string, unknown>> }
        : { ok: false, code: 'syntax_error', message: '请求内容应为 JSON 对象或对象数组' };
    } catch (error) {
      decoded = { ok: false, code: 'syntax_error', message: `请求内容不是合法的 JSON：${(error as Error).message}` };
    }
    const outcomes = await this.processor.process(adapter, inbound, { reference: `webhook ${check.nonce}`, raw: text, decoded });
    if (outcomes.every((outcome) => outcome.status === 'dead-lettered')) {
      const problems = outcomes.flatMap((outcome) => (outcome.status === 'dead-lettered' ? outcome.problems : []));
      throw BRIDGE_ERRORS.RECORD_REFUSED(problems.map((p) => ({ path: p.field ?? p.target ?? '', code: p.code, message: p.message })));
    }
    return { outcomes };
  }
}
