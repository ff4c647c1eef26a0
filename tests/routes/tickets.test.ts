import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bearer, startHall, type TestHall } from '../helpers/hall.js';

// A ticket's whole walk over HTTP, on a real SQLite file.

let hall: TestHall;
let clerk: string;
let now = Date.parse('2026-11-29T07:00:00Z'); // Sunday 10:00 in Damascus
const tick = (ms: number) => (now += ms);

beforeEach(async () => {
  now = Date.parse('2026-11-29T07:00:00Z');
  hall = await startHall({ now: () => now });
  clerk = await hall.login('clerk');
});
afterEach(() => hall.close());

async function services() {
  const res = await hall.app.inject({ method: 'GET', url: '/api/services' });
  expect(res.statusCode).toBe(200);
  return res.json() as { id: number; code: string; waiting: number; estimatedWaitMinutes: number | null }[];
}

async function issue(serviceId: number, opts: { key?: string; priority?: boolean; token?: string } = {}) {
  return hall.app.inject({
    method: 'POST',
    url: '/api/tickets',
    headers: { ...bearer(opts.token ?? hall.tokens.kiosk), ...(opts.key ? { 'idempotency-key': opts.key } : {}) },
    payload: { serviceId, ...(opts.priority ? { priority: true } : {}) },
  });
}

const post = (url: string, token = clerk, payload?: object) =>
  hall.app.inject({ method: 'POST', url, headers: bearer(token), ...(payload ? { payload } : {}) });

