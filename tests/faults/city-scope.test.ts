import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventBatch } from '../../server/protocol/city.js';
import { citySeqs, hallDay, issueTickets, oneTo, quietStatus, startTwoHallCity, untilShipped, type TwoHallCity } from '../helpers/city-process.js';
import { call } from './server-process.js';

// Who may do what across the link: a hall's token writes its own hall's history and nothing else,
// and reads nothing of the city's; the city's staff have no say over a hall's queue.

let t: TwoHallCity;
beforeAll(async () => {
  t = await startTwoHallCity();
}, 120_000);
afterAll(() => t?.close());

describe('scope of a hall token and of city staff', () => {
  it("a hall token's events are its own hall's, whatever the batch says", async () => {
    await issueTickets(t.a, 10);
    const heldA = await untilShipped(t.city.databaseUrl, t.a);
    const heldB = await untilShipped(t.city.databaseUrl, t.b);
    expect(heldA.length).toBeGreaterThan(heldB.length + 5);

    // Seqs A holds and B does not yet, in a batch that names B: B must not get them.
    const at = Date.now();
    const batch: EventBatch & { hallId: number } = {
      hallId: t.b.id,
      events: oneTo(5).map((i) => ({ seq: heldB.length + i, kind: 'counter' as const, at, counterId: 1, counterNumber: 1, state: 'open' as const, userId: null })),
      status: quietStatus(at),
      configVersion: 0,
    };
    const res = await call(t.city.base, 'POST', '/api/city/hall/events', { token: t.a.token, body: batch });
    expect([200, 400]).toContain(res.status);
    expect(await citySeqs(t.city.databaseUrl, t.b.id)).toEqual(heldB);
    expect(await citySeqs(t.city.databaseUrl, t.a.id)).toEqual(heldA);
  });

  it("a hall token reads nothing of the city's", async () => {
    const day = hallDay();
    for (const path of ['/api/city/board', '/api/city/halls', `/api/city/reports/summary?from=${day}&to=${day}&groupBy=hall`]) {
      const res = await call(t.city.base, 'GET', path, { token: t.a.token });
      expect([401, 403], path).toContain(res.status);
      expect(res.body.error.code, path).toBeTypeOf('string');
    }
    const put = await call(t.city.base, 'PUT', '/api/city/services', { token: t.a.token, body: [] });
    expect([401, 403]).toContain(put.status);
    const create = await call(t.city.base, 'POST', '/api/city/halls', { token: t.a.token, body: { name: { ar: 'حي', en: 'Quarter' }, timeZone: 'Asia/Damascus' } });
    expect([401, 403]).toContain(create.status);
  });

  it("a batch without the hall's token, or with a wrong one, is refused", async () => {
    const empty: EventBatch = { events: [], status: quietStatus(), configVersion: 0 };
    expect((await call(t.city.base, 'POST', '/api/city/hall/events', { body: empty })).status).toBe(401);
    expect((await call(t.city.base, 'POST', '/api/city/hall/events', { token: 'hall_not-a-token', body: empty })).status).toBe(401);
    // City staff are not a hall.
    expect([401, 403]).toContain((await call(t.city.base, 'POST', '/api/city/hall/events', { token: t.admin, body: empty })).status);
  });

  it('city staff cannot issue, call or read at a hall: the hall does not know city sessions', async () => {
    const services = (await call(t.a.server.base, 'GET', '/api/services')).body as { id: number }[];
    const issue = await call(t.a.server.base, 'POST', '/api/tickets', {
      token: t.admin,
      body: { serviceId: services[0]!.id },
      headers: { 'idempotency-key': crypto.randomUUID() },
    });
    expect(issue.status).toBe(401);
    expect((await call(t.a.server.base, 'POST', '/api/counters/1/next', { token: t.admin })).status).toBe(401);
    const day = hallDay();
    expect((await call(t.a.server.base, 'GET', `/api/reports/summary?from=${day}&to=${day}`, { token: t.admin })).status).toBe(401);
  });
});
