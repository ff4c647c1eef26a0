import { bearer, type TestHall } from '../helpers/hall.js';

// Acting on a test hall over its HTTP API, as its kiosk, clerk and citizens do.

let keys = 0;

/** A staff or device action that must succeed; answers its JSON (null for 204). */
export async function act(hall: TestHall, url: string, token: string, payload?: object): Promise<any> {
  const res = await hall.app.inject({ method: 'POST', url, headers: bearer(token), ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300) throw new Error(`POST ${url} failed: ${res.statusCode} ${res.body}`);
  return res.statusCode === 204 ? null : res.json();
}

export async function serviceId(hall: TestHall, code: string): Promise<number> {
  const list = (await hall.app.inject({ method: 'GET', url: '/api/services' })).json() as { id: number; code: string }[];
  return list.find((s) => s.code === code)!.id;
}

/** A ticket from the demo kiosk, for the service with `code`. */
export async function issue(hall: TestHall, code = 'A'): Promise<any> {
  const res = await hall.app.inject({
    method: 'POST',
    url: '/api/tickets',
    headers: { ...bearer(hall.tokens.kiosk), 'idempotency-key': `central-${++keys}` },
    payload: { serviceId: await serviceId(hall, code) },
  });
  if (res.statusCode !== 201) throw new Error(`issue failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** The outbox as it stands: [seq, kind, refId] rows, oldest first. */
export const outboxRows = (hall: TestHall) =>
  hall.app.conn.sqlite.prepare('SELECT seq, kind, ref_id AS refId FROM outbox ORDER BY seq').all() as { seq: number; kind: string; refId: number }[];
