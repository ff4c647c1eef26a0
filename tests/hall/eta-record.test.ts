import { afterEach, beforeEach, expect, it } from 'vitest';
import { bearer, startHall, type TestHall } from '../helpers/hall.js';

// The range around a ticket's estimate (issue 17), over HTTP on a real SQLite file: before
// anyone is called it is the prior, ±0.5 × (estimate + 2 min); each call puts the ticket's
// estimate at issue and its real wait on the day's record, and the next view is calibrated on
// it; on the phone it narrows as the line moves.

const MIN = 60_000;
const B = 1; // Building permits: 10-minute visits, served first at counter 1
let hall: TestHall;
let clerk: string;
let now: number;

beforeEach(async () => {
  now = Date.parse('2026-11-29T07:00:00Z'); // Sunday 10:00 in Damascus
  hall = await startHall({ now: () => now });
  clerk = await hall.login('clerk');
});
afterEach(() => hall.close());

const staff = (url: string) => hall.app.inject({ method: 'POST', url, headers: bearer(clerk) });
const track = async (code: string) => (await hall.app.inject({ method: 'GET', url: `/api/track/${code}` })).json();

async function issue() {
  const res = await hall.app.inject({ method: 'POST', url: '/api/tickets', headers: bearer(hall.tokens.kiosk), payload: { serviceId: B } });
  expect(res.statusCode).toBe(201);
  return res.json();
}

async function serveNext(minutes: number) {
  const called = (await staff('/api/counters/1/next')).json();
  expect((await staff(`/api/tickets/${called.id}/start`)).statusCode).toBe(200);
  now += minutes * MIN;
  expect((await staff(`/api/tickets/${called.id}/complete`)).statusCode).toBe(200);
}

it('gives every estimate a range in whole minutes, calibrated on the calls made so far, narrowing as the line moves', async () => {
  expect((await staff('/api/counters/1/open')).statusCode).toBe(200);
  const tickets = [];
  for (let i = 0; i < 5; i++) tickets.push(await issue());
  // Nobody called yet: the fifth waits behind four 10-minute visits, 40 ± 0.5 × 42 min.
  expect(tickets.map((t) => t.estimatedWaitMinutes)).toEqual([0, 10, 20, 30, 40]);
  expect(tickets[4].estimatedWaitRange).toEqual({ low: 19, high: 61 });
  expect((await track(tickets[4].trackingCode)).estimatedWaitRange).toEqual({ low: 19, high: 61 });

  // Ticket 1 is called as estimated (0 min): the record's one error is 0, the spread shrinks to
  // 10/11 × 0.5, and the range it was shown held, so each side moves in by 0.04 × 0.1; read again
  // at once. The fifth still waits 40 min: 40 ± (0.4545 − 0.004) × 42 = 40 ± 18.9 min.
  const called = (await staff('/api/counters/1/next')).json();
  expect((await track(tickets[4].trackingCode)).estimatedWaitRange).toEqual({ low: 21, high: 59 });

  // Ten minutes later ticket 2 is called, as estimated, and served for 10 minutes: two errors of 0
  // on record, 10/12 × 0.5 − 0.008 around the fifth's 20 min left.
  expect((await staff(`/api/tickets/${called.id}/start`)).statusCode).toBe(200);
  now += 10 * MIN;
  expect((await staff(`/api/tickets/${called.id}/complete`)).statusCode).toBe(200);
  await serveNext(10);
  const later = await track(tickets[4].trackingCode);
  expect(later.estimatedWaitMinutes).toBe(20);
  expect(later.estimatedWaitRange).toEqual({ low: 11, high: 29 }); // 20 ± 9.0 min
  const services = (await hall.app.inject({ method: 'GET', url: '/api/services' })).json();
  const permits = services.find((s: { id: number }) => s.id === B);
  expect(permits.estimatedWaitRange.low).toBeLessThanOrEqual(permits.estimatedWaitMinutes);
  expect(permits.estimatedWaitRange.high).toBeGreaterThanOrEqual(permits.estimatedWaitMinutes);
});

it('widens once the day shows waits longer than their estimates', async () => {
  expect((await staff('/api/counters/1/open')).statusCode).toBe(200);
  for (let i = 0; i < 4; i++) await issue();
  // Each visit takes 25 minutes where 10 were expected: the waits run far past the estimates.
  for (let i = 0; i < 3; i++) await serveNext(25);
  const t = await issue();
  const prior = Math.ceil(t.estimatedWaitMinutes + 0.5 * (t.estimatedWaitMinutes + 2));
  expect(t.estimatedWaitRange.high).toBeGreaterThan(prior);
  expect(t.estimatedWaitRange.low).toBeLessThanOrEqual(t.estimatedWaitMinutes);
});

it('has no range where there is no estimate: a ticket already called', async () => {
  expect((await staff('/api/counters/1/open')).statusCode).toBe(200);
  const t = await issue();
  await staff('/api/counters/1/next');
  const view = await track(t.trackingCode);
  expect(view.status).toBe('called');
  expect(view.estimatedWaitRange).toBeUndefined();
});

it('rebuilds the same range after a restart, from the day’s called tickets alone', async () => {
  expect((await staff('/api/counters/1/open')).statusCode).toBe(200);
  for (let i = 0; i < 6; i++) await issue();
  // Waits past their estimates, then one more call: the spread read after each call, one at a time.
  for (let i = 0; i < 3; i++) await serveNext(25);
  const last = await issue();
  await staff('/api/counters/1/next');
  const before = (await track(last.trackingCode)).estimatedWaitRange;

  await hall.close({ keepData: true });
  hall = await startHall({ now: () => now, dataDir: hall.dataDir });
  expect((await track(last.trackingCode)).estimatedWaitRange).toEqual(before);
});
