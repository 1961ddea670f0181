import { existsSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import express, { type Request, type Response } from 'express';
import { createProxyMiddleware, proxyEventsPlugin } from 'http-proxy-middleware';
import { authorizationFor, requestIdFor, unavailableBody, unknownApiBody } from './gateway-rules';

export interface ConsoleGatewayOptions {
  host: string;
  port: number;
  /** `/api/<name>/…` goes to `services[name]` with the prefix stripped. */
  services: Record<string, string>;
  /** The built console (Vite output); its `index.html` answers every other GET. */
  consoleDir: string;
  /** How long a service may take to answer before the browser gets 504. */
  proxyTimeoutMs?: number;
}

export interface ConsoleGateway {
  url: string;
  server: Server;
  close(): Promise<void>;
}

const REQUEST_ID = 'x-request-id';

/**
 * The console's one address: the built console as static files, and the services under
 * `/api/<service>/` on the same origin (no CORS). The session cookie becomes a bearer token for
 * the services; bodies stream through both ways; a service that cannot be reached is answered in
 * the platform's error shape. nginx does the same in a separate deployment (docker/console.nginx.conf).
 */
export function createConsoleGatewayApp(options: Omit<ConsoleGatewayOptions, 'host' | 'port'>): express.Express {
  const logger = new Logger('Gateway');
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', 'strong');

  app.use((request, response, next) => {
    const requestId = requestIdFor(request.headers[REQUEST_ID]);
    request.headers[REQUEST_ID] = requestId;
    response.setHeader(REQUEST_ID, requestId);
    next();
  });

  // http-proxy aborts a request past `proxyTimeout` and reports a reset like any other: remember which timed out.
  const timedOut = new WeakSet<IncomingMessage>();
  for (const [service, target] of Object.entries(options.services)) {
    app.use(
      `/api/${service}`,
      createProxyMiddleware<IncomingMessage, ServerResponse>({
        target,
        changeOrigin: true,
        xfwd: true,
        proxyTimeout: options.proxyTimeoutMs ?? 300_000,
        // Our own error answer below replaces the library's plain-text one.
        ejectPlugins: true,
        plugins: [proxyEventsPlugin],
        on: {
          proxyReq(proxyRequest, request) {
            const authorization = authorizationFor(request.headers);
            if (authorization) proxyRequest.setHeader('authorization', authorization);
            proxyRequest.once('timeout', () => timedOut.add(request));
          },
          error(error, request, response) {
            const requestId = String(request.headers[REQUEST_ID]);
            const code = (error as NodeJS.ErrnoException).code;
            logger.warn(`${service} unreachable for ${request.method} ${request.url} (${code ?? error.message}, request ${requestId})`);
            // A socket (no HTTP response to write), or an answer already under way: all that is left is to cut it.
            if (!('writeHead' in response) || response.headersSent) return void response.destroy();
            const { status, body } = unavailableBody(service, requestId, timedOut.has(request));
            response
              .writeHead(status, { 'content-type': 'application/json; charset=utf-8', [REQUEST_ID]: requestId })
              .end(JSON.stringify(body));
          },
        },
      }),
    );
  }

  app.use('/api', (request: Request, response: Response) => {
    response.status(404).json(unknownApiBody(String(request.headers[REQUEST_ID])));
  });

  app.use(securityHeaders);
  // Vite names every asset by its content: cache them for a year; index.html must always be fresh.
  app.use(
    '/assets',
    express.static(join(options.consoleDir, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: false }),
  );
  app.use(express.static(options.consoleDir, { index: false, maxAge: '1h' }));
  app.get('/{*path}', (_request: Request, response: Response) => {
    const index = join(options.consoleDir, 'index.html');
    if (!existsSync(index)) {
      response.status(503).type('html').send(NOT_BUILT);
      return;
    }
    response.setHeader('cache-control', 'no-cache');
    response.sendFile(index);
  });
  return app;
}

export async function startConsoleGateway(options: ConsoleGatewayOptions): Promise<ConsoleGateway> {
  const app = createConsoleGatewayApp(options);
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(options.port, options.host, (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
  return {
    url: `http://${host}:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function securityHeaders(_request: Request, response: Response, next: () => void): void {
  response.setHeader('x-content-type-options', 'nosniff');
  response.setHeader('x-frame-options', 'DENY');
  response.setHeader('referrer-policy', 'same-origin');
  next();
}

const NOT_BUILT = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>OneWindow 控制台尚未构建</title>
<body style="font-family:sans-serif;margin:3em"><h1>控制台尚未构建</h1>
<p>The console has not been built. Run <code>npx nx run console:build</code> (or <code>npm start</code>, which builds it when missing), then reload.</p></body></html>`;
