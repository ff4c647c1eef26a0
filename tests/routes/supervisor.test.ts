import { describe, expect, it } from 'vitest';
import { SupervisorBoard } from '../../server/protocol/schemas.js';
import { bearer, clockedHall, startHall } from '../helpers/hall.js';
import { LiveHall } from '../realtime/client.js';

// The staff app's server side beyond API.md's minimum: the clerk's extras (return to the queue,
// calling a chosen ticket, automatic no-show, an idempotent Call next, the clerk's day) and the
// supervisor's board and acts (counter services, moving a waiting ticket, closing a service).

const B = 1; // served by counters 1 (first), 2, 3, 8
const P = 2;
const F = 3; // counters 4, 5, 6
const E = 6; // counters 1 (second), 8

const h = clockedHall();
let keys = 0;

const send = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, token = h.clerk, payload?: object, headers = {}) =>
  h.hall.app.inject({ method, url, headers: { ...bearer(token), ...headers }, ...(payload ? { payload } : {}) });
const post = (url: string, token = h.clerk, payload?: object, headers = {}) => send('POST', url, token, payload, headers);
const get = (url: string, token = h.clerk) => send('GET', url, token);

async function ok(res: Awaited<ReturnType<typeof post>>, status = 200) {
  if (res.statusCode !== status) throw new Error(`${res.statusCode} ${res.body}`);
  return res.statusCode === 204 ? null : res.json();
}

async function issue(serviceId: number) {
  const res = await post('/api/tickets', h.hall.tokens.kiosk, { serviceId }, { 'idempotency-key': `k${++keys}` });
  return ok(res, 201);
}

const events = (ticketId: number) =>
  h.hall.app.conn.sqlite.prepare('SELECT type, from_status, to_status, details FROM ticket_events WHERE ticket_id = ? ORDER BY id').all(ticketId) as {
    type: string;
    from_status: string;
    to_status: string;
    details: string | null;
  }[];

describe('return to the queue', () => {
  it('puts a called or served ticket back in its place, same service, no counter', async () => {
    const first = await issue(B);
    h.tick(60_000);
    const second = await issue(B);
    h.tick(60_000);
    expect((await ok(await post('/api/counters/1/next'))).id).toBe(first.id);
    const back = await ok(await post(`/api/tickets/${first.id}/requeue`));
    expect(back).toMatchObject({ id: first.id, status: 'waiting', serviceId: B, issuedAt: first.issuedAt, recalls: 0, ahead: 0 });
    expect(back.counterId).toBeUndefined();
    expect(back.calledAt).toBeUndefined();

    // Still first in line: called again before the second ticket, and from serving too.
    expect((await ok(await post('/api/counters/2/next'))).id).toBe(first.id);
    await ok(await post(`/api/tickets/${first.id}/start`));
    expect(await ok(await post(`/api/tickets/${first.id}/requeue`))).toMatchObject({ status: 'waiting' });
    expect((await ok(await post('/api/counters/2/next'))).id).toBe(first.id);
    expect(events(first.id).map((e) => e.type)).toEqual(['issue', 'call', 'requeue', 'call', 'start', 'requeue', 'call']);
    expect(second.status).toBe('waiting');

    const waiting = await post(`/api/tickets/${second.id}/requeue`);
    expect(waiting.statusCode).toBe(409);
    expect(waiting.json().error.code).toBe('invalid_transition');
  });
});

describe('calling a chosen ticket', () => {
  it('is refused with 403 unless the hall allows it', async () => {
    const t = await issue(B);
    const res = await post('/api/counters/1/call', h.clerk, { ticketId: t.id });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'forbidden', message: expect.stringContaining('does not allow') });
    expect((await ok(await get(`/api/tickets/${t.id}`))).status).toBe('waiting');
  });

  it('where allowed, calls a waiting ticket the counter serves, out of turn', async () => {
    h.hall.setSettings({ allowCallSpecific: true });
    expect(await ok(await get('/api/staff/settings'))).toEqual({
      allowCallSpecific: true,
      autoNoShowAfterRecalls: null,
      noShowMinSeconds: 60,
      alertQueueLength: 15,
    });
    const early = await issue(B);
    h.tick(60_000);
    const late = await issue(E);
    const fees = await issue(F);

    const called = await ok(await post('/api/counters/1/call', h.clerk, { ticketId: late.id }));
    expect(called).toMatchObject({ id: late.id, status: 'called', counterId: 1, reason: { en: 'called from the waiting list' } });
    expect(events(late.id).at(-1)).toMatchObject({ type: 'call' });

    const busy = await post('/api/counters/1/call', h.clerk, { ticketId: early.id });
    expect(busy.statusCode).toBe(409);
    await ok(await post(`/api/tickets/${late.id}/complete`, h.clerk, {}));

    const notServed = await post('/api/counters/1/call', h.clerk, { ticketId: fees.id });
    expect(notServed.statusCode).toBe(409);
    expect(notServed.json().error.message).toContain('does not serve');
    const notWaiting = await post('/api/counters/1/call', h.clerk, { ticketId: late.id });
    expect(notWaiting.statusCode).toBe(409);
    expect(notWaiting.json().error.code).toBe('invalid_transition');
    expect((await post('/api/counters/1/call', h.clerk, { ticketId: 9999 })).statusCode).toBe(404);
    expect((await post('/api/counters/1/call', h.clerk, {})).statusCode).toBe(400);
  });
});

