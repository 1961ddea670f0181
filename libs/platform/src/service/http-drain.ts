import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer } from 'node:net';

/**
 * How long a keep-alive connection that looks idle is kept once the drain begins: a request its
 * client already sent may not have been read yet, and closing the connection then resets it. An
 * active client gets `Connection: close` on its next answer within this time and stops reusing it.
 */
const IDLE_GRACE_MS = 1_000;

/**
 * The first stages of a graceful shutdown, for HTTP: stop accepting (the listener closes, idle
 * keep-alive connections are closed after a short grace, every response from now on says `Connection: close` so no
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
    // Stop listening, but not as http's close() does (it also closes every idle connection at once:
    // one whose client had just sent a request the server had not read yet would be reset).
    const closed = new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()));
    // After the grace, a keep-alive connection is closed as soon as it is idle, not at the timeout.
    let sweep: NodeJS.Timeout | undefined;
    const grace = setTimeout(
      () => {
        server.closeIdleConnections();
        sweep = setInterval(() => server.closeIdleConnections(), 25);
      },
      Math.min(IDLE_GRACE_MS, Math.floor(timeoutMs / 4)),
    );
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timed-out'>((resolve) => {
      timer = setTimeout(() => resolve('timed-out'), timeoutMs);
    });
    try {
      const outcome = await Promise.race([closed.then(() => 'closed' as const), timedOut]);
      if (outcome === 'timed-out') server.closeAllConnections();
      return outcome === 'closed';
    } finally {
      clearTimeout(grace);
      clearInterval(sweep);
      clearTimeout(timer);
    }
  }
}
