import type { FastifyInstance } from 'fastify';
import { bearer } from './hall.js';

// A morning where any sensible staffing advisor moves a clerk (issue 18): 25 citizens wait for
// Civil documents, which counter 6 alone serves; counter 4, open and idle on Fees and taxes, has a
// clerk qualified for Civil documents too. Built through the API, as the hall's staff would.

export const F = 3; // Fees and taxes
export const D = 4; // Civil documents: الوثائق المدنية
export const HELPER = 4; // the counter qualified for D
export const BUSY = 6; // the one counter serving D

export interface Staff {
  admin: string;
  clerk: string;
  supervisor: string;
  kiosk: string;
}

async function send(app: FastifyInstance, method: 'POST' | 'PATCH', url: string, token: string, payload?: object, headers = {}) {
  const res = await app.inject({ method, url, headers: { ...bearer(token), ...headers }, ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Sets the counters, opens them, issues the tickets, and lets the counters settle (30 min). */
export async function busyMorning(app: FastifyInstance, staff: Staff, tick: (ms: number) => unknown, waiting = 25): Promise<void> {
  await send(app, 'PATCH', `/api/admin/counters/${BUSY}`, staff.admin, { serviceIds: [D] });
  await send(app, 'PATCH', `/api/admin/counters/${HELPER}`, staff.admin, { serviceIds: [F], qualifiedServiceIds: [F, D] });
  await send(app, 'POST', `/api/counters/${BUSY}/open`, staff.clerk);
  await send(app, 'POST', `/api/counters/${HELPER}/open`, staff.supervisor);
  for (let i = 0; i < waiting; i++) {
    await send(app, 'POST', '/api/tickets', staff.kiosk, { serviceId: D }, { 'idempotency-key': `busy-${i}` });
    tick(20_000);
  }
  tick(31 * 60_000);
}
