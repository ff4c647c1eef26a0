import type { FieldIssue } from '../../../server/protocol/admin.js';
import { ApiError } from '../../../ui-kit/api.js';

// The admin API, with the per-field errors (`error.fields`) that ui-kit's api() drops.

export class AdminError extends ApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly fields: FieldIssue[] = [],
  ) {
    super(status, code, message);
  }
}

export interface Body {
  json?: unknown;
  /** A file sent as it is, with its own content type. */
  file?: Blob;
}

/** Calls `base` + path (a hall's /api/admin…, the city's /api/city…); answers the JSON (null for 204) or throws AdminError (status 0: offline). */
export async function adminApi<T>(token: string, method: string, path: string, body: Body = {}, base = '/api/admin'): Promise<T> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  let payload: BodyInit | undefined;
  if (body.json !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body.json);
  } else if (body.file) {
    headers['content-type'] = body.file.type || 'application/octet-stream';
    payload = body.file;
  }
  let res: Response;
  try {
    res = await fetch(`${base}${path}`, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new AdminError(0, 'offline', 'the server cannot be reached');
  }
  if (res.status === 204) return null as T;
  const data = (await res.json().catch(() => null)) as { error?: { code: string; message: string; fields?: FieldIssue[] } } | null;
  if (!res.ok) {
    const e = data?.error;
    throw new AdminError(res.status, e?.code ?? 'error', e?.message ?? res.statusText, e?.fields ?? []);
  }
  return data as T;
}