describe('automatic no-show after N recalls', () => {
  it('marks the ticket no-show at the recall past the limit', async () => {
    h.hall.setSettings({ autoNoShowAfterRecalls: 2 });
    const t = await issue(B);
    await ok(await post('/api/counters/1/next'));
    expect(await ok(await post(`/api/tickets/${t.id}/recall`))).toMatchObject({ status: 'called', recalls: 1 });
    expect(await ok(await post(`/api/tickets/${t.id}/recall`))).toMatchObject({ status: 'called', recalls: 2 });
    expect(await ok(await post(`/api/tickets/${t.id}/recall`))).toMatchObject({ status: 'no_show' });
    const last = events(t.id).at(-1)!;
    expect(last).toMatchObject({ type: 'no_show', from_status: 'called', to_status: 'no_show' });
    expect(JSON.parse(last.details!)).toEqual({ autoNoShow: true, recalls: 2 });
    expect(await ok(await get('/api/me/stats'))).toMatchObject({ servedToday: 0, noShowToday: 1 });
  });

  it('never happens when the setting is off', async () => {
    const t = await issue(B);
    await ok(await post('/api/counters/1/next'));
    for (let i = 1; i <= 6; i++) expect(await ok(await post(`/api/tickets/${t.id}/recall`))).toMatchObject({ status: 'called', recalls: i });
  });
});

describe('an idempotent Call next', () => {
  it('answers a replayed key with the ticket it called, for a few minutes', async () => {
    const a = await issue(B);
    const b = await issue(B);
    const c = await issue(B);
    const key = { 'idempotency-key': 'next-1' };
    const first = await ok(await post('/api/counters/1/next', h.clerk, undefined, key));
    expect(first).toMatchObject({ id: a.id, status: 'called', reason: { en: expect.any(String) } });
    h.tick(5_000);
    const replay = await ok(await post('/api/counters/1/next', h.clerk, undefined, key));
    expect(replay).toMatchObject({ id: a.id, status: 'called', reason: first.reason });
    expect(events(a.id).filter((e) => e.type === 'call')).toHaveLength(1);
    // Another key is another call: the counter is still busy with the first ticket.
    expect((await post('/api/counters/1/next', h.clerk, undefined, { 'idempotency-key': 'next-2' })).statusCode).toBe(409);
    // The key belongs to its user: the supervisor's same key calls afresh (counter 2, ticket b).
    expect((await ok(await post('/api/counters/2/next', h.supervisor, undefined, key))).id).toBe(b.id);
    // And to its counter: the clerk's same key at counter 3 is another call (ticket c).
    expect((await ok(await post('/api/counters/3/next', h.clerk, undefined, key))).id).toBe(c.id);

    await ok(await post(`/api/tickets/${a.id}/complete`, h.clerk, {}));
    h.tick(6 * 60_000);
    const d = await issue(B);
    expect((await ok(await post('/api/counters/1/next', h.clerk, undefined, key))).id).toBe(d.id);
    expect((await post('/api/counters/1/next', h.clerk, undefined, { 'idempotency-key': 'bad key' })).statusCode).toBe(400);
  });
});

