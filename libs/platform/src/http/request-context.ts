import { AsyncLocalStorage } from 'node:async_hooks';

/** Per-request facts that deep layers need without threading them through every call (the request id). */
export interface RequestContext {
  requestId?: string;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

export function currentRequestId(): string | null {
  return requestContext.getStore()?.requestId ?? null;
}
