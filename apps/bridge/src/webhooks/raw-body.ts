import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { PLATFORM_ERRORS } from '@onewindow/platform';
import type { IncomingMessage } from 'node:http';

/** The exact bytes of a webhook request, which the signature covers. */
export interface RequestWithRawBody extends IncomingMessage {
  rawBody?: Buffer;
}

const MAX_BYTES = 5 * 1024 * 1024;

/**
 * HMAC signatures cover the bytes as sent, not a re-serialised JSON object. The platform's JSON
 * parser consumes the body for every route, so for `/webhooks/` the body is read here first,
 * while the application is being built (before Nest registers its parsers); the parser then finds
 * the request already read and leaves it alone.
 */
@Injectable()
export class WebhookRawBody {
  constructor(adapterHost: HttpAdapterHost) {
    const app = adapterHost.httpAdapter?.getInstance?.() as { use?: (path: string, handler: unknown) => void } | undefined;
    app?.use?.('/webhooks', (request: RequestWithRawBody & { body?: unknown }, _response: unknown, next: (error?: unknown) => void) => {
      const chunks: Buffer[] = [];
      let size = 0;
      request.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_BYTES) chunks.push(chunk);
      });
      request.on('end', () => {
        if (size > MAX_BYTES) {
          // The platform's refusal, as any other: Nest hands an error passed to next() to the error filter.
          next(PLATFORM_ERRORS.PAYLOAD_TOO_LARGE({ limitBytes: MAX_BYTES }));
          return;
        }
        request.rawBody = Buffer.concat(chunks);
        request.body = {};
        next();
      });
      request.on('error', next);
    });
  }
}
