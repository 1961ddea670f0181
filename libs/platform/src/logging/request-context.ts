import { AsyncLocalStorage } from 'node:async_hooks';
import type { AuthenticatedUser } from '../auth/roles';
import { formatTraceparent, type TraceContext } from './trace-context';

export interface RequestContextData {
  requestId: string;
  trace: TraceContext;
  user?: AuthenticatedUser;
}

const storage = new AsyncLocalStorage<RequestContextData>();

/** The request (or consumed event) being handled: ids for logs, events and the audit trail. */
export const RequestContext = {
  run<T>(data: RequestContextData, fn: () => T): T {
    return storage.run(data, fn);
  },
  current(): RequestContextData | undefined {
    return storage.getStore();
  },
  setUser(user: AuthenticatedUser): void {
    const store = storage.getStore();
    if (store) store.user = user;
  },
  traceparent(): string | undefined {
    const store = storage.getStore();
    return store ? formatTraceparent(store.trace) : undefined;
  },
};
