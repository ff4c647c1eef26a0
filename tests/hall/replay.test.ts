import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDay, PROFILES } from '../../bench/day/generate.js';
import { buildDay, type Day } from '../../bench/sim/day.js';
import { simulate, type SimEvent } from '../../bench/sim/simulate.js';
import { getHall } from '../../server/hall/state.js';
import { newTicketEstimator } from '../../server/hall/views.js';
import { bearer, startHall, type TestHall } from '../helpers/hall.js';

// The simulator and the server agree: a generated day is run through the simulator, then
// replayed step by step through the server's own routes (a real SQLite file, a virtual clock):
// every counter opens when the simulator opens it, every visitor takes a ticket when they arrive,
// every Call next must call the ticket the simulator called, and every estimate at issue (and its range) must be
// the simulator's to the millisecond (and, in whole minutes, the one the ticket shows).

const MIDNIGHT = Date.parse('2026-11-28T21:00:00Z'); // Sunday 29 November 2026, 00:00 in Damascus

// 80 visitors over two busy hours, five counters with partial skills. C08 opens a quarter of an
// hour late and leaves at 09:45, C07 comes at 10:15: the VH and PR visitors before 08:15 and
// after 09:45 are estimated as if the hall's counters, open or not, opened at once.
const SPEC = {
  ...PROFILES.busy!,
  visitors: 80,
  openH: 8,
  closeH: 10,
  counters: [
    { id: 'C01', services: ['CR', 'TX'], startH: 8, endH: 13 },
    { id: 'C04', services: ['ID', 'CR'], startH: 8, endH: 13 },
    { id: 'C06', services: ['ID', 'TX', 'CR'], startH: 8.5, endH: 13 },
    { id: 'C08', services: ['VH', 'PR', 'TX'], startH: 8.25, endH: 9.75 },
    { id: 'C07', services: ['VH', 'PR'], startH: 10.25, endH: 13 },
  ],
};

let hall: TestHall;
let now = MIDNIGHT;
let day: Day;
const events: SimEvent[] = [];

beforeAll(async () => {
  const { trace, roster } = generateDay(SPEC, 8);
  day = buildDay(roster, trace);
  simulate(day, 'default', { onEvent: (e) => events.push(e) });
  hall = await startHall({ seed: 'none', now: () => now });
}, 60_000);
afterAll(() => hall?.close());

describe('a day replayed through the server', () => {
  it('calls every ticket the simulator calls, at the counter it calls it, and estimates each as the simulator does', async () => {
    const admin = bearer(await hall.login());
    const post = async (url: string, headers: Record<string, string>, payload?: object) => {
      const res = await hall.app.inject({ method: 'POST', url, headers, payload });
      if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      return res;
    };

    // The day's services and counters, in its order: the hall's ids are the simulator's.
    for (const s of day.services) {
      const res = await post('/api/admin/services', admin, {
        code: s.code,
        name: { ar: `خدمة ${s.code}`, en: `Service ${s.code}` },
        targetWaitMinutes: s.targetWaitS / 60,
        averageServiceMinutes: s.avgServiceS! / 60,
      });
      expect(res.json().id).toBe(s.id);
    }
    /** counterId → its clerk, logged in when the counter opens. */
    const clerks = new Map<number, Record<string, string>>();
    for (const c of day.counters) {
      const res = await post('/api/admin/counters', admin, { number: c.id, serviceIds: c.serviceIds });
      expect(res.json().id).toBe(c.id);
      await post('/api/admin/users', admin, { username: `clerk${c.id}`, password: 'a long clerk password', role: 'clerk' });
    }

    const ticketOf = new Map<number, number>(); // visitor → the server's ticket id
    const visitorOf = new Map<number, number>();
    let calls = 0;
    let estimated = 0;
    for (const e of events) {
      now = MIDNIGHT + e.t * 1000;
      const where = `at ${e.t} s, ${e.kind}`;
      switch (e.kind) {
        case 'open':
          clerks.set(e.counterId, bearer(await hall.login(`clerk${e.counterId}`, 'a long clerk password')));
          await post(`/api/counters/${e.counterId}/open`, clerks.get(e.counterId)!);
          break;
        case 'close':
          await post(`/api/counters/${e.counterId}/${e.kind}`, clerks.get(e.counterId)!);
          break;
        case 'arrive': {
          const v = day.visitors[e.visitor]!;
          const ms = newTicketEstimator(hall.app.conn, getHall(hall.app.conn, hall.app.hallId), now)({ serviceId: v.serviceId, priority: v.priority });
          // To the millisecond: the server's clock is epoch time, the simulator's the day's seconds.
          if (e.etaS === null) expect(ms, where).toBeNull();
          else expect(ms! / 1000, `${where} of visitor ${e.visitor}`).toBeCloseTo(e.etaS, 3);
          const res = await post('/api/tickets', { ...admin, 'idempotency-key': `visitor-${e.visitor}` }, { serviceId: v.serviceId, priority: v.priority });
          const ticket = res.json();
          expect(ticket.estimatedWaitMinutes, where).toBe(e.etaS === null ? null : Math.ceil(e.etaS / 60));
          // The range printed with it, from the same day's calls so far.
          expect(ticket.estimatedWaitRange ?? null, `${where}: range of visitor ${e.visitor}`).toEqual(e.range && { low: e.range.lowS / 60, high: e.range.highS / 60 });
          ticketOf.set(e.visitor, ticket.id);
          visitorOf.set(ticket.id, e.visitor);
          if (e.etaS !== null && e.etaS > 0) estimated++;
          break;
        }
        case 'call': {
          const res = await post(`/api/counters/${e.counterId}/next`, clerks.get(e.counterId)!);
          expect(res.statusCode, where).toBe(200);
          expect(visitorOf.get(res.json().id), `${where} by counter ${e.counterId}`).toBe(e.visitor);
          await post(`/api/tickets/${ticketOf.get(e.visitor)}/start`, clerks.get(e.counterId)!);
          calls++;
          break;
        }
        case 'end':
          await post(`/api/tickets/${ticketOf.get(e.visitor)}/complete`, clerks.get(e.counterId)!);
          break;
      }
    }
    // The day was replayed whole, with queues long enough that the estimates had work to do.
    expect(calls).toBe(day.visitors.length);
    expect(estimated).toBeGreaterThan(day.visitors.length / 2);
  }, 120_000);
});