describe("the clerk's day", () => {
  it('counts what this user completed and marked no-show in the business day', async () => {
    for (let i = 0; i < 3; i++) await issue(B);
    const done1 = await ok(await post('/api/counters/1/next'));
    await ok(await post(`/api/tickets/${done1.id}/complete`, h.clerk, {}));
    const done2 = await ok(await post('/api/counters/1/next'));
    await ok(await post(`/api/tickets/${done2.id}/start`));
    await ok(await post(`/api/tickets/${done2.id}/complete`, h.clerk, { outcome: 'missing_documents' }));
    const gone = await ok(await post('/api/counters/1/next'));
    await ok(await post(`/api/tickets/${gone.id}/no-show`, h.clerk, { confirmed: true }));
    expect(await ok(await get('/api/me/stats'))).toEqual({ day: '2026-11-29', servedToday: 2, noShowToday: 1 });
    expect(await ok(await get('/api/me/stats', h.supervisor))).toMatchObject({ servedToday: 0, noShowToday: 0 });
    h.tick(24 * 3600_000);
    h.clerk = await h.hall.login('clerk'); // sessions last a working day
    expect(await ok(await get('/api/me/stats'))).toEqual({ day: '2026-11-30', servedToday: 0, noShowToday: 0 });
    expect((await h.hall.app.inject({ method: 'GET', url: '/api/me/stats' })).statusCode).toBe(401);
  });
});

describe('supervisor acts', () => {
  it('are refused to clerks', async () => {
    const t = await issue(B);
    expect((await get('/api/supervisor/board')).statusCode).toBe(403);
    expect((await post(`/api/tickets/${t.id}/move`, h.clerk, { serviceId: P })).statusCode).toBe(403);
    expect((await send('PUT', '/api/counters/1/services', h.clerk, { serviceIds: [P] })).statusCode).toBe(403);
    expect((await post(`/api/services/${B}/close-today`)).statusCode).toBe(403);
  });

  it("change a counter's services on the fly", async () => {
    const fees = await issue(F);
    expect((await post('/api/counters/1/next')).statusCode).toBe(204);
    const changed = await ok(await send('PUT', '/api/counters/1/services', h.supervisor, { serviceIds: [F, B] }));
    expect(changed).toMatchObject({ id: 1, serviceIds: [F, B] });
    expect((await ok(await post('/api/counters/1/next'))).id).toBe(fees.id);

    expect((await send('PUT', '/api/counters/1/services', h.supervisor, { serviceIds: [F, F] })).statusCode).toBe(400);
    expect((await send('PUT', '/api/counters/1/services', h.supervisor, { serviceIds: [] })).statusCode).toBe(400);
    expect((await send('PUT', '/api/counters/1/services', h.supervisor, { serviceIds: [99] })).statusCode).toBe(400);
    expect((await send('PUT', '/api/counters/99/services', h.supervisor, { serviceIds: [B] })).statusCode).toBe(404);
  });

  it('move a waiting ticket to another service, keeping its place', async () => {
    const early = await issue(B);
    h.tick(60_000);
    const fees = await issue(F);
    const moved = await ok(await post(`/api/tickets/${early.id}/move`, h.supervisor, { serviceId: F, note: 'wrong queue' }));
    expect(moved).toMatchObject({ id: early.id, status: 'waiting', serviceId: F, issuedAt: early.issuedAt, number: early.number, ahead: 0 });
    expect((await ok(await get(`/api/tickets/${fees.id}`))).ahead).toBe(1);
    expect(JSON.parse(events(early.id).at(-1)!.details!)).toEqual({ fromServiceId: B, serviceId: F, note: 'wrong queue' });

    await ok(await post('/api/counters/4/next'));
    const called = await post(`/api/tickets/${early.id}/move`, h.supervisor, { serviceId: B });
    expect(called.statusCode).toBe(409);
    expect((await post(`/api/tickets/${fees.id}/move`, h.supervisor, { serviceId: 99 })).statusCode).toBe(404);
  });

  it('close a service for the rest of the day; it opens again the next day', async () => {
    const closed = await ok(await post(`/api/services/${P}/close-today`, h.supervisor));
    expect(closed).toMatchObject({
      id: P,
      open: false,
      closedReason: { code: 'closed_today', ar: 'أُغلقت الخدمة لبقية اليوم', en: 'Closed for the rest of the day' },
    });
    const menu = await ok(await h.hall.app.inject({ method: 'GET', url: '/api/services' }));
    expect(menu.find((s: { id: number }) => s.id === P)).toMatchObject({ open: false });
    const refused = await post('/api/tickets', h.hall.tokens.kiosk, { serviceId: P });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('service_closed');

    expect(await ok(await send('DELETE', `/api/services/${P}/close-today`, h.supervisor))).toMatchObject({ open: true });
    await ok(await post(`/api/services/${P}/close-today`, h.supervisor));
    h.tick(24 * 3600_000);
    expect((await issue(P)).status).toBe('waiting');
  });
});

