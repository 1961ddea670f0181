import type { Config } from './generated/runtime/client';
import { apiFetch } from './api-fetch';

/**
 * The runtime configuration of every generated client (`runtimeConfigPath` of the generator):
 * each call goes through the console's session-aware fetch and throws on a refusal.
 */
export function createClientConfig<T extends Config>(override?: T): T {
  return { ...override, fetch: (input: RequestInfo | URL, init?: RequestInit) => apiFetch(input, init), throwOnError: true } as T;
}
