import type { EventCause } from '@onewindow/messaging';
import { RequestContext } from '../logging/request-context';

/** Correlation and trace context of the current request, for the events it causes. */
export function requestCause(): EventCause {
  const context = RequestContext.current();
  if (!context) return {};
  const traceparent = RequestContext.traceparent();
  return { correlationId: context.requestId, ...(traceparent ? { traceparent } : {}) };
}
