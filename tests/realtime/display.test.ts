import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DisplayCounter, DisplaySnapshot } from '../../server/protocol/schemas.js';
import { LiveHall } from './client.js';

// /display: hall screens hear a snapshot on every connect, then calls, recalls and counts.
// Demo hall: services B=1, P=2, F=3 …; counters 1–3 in zone A, 4–6 in zone B, 7–8 in zone C.

const B = 1;
const F = 3;
let now = Date.parse('2026-11-29T07:00:00Z'); // Sunday 10:00 in Damascus
let live: LiveHall;
let clerk: string;

beforeEach(async () => {
  now = Date.parse('2026-11-29T07:00:00Z');
  live = await LiveHall.start(() => now);
  clerk = await live.hall.login('clerk');
});
afterEach(() => live.close());

const display = () => live.connect('/display', { token: live.hall.tokens.display });

async function zonedDisplay(zone: string) {
  const admin = await live.hall.login('admin');
  const res = await live.post('/api/admin/devices', admin, { kind: 'display', name: `zone ${zone}`, zone });
  expect(res.statusCode).toBe(201);
  return live.connect('/display', { token: res.json().token });
}

describe('/display', () => {
  it('sends a snapshot on connect', async () => {
    await live.issue(F);
    const { inbox } = await display();
    const snapshot = await inbox.next('snapshot');
    expect(DisplaySnapshot.parse(snapshot)).toEqual(snapshot);
    expect(snapshot.calls).toEqual([]);
    expect(snapshot.waiting).toContainEqual({ serviceId: F, count: 1 });
    expect(snapshot.waiting).toContainEqual({ serviceId: B, count: 0 });
    expect(snapshot.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(snapshot.serverTime).toBe('2026-11-29T10:00:00.000+03:00');
  });

  it('hears waiting counts when a ticket is issued', async () => {
    const { inbox } = await display();
    await inbox.next('snapshot');
    await live.issue(F);
    const waiting = await inbox.next('waiting');
    expect(waiting).toContainEqual({ serviceId: F, count: 1 });
  });

  it('hears a call, then a recall, each with its ticket and counter', async () => {
    const { inbox } = await display();
    await inbox.next('snapshot');
    const ticket = await live.issue(F);
    const res = await live.post('/api/counters/4/next', clerk);
    expect(res.statusCode).toBe(200);

    const call = await inbox.next('call');
    expect(call).toEqual({
      id: expect.any(Number),
      ticket: { id: ticket.id, number: 'F001', serviceId: F },
      counter: { id: 4, number: 4 },
      recall: false,
      at: '2026-11-29T10:00:00.000+03:00',
    });
    await inbox.next('waiting', (w) => w.some((c: any) => c.serviceId === F && c.count === 1)); // issued
    expect(await inbox.next('waiting')).toContainEqual({ serviceId: F, count: 0 }); // called

    now += 30_000;
    expect((await live.post(`/api/tickets/${ticket.id}/recall`, clerk)).statusCode).toBe(200);
    const recall = await inbox.next('call');
    expect(recall).toMatchObject({ ticket: { id: ticket.id, number: 'F001' }, counter: { number: 4 }, recall: true });
    expect(recall.id).toBeGreaterThan(call.id);
    expect(recall.at).toBe('2026-11-29T10:00:30.000+03:00');
  });

  it('gives a reconnecting display the calls it missed, newest first', async () => {
    const { socket, inbox } = await display();
    await inbox.next('snapshot');
    const first = await live.issue(B);
    const second = await live.issue(F);
    socket.disconnect();

    await live.act('/api/counters/1/next', clerk);
    now += 1000;
    await live.act('/api/counters/4/next', clerk);
    now += 1000;
    await live.act(`/api/tickets/${first.id}/recall`, clerk);

    socket.connect();
    const snapshot = await inbox.next('snapshot');
    expect(snapshot.calls.map((c: any) => [c.ticket.number, c.counter.number, c.recall])).toEqual([
      ['B001', 1, true],
      ['F001', 4, false],
      ['B001', 1, false],
    ]);
    expect(snapshot.calls[1].ticket.id).toBe(second.id);
    expect(snapshot.waiting.every((w: any) => w.count === 0)).toBe(true);
    expect(inbox.take('call')).toEqual([]);
  });

  it('shows a zone display only the calls of its zone, and a hall display all of them', async () => {
    const all = await display();
    const zoneB = await zonedDisplay('B');
    await all.inbox.next('snapshot');
    await zoneB.inbox.next('snapshot');

    await live.issue(B);
    await live.issue(F);
    await live.act('/api/counters/1/next', clerk); // zone A
    await live.act('/api/counters/4/next', clerk); // zone B

    expect((await all.inbox.next('call')).counter.number).toBe(1);
    expect((await all.inbox.next('call')).counter.number).toBe(4);
    expect((await zoneB.inbox.next('call')).counter.number).toBe(4);
    // Both hear the counts; the zone display never heard counter 1.
    await zoneB.inbox.next('waiting', (w) => w.every((c: any) => c.count === 0));
    expect(zoneB.inbox.all.filter((m) => m.event === 'call')).toHaveLength(1);

    // Its snapshot is filtered too.
    zoneB.socket.disconnect();
    zoneB.socket.connect();
    const snapshot = await zoneB.inbox.next('snapshot', (s) => s.calls.length > 0);
    expect(snapshot.calls.map((c: any) => c.counter.number)).toEqual([4]);
  });

  it('shows a counter display only the calls of its counter', async () => {
    const counter4 = await live.connect('/display', { token: live.hall.tokens.display, counterId: 4 });
    await counter4.inbox.next('snapshot');
    await live.issue(B);
    await live.issue(F);
    await live.act('/api/counters/1/next', clerk);
    await live.act('/api/counters/4/next', clerk);
    expect((await counter4.inbox.next('call')).counter.number).toBe(4);
    await counter4.inbox.next('waiting', (w) => w.every((c: any) => c.count === 0));
    expect(counter4.inbox.all.filter((m) => m.event === 'call')).toHaveLength(1);
  });

  it('emits nothing for an action that fails', async () => {
    const { inbox } = await display();
    await inbox.next('snapshot');
    await live.issue(F);
    await live.issue(F);
    await inbox.next('waiting');
    await inbox.next('waiting');
    expect((await live.post('/api/counters/4/next', clerk)).statusCode).toBe(200);
    await inbox.next('call');
    await inbox.next('waiting');

    // Counter 4 still has F001 called: the next call is refused and nothing is announced.
    const refused = await live.post('/api/counters/4/next', clerk);
    expect(refused.statusCode).toBe(409);
    // A later change arrives first: the refused call sent nothing before it.
    await live.issue(B);
    await inbox.next('waiting', (w) => w.some((c: any) => c.serviceId === B && c.count === 1));
    expect(inbox.take('call')).toEqual([]);
  });
});

describe('/display for hall and counter screens', () => {
  it('gives the hall, its services and counters, and the display settings with their defaults', async () => {
    const { inbox } = await display();
    const snapshot = await inbox.next('snapshot');
    expect(snapshot.hall).toEqual({
      name: { ar: 'مركز خدمة المواطن', en: 'Citizen Service Centre' },
      timeZone: 'Asia/Damascus',
      digits: 'arab',
      languages: ['ar', 'en'],
      hijriCalendar: 'islamic-umalqura',
      display: { recentCalls: 6, chime: true, announceAr: true, announceEn: true, announceFr: true, ticker: null, voice: 'clips' },
    });
    expect(snapshot.zone).toBeNull();
    expect(snapshot.services.map((s: any) => s.code)).toEqual(['B', 'P', 'F', 'D', 'C', 'E']);
    expect(snapshot.services[0]).toEqual({ id: B, code: 'B', name: { ar: 'رخص البناء', en: 'Building permits' }, closedToday: false });
    expect(snapshot.counters.map((c: any) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(snapshot.counters[3]).toEqual({
      id: 4, number: 4, name: null, zone: 'B', serviceIds: [F, 2], state: 'closed', pauseReason: null, ticket: null,
    });
    expect(snapshot.counter).toBeUndefined();
    expect(snapshot.media).toEqual([]);
  });

  it('sends a fresh snapshot when a supervisor closes a service for the day, and when it reopens', async () => {
    const supervisor = await live.hall.login('supervisor');
    const { inbox } = await display();
    await inbox.next('snapshot');
    expect((await live.post(`/api/services/${F}/close-today`, supervisor)).statusCode).toBe(200);
    const closed = await inbox.next('snapshot');
    expect(closed.services.filter((s: any) => s.closedToday).map((s: any) => s.id)).toEqual([F]);
    const reopened = await live.hall.app.inject({ method: 'DELETE', url: `/api/services/${F}/close-today`, headers: { authorization: `Bearer ${supervisor}` } });
    expect(reopened.statusCode).toBe(200);
    expect((await inbox.next('snapshot')).services.some((s: any) => s.closedToday)).toBe(false);
  });

  it("applies the hall's own display settings", async () => {
    const own = { recentCalls: 4, announceEn: false, announceFr: false, ticker: { ar: 'أهلاً', en: 'Welcome' }, voice: 'speechSynthesis' as const, chime: 'loud' as any };
    live.hall.setSettings({ display: own });
    const { inbox } = await display();
    expect((await inbox.next('snapshot')).hall.display).toEqual({
      recentCalls: 4, chime: true, announceAr: true, announceEn: false, announceFr: false, ticker: { ar: 'أهلاً', en: 'Welcome' }, voice: 'speechSynthesis',
    });
  });

  it("shows a zone display its zone's counters", async () => {
    const zoneB = await zonedDisplay('B');
    const snapshot = await zoneB.inbox.next('snapshot');
    expect(snapshot.zone).toBe('B');
    expect(snapshot.counters.map((c: any) => c.number)).toEqual([4, 5, 6]);
  });

  it('tells a counter display its counter on every change of it or of its ticket', async () => {
    const ticket = await live.issue(F);
    const { inbox } = await live.connect('/display', { token: live.hall.tokens.display, counterId: 4 });
    const snapshot = await inbox.next('snapshot');
    expect(snapshot.counter).toMatchObject({ id: 4, number: 4, state: 'closed', ticket: null });
    expect(snapshot.counters).toEqual([snapshot.counter]);

    await live.act('/api/counters/4/next', clerk);
    const called = DisplayCounter.parse(await inbox.next('counter', (c) => c.ticket !== null));
    expect(called).toMatchObject({ state: 'open', ticket: { id: ticket.id, number: 'F001', status: 'called' } });
    await live.act(`/api/tickets/${ticket.id}/start`, clerk);
    expect(await inbox.next('counter', (c) => c.ticket?.status === 'serving')).toBeTruthy();
    await live.act(`/api/tickets/${ticket.id}/complete`, clerk);
    expect(await inbox.next('counter', (c) => c.ticket === null)).toMatchObject({ state: 'open' });
    await live.act('/api/counters/4/pause', clerk, { reason: 'صلاة' });
    expect(await inbox.next('counter', (c) => c.state === 'paused')).toMatchObject({ pauseReason: 'صلاة', ticket: null });
    await live.act('/api/counters/4/close', clerk);
    expect(await inbox.next('counter', (c) => c.state === 'closed')).toBeTruthy();
  });

  it('takes a called ticket off the counter display when it is transferred', async () => {
    const ticket = await live.issue(F);
    const { inbox } = await live.connect('/display', { token: live.hall.tokens.display, counterId: 4 });
    await inbox.next('snapshot');
    await live.act('/api/counters/4/next', clerk);
    await inbox.next('counter', (c) => c.ticket !== null);
    await live.act(`/api/tickets/${ticket.id}/transfer`, clerk, { serviceId: B });
    expect(await inbox.next('counter', (c) => c.ticket === null)).toMatchObject({ id: 4 });
  });

  it('answers a heartbeat with the version and the time, and a resync with a snapshot', async () => {
    const { socket, inbox } = await display();
    const first = await inbox.next('snapshot');
    const beat = await socket.timeout(2000).emitWithAck('heartbeat');
    expect(beat).toEqual({ version: first.version, serverTime: '2026-11-29T10:00:00.000+03:00' });
    await live.issue(F);
    socket.emit('resync');
    const again = await inbox.next('snapshot');
    expect(again.waiting).toContainEqual({ serviceId: F, count: 1 });
  });
});
