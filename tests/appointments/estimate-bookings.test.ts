import { describe, expect, it } from 'vitest';
import type { Service } from '../../server/protocol/schemas.js';
import { appointmentHall } from './fixture.js';

// The hall's estimates count the day's bookings still to come: a walk-in is told the counter time
// they will take, and a checked-in appointment is told when it will be called (from its slot).
// Routing never sees a booking until it checks in. Only counter 1 opens (building permits first:
// 10-minute visits, target 20 minutes); the clock starts at 10:00.

const h = appointmentHall();
const MIN = 60_000;

async function openCounterOne(): Promise<void> {
  expect((await h.request('POST', '/api/counters/1/open', { token: h.c.clerk })).statusCode).toBe(200);
}
async function walkIns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const res = await h.request('POST', '/api/tickets', { token: h.c.hall.tokens.kiosk, payload: { serviceId: h.serviceId() } });
    expect(res.statusCode).toBe(201);
  }
}
/** What the kiosk's menu says a walk-in taken now would wait. */
const menuEstimate = async (): Promise<number> =>
  (await h.request('GET', '/api/services', { token: h.c.hall.tokens.kiosk })).json().find((s: Service) => s.id === h.serviceId()).estimatedWaitMinutes;
async function bookings(local: string, n: number): Promise<string[]> {
  const codes: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await h.book(h.at(local), {}, h.c.clerk);
    expect(res.statusCode, res.body).toBe(201);
    codes.push(res.json().code);
  }
  return codes;
}

describe("a walk-in's estimate", () => {
  it('counts the bookings due before it is called, and stops counting a cancelled one at once', async () => {
    await h.enable();
    await openCounterOne();
    await walkIns(5); // called at 10:00, 10:10 … 10:40: a walk-in taken now, at 10:50
    const without = await menuEstimate();
    expect(without).toBe(50);

    const codes = await bookings('2026-11-29T10:40', 2);
    const withBookings = await menuEstimate();
    expect(withBookings).toBeGreaterThan(without);

    expect((await h.request('DELETE', `/api/appointments/${codes[0]}`)).statusCode).toBe(200);
    const fewer = await menuEstimate();
    expect(fewer).toBeLessThan(withBookings);
    expect(fewer).toBeGreaterThan(without);

    // The ticket is given the same estimate as the menu showed, and keeps it.
    const ticket = (await h.request('POST', '/api/tickets', { token: h.c.hall.tokens.kiosk, payload: { serviceId: h.serviceId() } })).json();
    expect(ticket.estimatedWaitMinutes).toBe(fewer);
    const stored = h.c.hall.app.conn.sqlite.prepare('SELECT estimated_wait_s FROM tickets WHERE id = ?').pluck().get(ticket.id) as number;
    expect(Math.ceil(stored / 60)).toBe(fewer);
  });

  it('counts a booking past its slot until check-in closes (slot + 15 min), then no more: a no-show', async () => {
    await h.enable();
    await bookings('2026-11-29T10:40', 3);
    h.c.tick(50 * MIN); // 10:50: their slot is past, they may still check in
    await openCounterOne();
    await walkIns(2);
    const due = await menuEstimate();
    expect(due).toBeGreaterThan(20);

    h.c.tick(5 * MIN + 1); // 10:55 and a moment: check-in has closed
    expect(await menuEstimate()).toBe(20);
  });
});

describe('Call next', () => {
  it('never calls a booking that has not checked in, even past its slot', async () => {
    await h.enable();
    await bookings('2026-11-29T10:40', 2);
    h.c.tick(45 * MIN); // 10:45
    await openCounterOne();
    expect((await h.request('POST', '/api/counters/1/next', { token: h.c.clerk })).statusCode).toBe(204);
    await walkIns(1);
    const called = await h.request('POST', '/api/counters/1/next', { token: h.c.clerk });
    expect(called.statusCode).toBe(200);
    expect(called.json()).toMatchObject({ number: 'B001', status: 'called' });
    expect(called.json().appointment).toBeUndefined();
  });
});

describe("a checked-in appointment's estimate", () => {
  it('is when the forecast calls it, from its slot: not the wait of a walk-in taken now', async () => {
    await h.enable();
    const [code] = await bookings('2026-11-29T11:00', 1);
    await openCounterOne();
    await walkIns(8); // a walk-in taken now would wait 80 minutes
    h.c.tick(10 * MIN); // 10:10, 50 minutes early
    const walkIn = await menuEstimate();
    expect(walkIn).toBeGreaterThanOrEqual(80);

    const ticket = (await h.request('POST', `/api/appointments/${code}/check-in`, { token: h.c.hall.tokens.kiosk })).json();
    // Due at 11:00, when the counter is free of the walk-ins it called before.
    expect(ticket.estimatedWaitMinutes).toBeGreaterThanOrEqual(50);
    expect(ticket.estimatedWaitMinutes).toBeLessThanOrEqual(60);
    // The phone page and the clerk read the same forecast.
    const tracked = (await h.request('GET', `/api/track/${ticket.trackingCode}`)).json();
    expect(tracked.estimatedWaitMinutes).toBe(ticket.estimatedWaitMinutes);
    expect((await h.request('GET', `/api/tickets/${ticket.id}`, { token: h.c.clerk })).json().estimatedWaitMinutes).toBe(ticket.estimatedWaitMinutes);
    // Its own booking is not counted twice: the walk-ins' estimate is what it was.
    expect(await menuEstimate()).toBe(walkIn);
  });

  it('is nothing when a counter is idle: an idle counter calls it early', async () => {
    await h.enable();
    const [code] = await bookings('2026-11-29T11:00', 1);
    await openCounterOne();
    h.c.tick(10 * MIN);
    const ticket = (await h.request('POST', `/api/appointments/${code}/check-in`, { token: h.c.hall.tokens.kiosk })).json();
    expect(ticket.estimatedWaitMinutes).toBe(0);
  });
});
