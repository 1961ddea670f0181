import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Which service the work in progress belongs to. In the embedded default four services share one
 * process (and Nest's logger is process-wide), so each service's start-up, HTTP server and event
 * handlers run inside their own context and every log line names the right service.
 */
export const ServiceContext = {
  storage: new AsyncLocalStorage<string>(),
  run<T>(service: string, work: () => T): T {
    return this.storage.run(service, work);
  },
  current(): string | undefined {
    return this.storage.getStore();
  },
};
