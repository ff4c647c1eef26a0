// The UIs talk to the server only through API.md: JSON over HTTP with a bearer token.

export class ApiError extends Error {
  // Declared, not class fields: the es2020 build would otherwise ship a defineProperty helper to
  // every phone page for these two (tests/e2e/track-budget.test.ts).
  declare readonly status: number;
  declare readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    Object.assign(this, { status, code });
  }
}

export interface RequestOptions {
  token?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** Calls the API; answers the parsed JSON (null for 204) or throws ApiError (status 0: offline). */
export async function api<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
      credentials: 'same-origin',
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'offline', 'the server cannot be reached');
  }
  if (res.status === 204) return null as T;
  const data = await res.json().catch(() => null);
  if (!res.ok) throw refusal(res, data);
  return data as T;
}

/** The ApiError a refused response stands for: the code and message of its `{ error }` body, if it sent one. */
export function refusal(res: Response, body: unknown): ApiError {
  const error = (body as { error?: { code: string; message: string } } | null)?.error;
  return new ApiError(res.status, error?.code ?? 'error', error?.message ?? res.statusText);
}

/**
 * A fresh Idempotency-Key. crypto.randomUUID exists only in secure contexts, and a hall's
 * kiosk often runs on plain http on the local network; getRandomValues works everywhere.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
