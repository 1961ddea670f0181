/** What a test reads back from a service: the status, the JSON body (empty for other types), the raw text. */
export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  text: string;
  type: string;
  headers: Headers;
}

/** One HTTP call to a running service as a signed-in user (or anonymously with `null`), JSON in and out. */
export function callApi<T = Record<string, unknown>>(
  baseUrl: string,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<ApiResponse<T>> {
  return requestJson<T>(`${baseUrl}${path}`, method, token ? { authorization: `Bearer ${token}` } : {}, body);
}

/** One JSON request with the given headers; the answer read whole. */
export async function requestJson<T = Record<string, unknown>>(
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<ApiResponse<T>> {
  const response = await fetch(url, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    body: (type.includes('json') && text ? JSON.parse(text) : {}) as T,
    text,
    type,
    headers: response.headers,
  };
}