describe('the board', () => {
  it('shows counters with clerk and ticket, services against their target, printers and displays', async () => {
    const t = await issue(B);
    h.tick(25 * 60_000);
    await issue(B);
    await ok(await post('/api/counters/1/next'));
    h.tick(30_000);
    await ok(await post(`/api/tickets/${t.id}/start`));
    h.tick(90_000);
    await ok(await post('/api/counters/5/pause', h.clerk, { reason: 'prayer' }));

    const board = SupervisorBoard.parse(await ok(await get('/api/supervisor/board', h.supervisor)));
    expect(board.settings.alertQueueLength).toBe(15);
    expect(board.counters).toHaveLength(8);
    expect(board.counters[0]).toMatchObject({
      number: 1,
      state: 'open',
      clerkName: 'الموظف',
      ticket: { id: t.id, number: 'B001', status: 'serving' },
      servingSince: '2026-11-29T10:25:30.000+03:00',
    });
    expect(board.counters[4]).toMatchObject({ number: 5, state: 'paused', pauseReason: 'prayer', ticket: null, servingSince: null });
    expect(board.counters[1]).toMatchObject({ state: 'closed', clerkName: null });
    const building = board.services.find((s) => s.id === B)!;
    expect(building).toMatchObject({ code: 'B', waiting: 1, longestWaitS: 120, targetWaitS: 1200, open: true, closedToday: false });
    expect(board.services.find((s) => s.id === F)).toMatchObject({ waiting: 0, longestWaitS: 0 });
    // No print agent is connected in this test: the queue says offline.
    expect(board.printers).toEqual([{ id: 1, name: 'طابعة الكشك', status: 'offline' }]);
    expect(board.displays).toEqual([{ id: expect.any(Number), name: 'شاشة صالة الانتظار', zone: null, connected: false, lastSeenAt: null }]);
  });
});

describe("the board's no-shows", () => {
  it("lists today's no-shows, the latest first, with counter and clerk, until returned to the line", async () => {
    const noShow = async (counter: number) => {
      const t = await issue(B);
      await ok(await post(`/api/counters/${counter}/next`));
      await ok(await post(`/api/tickets/${t.id}/no-show`, h.clerk, { confirmed: true }));
      return t;
    };
    const yesterday = await noShow(1);
    const day = 24 * 3600_000;
    h.hall.app.conn.sqlite.prepare('UPDATE tickets SET called_at = called_at - ?, ended_at = ended_at - ? WHERE id = ?').run(day, day, yesterday.id);
    h.hall.app.conn.sqlite.prepare("UPDATE ticket_events SET at = at - ? WHERE ticket_id = ? AND type = 'no_show'").run(day, yesterday.id);
    const first = await noShow(1);
    h.tick(60_000);
    const served = await issue(B);
    await ok(await post('/api/counters/1/next'));
    await ok(await post(`/api/tickets/${served.id}/complete`));
    h.tick(60_000);
    const second = await noShow(2);
    h.tick(60_000);

    const board = async () => SupervisorBoard.parse(await ok(await get('/api/supervisor/board', h.supervisor))).noShows;
    expect(await board()).toEqual([
      {
        id: second.id,
        number: second.number,
        serviceId: B,
        calledAt: '2026-11-29T10:02:00.000+03:00',
        markedAt: '2026-11-29T10:02:00.000+03:00',
        counterNumber: 2,
        clerkName: 'الموظف',
      },
      expect.objectContaining({ id: first.id, counterNumber: 1, markedAt: '2026-11-29T10:00:00.000+03:00' }),
    ]);

    await ok(await post(`/api/tickets/${first.id}/requeue`, h.supervisor));
    expect((await board()).map((t) => t.id)).toEqual([second.id]);
  });
});

describe('/staff display presence', () => {
  it('tells the staff when a display connects and goes away, and the board agrees', async () => {
    await h.hall.close();
    const live = await LiveHall.start(() => h.now);
    try {
      const sup = await live.hall.login('supervisor');
      const staff = await live.connect('/staff', { token: sup });
      await staff.inbox.next('snapshot');
      const display = await live.connect('/display', { token: live.hall.tokens.display });
      expect(await staff.inbox.next('display')).toMatchObject({ name: 'شاشة صالة الانتظار', connected: true, lastSeenAt: expect.any(String) });
      const board = await live.hall.app.inject({ method: 'GET', url: '/api/supervisor/board', headers: bearer(sup) });
      expect(board.json().displays[0]).toMatchObject({ connected: true });
      display.socket.disconnect();
      expect(await staff.inbox.next('display')).toMatchObject({ connected: false });
    } finally {
      await live.close();
      h.hall = await startHall({ now: () => h.now }); // for afterEach
    }
  });
});