describe('a ticket from kiosk to done', () => {
  it('is issued, called, started, completed, with numbering per service', async () => {
    const list = await services();
    expect(list.map((s) => s.code)).toEqual(['B', 'P', 'F', 'D', 'C', 'E']);
    const fees = list.find((s) => s.code === 'F')!;
    expect(fees.waiting).toBe(0);

    const first = await issue(fees.id, { key: 'tap-1' });
    expect(first.statusCode).toBe(201);
    const t1 = first.json();
    expect(t1).toMatchObject({ number: 'F001', serviceId: fees.id, status: 'waiting', priority: false, ahead: 0 });
    expect(t1.issuedAt).toBe('2026-11-29T10:00:00.000+03:00');
    expect(t1.trackingCode).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect(typeof t1.estimatedWaitMinutes).toBe('number');

    tick(1000);
    const t2 = (await issue(fees.id)).json();
    expect(t2).toMatchObject({ number: 'F002', ahead: 1 });
    expect(t2.estimatedWaitMinutes).toBeGreaterThanOrEqual(t1.estimatedWaitMinutes);
    expect((await services()).find((s) => s.code === 'F')!.waiting).toBe(2);

    // Counter 4 serves F first.
    tick(60_000);
    const called = await post('/api/counters/4/next');
    expect(called.statusCode).toBe(200);
    expect(called.json()).toMatchObject({ id: t1.id, status: 'called', counterId: 4 });
    expect(called.json().reason.en).toEqual(expect.any(String));

    const again = await post('/api/counters/4/next');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('invalid_transition');

    expect((await post(`/api/tickets/${t1.id}/recall`)).json()).toMatchObject({ status: 'called', recalls: 1 });
    tick(5000);
    expect((await post(`/api/tickets/${t1.id}/start`)).json()).toMatchObject({ status: 'serving' });
    tick(120_000);
    const done = await post(`/api/tickets/${t1.id}/complete`);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', counterId: 4 });

    const got = await hall.app.inject({ method: 'GET', url: `/api/tickets/${t1.id}`, headers: bearer(clerk) });
    expect(got.json()).toMatchObject({
      status: 'done',
      calledAt: '2026-11-29T10:01:01.000+03:00',
      startedAt: '2026-11-29T10:01:06.000+03:00',
      endedAt: '2026-11-29T10:03:06.000+03:00',
    });

    // Every transition is in the event log.
    const events = hall.app.conn.sqlite
      .prepare('SELECT type, from_status, to_status, counter_id FROM ticket_events WHERE ticket_id = ? ORDER BY id')
      .all(t1.id);
    expect(events).toEqual([
      { type: 'issue', from_status: null, to_status: 'waiting', counter_id: null },
      { type: 'call', from_status: 'waiting', to_status: 'called', counter_id: 4 },
      { type: 'recall', from_status: 'called', to_status: 'called', counter_id: 4 },
      { type: 'start', from_status: 'called', to_status: 'serving', counter_id: 4 },
      { type: 'complete', from_status: 'serving', to_status: 'done', counter_id: 4 },
    ]);
  });

  it('completes without Start, marks no-shows, and answers 204 when nothing waits', async () => {
    const [building] = await services();
    const a = (await issue(building!.id)).json();
    const b = (await issue(building!.id)).json();
    expect((await post('/api/counters/1/next')).json().id).toBe(a.id);
    expect((await post(`/api/tickets/${a.id}/complete`)).json().status).toBe('done');
    expect((await post('/api/counters/1/next')).json().id).toBe(b.id);
    tick(60_000); // a no-show sooner must be confirmed (tests/routes/no-show.test.ts)
    expect((await post(`/api/tickets/${b.id}/no-show`)).json().status).toBe('no_show');
    const empty = await post('/api/counters/1/next');
    expect(empty.statusCode).toBe(204);
    expect(empty.body).toBe('');
    // The counter was opened for the clerk who called.
    const counters = (await hall.app.inject({ method: 'GET', url: '/api/counters', headers: bearer(clerk) })).json();
    expect(counters.find((c: { id: number }) => c.id === 1)).toMatchObject({ state: 'open', userId: expect.any(Number) });
  });

  it("gives the clerk the reason for the call in the hall's digits", async () => {
    const fees = (await services()).find((s) => s.code === 'F')!;
    await issue(fees.id);
    tick(12 * 60_000);
    const first = (await post('/api/counters/4/next')).json();
    expect(first.reason.ar).toBe('انتظر ١٢ دقيقة، والهدف ١٠ دقائق');
    await post(`/api/tickets/${first.id}/complete`);
    hall.setSettings({ digits: 'latn' });
    await issue(fees.id);
    tick(12 * 60_000);
    expect((await post('/api/counters/4/next')).json().reason.ar).toBe('انتظر 12 دقيقة، والهدف 10 دقائق');
  });

  it('transfers to another service keeping the original issue time, or to one counter only', async () => {
    const list = await services();
    const building = list.find((s) => s.code === 'B')!;
    const property = list.find((s) => s.code === 'P')!;
    const early = (await issue(building.id)).json();
    tick(60_000);
    const late = (await issue(property.id)).json();
    tick(60_000);
    expect((await post('/api/counters/1/next')).json().id).toBe(early.id);
    const moved = await post(`/api/tickets/${early.id}/transfer`, clerk, { serviceId: property.id, note: 'needs a statement' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ status: 'waiting', serviceId: property.id, issuedAt: early.issuedAt, number: 'B001' });
    // Counter 3 prefers P: the transferred ticket is older than `late`, so it comes first.
    expect((await post('/api/counters/3/next')).json().id).toBe(early.id);

    const toCounter = await post(`/api/tickets/${early.id}/transfer`, clerk, { counterId: 7 });
    expect(toCounter.json()).toMatchObject({ status: 'waiting', targetCounterId: 7 });
    // Counter 2 serves P too, but the ticket now waits for counter 7 only.
    expect((await post('/api/counters/2/next')).json().id).toBe(late.id);
    expect((await post('/api/counters/7/next')).json().id).toBe(early.id);
  });

  it('makes one ticket per Idempotency-Key, per device', async () => {
    const [s] = await services();
    const first = await issue(s!.id, { key: 'tap-42' });
    const replay = await issue(s!.id, { key: 'tap-42' });
    expect(first.statusCode).toBe(201);
    expect(replay.statusCode).toBe(200);
    expect(replay.json().id).toBe(first.json().id);
    const other = await issue(s!.id, { key: 'tap-42', token: clerk });
    expect(other.statusCode).toBe(201);
    expect(other.json().id).not.toBe(first.json().id);
    const conflict = await issue(s!.id, { key: 'tap-42', priority: true });
    expect(conflict.statusCode).toBe(409);
    const count = hall.app.conn.sqlite.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number };
    expect(count.n).toBe(2);
  });

  it('lets a supervisor cancel a waiting ticket, not a clerk', async () => {
    const [s] = await services();
    const t = (await issue(s!.id)).json();
    expect((await post(`/api/tickets/${t.id}/cancel`)).statusCode).toBe(403);
    const supervisor = await hall.login('supervisor');
    const res = await post(`/api/tickets/${t.id}/cancel`, supervisor);
    expect(res.json().status).toBe('cancelled');
  });

  it('serves the tracking view without personal or staff fields', async () => {
    const [s] = await services();
    const t = (await issue(s!.id)).json();
    const res = await hall.app.inject({ method: 'GET', url: `/api/track/${t.trackingCode}` });
    expect(res.statusCode).toBe(200);
    // What the phone page needs (the visit's place, its papers, whether it may be rated), and
    // nothing about the citizen or the staff.
    expect(Object.keys(res.json()).sort()).toEqual([
      'ahead',
      'estimatedWaitMinutes',
      'estimatedWaitRange',
      'notStarted',
      'number',
      'rated',
      'ratingAllowed',
      'recalls',
      'remote',
      'service',
      'serviceId',
      'status',
      'whatToBring',
    ]);
    await post('/api/counters/1/next');
    expect((await hall.app.inject({ method: 'GET', url: `/api/track/${t.trackingCode}` })).json()).toMatchObject({
      status: 'called',
      counter: { number: 1 },
    });
    expect((await hall.app.inject({ method: 'GET', url: '/api/track/not-a-code' })).statusCode).toBe(404);
  });

  it('rate-limits anonymous tracking, but not staff', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 70; i++) {
      statuses.push((await hall.app.inject({ method: 'GET', url: `/api/track/guess-${i}` })).statusCode);
    }
    expect(statuses.slice(0, 60).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(60).every((s) => s === 429)).toBe(true);
    const limited = await hall.app.inject({ method: 'GET', url: '/api/track/guess-x' });
    expect(limited.json().error.code).toBe('rate_limited');
    const staff = await hall.app.inject({ method: 'GET', url: '/api/track/guess-y', headers: bearer(clerk) });
    expect(staff.statusCode).toBe(404);
  });
});

describe('the business day', () => {
  it('numbers restart at local midnight in Damascus and yesterday\'s waiting tickets are cancelled', async () => {
    const [s] = await services();
    now = Date.parse('2026-11-29T20:59:00Z'); // 23:59 local
    const late = (await issue(s!.id)).json();
    expect(late.number).toBe('B001');
    expect((await issue(s!.id)).json().number).toBe('B002');
    now = Date.parse('2026-11-29T21:00:30Z'); // 00:00:30 local, the next day; still the 29th in UTC
    const next = (await issue(s!.id)).json();
    expect(next.number).toBe('B001');
    const nightClerk = await hall.login('clerk'); // the morning's session has expired by now
    const old = await hall.app.inject({ method: 'GET', url: `/api/tickets/${late.id}`, headers: bearer(nightClerk) });
    expect(old.json().status).toBe('cancelled');
    const days = hall.app.conn.sqlite.prepare('SELECT day, number FROM tickets ORDER BY id').all();
    expect(days).toEqual([
      { day: '2026-11-29', number: 'B001' },
      { day: '2026-11-29', number: 'B002' },
      { day: '2026-11-30', number: 'B001' },
    ]);
  });
});
