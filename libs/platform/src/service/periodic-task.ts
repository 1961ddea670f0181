/**
 * A background pass run every `intervalMs` (deadline watches, notice escalation, delivery workers,
 * SMS dispatch): never two passes at once, never keeping the process alive on its own, and a stop
 * that waits for the pass in flight. An interval of 0 or less never starts.
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly name: string,
    private readonly pass: () => Promise<unknown>,
    private readonly logger: { warn(message: string): void },
  ) {}

  start(intervalMs: number): void {
    if (intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => void this.runOnce(), intervalMs);
    this.timer.unref();
  }

  /** One pass now, or the one already in flight. A failure is logged; the next tick tries again. */
  runOnce(): Promise<unknown> {
    this.running ??= this.pass()
      .catch((error: unknown) => this.logger.warn(`${this.name} failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
