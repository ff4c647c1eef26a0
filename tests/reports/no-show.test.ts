import { describe, expect, it } from 'vitest';
import type { Summary } from '../../server/protocol/reports.js';
import { bearer, clockedHall } from '../helpers/hall.js';

// A no-show returned to the line counts once in the day's report, as what it finally was. The
// tickets walk through the real app over HTTP, and the report reads the events they left.

const B = 1;

const h = clockedHall();
let keys = 0;

async function post(url: string, token = h.clerk, payload?: object, headers = {}) {
  const res = await h.hall.app.inject({ method: 'POST', url, headers: { ...bearer(token), ...headers }, ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

const issue = () => post('/api/tickets', h.hall.tokens.kiosk, { serviceId: B }, { 'idempotency-key': `k${++keys}` });

async function callAndMiss(id: number) {
  expect((await post('/api/counters/1/next')).id).toBe(id);
  await post(`/api/tickets/${id}/no-show`, h.clerk, { confirmed: true });
}

async function total(): Promise<Summary['total']> {
  const res = await h.hall.app.inject({ method: 'GET', url: '/api/reports/summary?from=2026-11-29&to=2026-11-29', headers: bearer(h.supervisor) });
  expect(res.statusCode).toBe(200);
  return (res.json() as Summary).total;
}

describe('the day report after a no-show returned to the line', () => {
  it('counts each ticket once, as what it finally was', async () => {
    const served = await issue();
    const waiting = await issue();
    const missed = await issue();

    await callAndMiss(served.id);
    expect(await total()).toMatchObject({ issued: 3, served: 0, noShow: 1 });
    await post(`/api/tickets/${served.id}/requeue`);
    expect(await total()).toMatchObject({ issued: 3, served: 0, noShow: 0 });
    expect((await post('/api/counters/1/next')).id).toBe(served.id);
    h.tick(120_000);
    await post(`/api/tickets/${served.id}/complete`, h.clerk, {});

    await callAndMiss(waiting.id);
    await callAndMiss(missed.id);
    await post(`/api/tickets/${waiting.id}/requeue`, h.supervisor); // back in line, not served yet

    expect(await total()).toMatchObject({ issued: 3, served: 1, noShow: 1, cancelled: 0, called: 3 });
  });
});
