import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/**
 * The first stages of a graceful shutdown, for HTTP: stop accepting (the listener closes, idle
 * keep-alive connections are closed, every response from now on says `Connection: close` so no
 * client sends another request on its connection), then let the requests in flight finish. Only
 * after that may the consumer stop and the outbox flush: an event written by a request served
 * after the flush would wait in the outbox until the next start.
 */
export class HttpDrain {
  private draining = false;
  private readonly inFlight = new Set<ServerResponse>();

  /** Express middleware: installed first, it sees every request. */
  readonly middleware = (_request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    if (this.draining) response.setHeader('Connection', 'close');
    this.inFlight.add(response);
    response.once('close', () => this.inFlight.delete(response));
    next();
  };

  /** Requests being answered now. */
  get inFlightCount(): number {
    return this.inFlight.size;
  }

  /**
   * Stops accepting and waits until every connection has ended, at most `timeoutMs`; then closes
   * what is left. Resolves to whether everything finished in time.
   */
  async drain(server: Server, timeoutMs: number): Promise<boolean> {
    this.draining = true;
    // Responses whose headers are not written yet will close their connection after them.
    for (const response of this.inFlight) if (!response.headersSent) response.setHeader('Connection', 'close');
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // A keep-alive connection becomes idle when its last response is written: close it then, not at the timeout.
    server.closeIdleConnections();
    const sweep = setInterval(() => server.closeIdleConnections(), 25);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timed-out'>((resolve) => {
      timer = setTimeout(() => resolve('timed-out'), timeoutMs);
    });
    try {
      const outcome = await Promise.race([closed.then(() => 'closed' as const), timedOut]);
      if (outcome === 'timed-out') server.closeAllConnections();
      return outcome === 'closed';
    } finally {
      clearInterval(sweep);
      clearTimeout(timer);
    }
  }
}
