import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { STALE_AFTER_MS, type BoardRow } from '../../server/protocol/city.js';
import { startCity, stopTestPostgres, testPostgres, type TestCity } from '../helpers/city.js';
import { Inbox } from '../realtime/client.js';
import { io, type Socket } from 'socket.io-client';
import { batch, call, cityLogin, counterEvent, createHall, status } from './fixture.js';

// The live board: two city processes on one database (as behind a load balancer), a board client
// on one, a hall shipping to the other; and halls going stale by the city's clock.

let clock = Date.parse('2026-12-06T08:00:00Z');
let a: TestCity;
let b: TestCity;
let admin: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  const databaseUrl = await (await testPostgres()).freshDatabase();
  // Started together on a new database: they take turns to migrate it, and one seeds it.
  [a, b] = await Promise.all([startCity({ databaseUrl, now: () => clock, sweepEveryMs: 50 }), startCity({ databaseUrl, now: () => clock, sweepEveryMs: 50 })]);
  admin = await cityLogin(a);
});
afterEach(() => {
  for (const s of sockets.splice(0)) s.close();
});
afterAll(async () => {
  await a.close();
  await b.close();
  await stopTestPostgres();
});

async function boardClient(city: TestCity, token: string): Promise<Inbox> {
  const socket = io(`${city.url}/city`, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false });
  sockets.push(socket);
  const inbox = new Inbox(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return inbox;
}

describe('the city board', () => {
  it('admits the session cookie of a page of the city’s own', async () => {
    const socket = io(`${a.url}/city`, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { cookie: `dawr_session=${admin}`, origin: a.url } });
    sockets.push(socket);
    const inbox = new Inbox(socket);
    expect(((await inbox.next('board')) as { halls: BoardRow[] }).halls).toBeInstanceOf(Array);
  });

  it("reaches a client of process A when process B ingests a hall's batch", async () => {
    const hall = await createHall(b, admin, 'Hall shipping to B');
    const inbox = await boardClient(a, admin);
    const snapshot = (await inbox.next('board')) as { halls: BoardRow[] };
    expect(snapshot.halls.map((h) => h.id)).toContain(hall.id);
    const res = await call(b, 'POST', '/api/city/hall/events', hall.token, { ...batch([counterEvent(1)]), status: status(clock, { waiting: 17 }) });
    expect(res.status).toBe(200);
    const row = (await inbox.next('hall', (r: BoardRow) => r.id === hall.id && r.waiting === 17)) as BoardRow;
    expect(row).toMatchObject({ stale: false, waiting: 17, countersOpen: 2, issuedToday: 12, servedToday: 8 });
  });

  it('greys out a hall not heard from for 60 s: figures null on the board and a row to live clients', async () => {
    const hall = await createHall(a, admin, 'Hall going quiet');
    await call(a, 'POST', '/api/city/hall/events', hall.token, batch([], clock));
    const inbox = await boardClient(a, admin);
    await inbox.next('board');
    const row = () => (call(a, 'GET', '/api/city/board', admin).then((r) => r.json().halls as BoardRow[])).then((rows) => rows.find((r) => r.id === hall.id)!);
    expect(await row()).toMatchObject({ stale: false, waiting: 4 });
    clock += STALE_AFTER_MS; // exactly 60 s: still current
    expect((await row()).stale).toBe(false);
    clock += 1000;
    expect(await row()).toMatchObject({ stale: true, waiting: null, longestWaitS: null, countersOpen: null, issuedToday: null, servedToday: null });
    expect(await inbox.next('hall', (r: BoardRow) => r.id === hall.id && r.stale)).toMatchObject({ waiting: null });
    const waits = (await call(a, 'GET', '/api/city/waits')).json().halls as { id: number; stale: boolean; openNow: boolean | null }[];
    expect(waits.find((w) => w.id === hall.id)).toMatchObject({ stale: true, openNow: null });
  });

  it('answers citizens the waits from the halls’ last statuses, at most 10 s old', async () => {
    const hall = await createHall(a, admin, 'Hall citizens ask about');
    const service = { id: 1, code: 'B', name: { ar: 'رخص البناء', en: 'Building permits' }, targetWaitS: 1200, active: true, estimatedWaitMinutes: 12 };
    const ship = (waiting: number) =>
      call(a, 'POST', '/api/city/hall/events', hall.token, { ...batch([], clock), status: status(clock, { services: [{ ...service, waiting }], joinUrl: 'https://mezzeh.example.org/join' }) });
    const waitsOf = async () => ((await call(a, 'GET', '/api/city/waits')).json().halls as { id: number }[]).find((h) => h.id === hall.id);
    clock += 10_000; // past any answer cached by an earlier test
    await ship(5);
    expect(await waitsOf()).toMatchObject({ stale: false, openNow: true, joinUrl: 'https://mezzeh.example.org/join', services: [{ code: 'B', waiting: 5, estimatedWaitMinutes: 12 }] });
    await ship(9);
    expect((await waitsOf()) as object).toMatchObject({ services: [{ waiting: 5 }] });
    clock += 10_000;
    await ship(9);
    expect((await waitsOf()) as object).toMatchObject({ services: [{ waiting: 9 }] });
  });

  it('refuses a board client without a staff token, and a hall token', async () => {
    const hall = await createHall(a, admin, 'Hall knocking on the board');
    for (const auth of [{}, { token: hall.token }, { token: 'stf_nonsense' }]) {
      const socket = io(`${a.url}/city`, { auth, transports: ['websocket'], forceNew: true, reconnection: false });
      sockets.push(socket);
      const message = await new Promise<string>((resolve, reject) => {
        socket.once('connect', () => reject(new Error('accepted')));
        socket.once('connect_error', (err) => resolve(err.message));
      });
      expect(message).toBe('unauthorized');
    }
  });
});
