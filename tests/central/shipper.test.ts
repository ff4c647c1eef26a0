import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { ShipperTiming } from '../../server/central/shipper.js';
import { EventBatch, HallStatus } from '../../server/protocol/city.js';
import { bearer, startHall, type TestHall } from '../helpers/hall.js';
import { act, issue } from './acts.js';
import { HALL_TOKEN, startFakeCity, until, type FakeCity } from './fake-city.js';

// The shipper against a test double of the city (real HTTP on loopback): batches oldest first,
// resumes where the city is, backs off when it fails, says it is alive, and ships nothing personal.

/** Short intervals, and no jitter (random 1: the longest wait of each step). */
const FAST: Partial<ShipperTiming> = { pollMs: 10, heartbeatMs: 100, timeoutMs: 300, backoffMinMs: 10, backoffMaxMs: 80, random: () => 1 };
const start = Date.parse('2026-11-29T07:00:00Z'); // Sunday 10:00 in Damascus

let city: FakeCity | undefined;
let hall: TestHall | undefined;
let logs: string[] = [];

afterEach(async () => {
  await hall?.close();
  await city?.close();
  hall = city = undefined;
  logs = [];
});

async function joinedHall(url: string, opts: { dataDir?: string; timing?: Partial<ShipperTiming> } = {}): Promise<TestHall> {
  return startHall({
    now: () => start,
    dataDir: opts.dataDir,
    config: { CENTRAL_URL: url, CENTRAL_TOKEN: HALL_TOKEN, LOG_LEVEL: 'info' },
    central: { ...FAST, ...opts.timing },
    logStream: { write: (line) => void logs.push(line) },
  });
}

const shipped = (c: FakeCity) => c.batches.flatMap((b) => b.events.map((e) => e.seq));
const inOrder = (n: number, from = 1) => Array.from({ length: n }, (_, i) => i + from);
const outboxSeqs = (h: TestHall) => h.app.conn.sqlite.prepare('SELECT seq FROM outbox ORDER BY seq').pluck().all() as number[];

/** `n` counter events written in one transaction: `n` outbox rows at once. */
function writeCounterEvents(h: TestHall, n: number) {
  const insert = h.app.conn.sqlite.prepare("INSERT INTO counter_events (hall_id, counter_id, state, at) VALUES (?, 4, 'open', ?)");
  h.app.conn.sqlite.transaction(() => {
    for (let i = 0; i < n; i++) insert.run(h.app.hallId, start + i);
  })();
}

describe('the shipper', () => {
  it('asks the city where to resume first, then ships batches of at most 500, oldest first, each with the status', async () => {
    city = await startFakeCity();
    hall = await joinedHall(city.url);
    await until('the first batch', () => city!.batches.length > 0);
    expect(city.batches[0]!.events).toEqual([]);

    writeCounterEvents(hall, 1201);
    await until('the city holds all 1201', () => city!.ackedSeq() === 1201);
    const sizes = city.batches.map((b) => b.events.length).filter((n) => n > 0);
    expect(sizes).toEqual([500, 500, 201]);
    expect(shipped(city)).toEqual(inOrder(1201));
    for (const batch of city.batches) {
      expect(EventBatch.safeParse(batch).success).toBe(true);
      expect(batch.status).toMatchObject({ timeZone: 'Asia/Damascus', day: '2026-11-29', waiting: 0 });
    }
  });

  it('says it is alive at least every heartbeat when there is nothing to ship', async () => {
    city = await startFakeCity();
    hall = await joinedHall(city.url);
    await until('three heartbeats', () => city!.batches.length >= 3);
    expect(city.batches.every((b) => b.events.length === 0 && HallStatus.safeParse(b.status).success)).toBe(true);
  });

  it('resumes after a restart of the hall without sending anything twice', async () => {
    city = await startFakeCity();
    hall = await joinedHall(city.url);
    for (let i = 0; i < 3; i++) await issue(hall, 'F');
    await until('three events', () => city!.ackedSeq() === 3);
    const { dataDir, tokens } = hall;
    await hall.close({ keepData: true });
    const before = city.batches.length;

    hall = await joinedHall(city.url, { dataDir });
    hall.tokens = tokens;
    await issue(hall, 'F');
    await until('the fourth event', () => city!.ackedSeq() === 4);
    expect(city.batches[before]!.events).toEqual([]);
    expect(shipped(city)).toEqual(inOrder(4));
  });

  it('sends again what a city restored from an older backup lacks, while the hall still has it', async () => {
    city = await startFakeCity();
    hall = await joinedHall(city.url);
    for (let i = 0; i < 5; i++) await issue(hall, 'F');
    await until('five events', () => city!.ackedSeq() === 5);

    city.forgetAfter(2);
    await issue(hall, 'F');
    await until('all six again', () => city!.ackedSeq() === 6);
    expect([...city.events.keys()].sort((a, b) => a - b)).toEqual(inOrder(6));
    expect(hall.app.central!.state().problem).toBeNull();
  });

  it('says loudly when the city lacks events the hall no longer keeps, and ships the rest', async () => {
    city = await startFakeCity();
    hall = await joinedHall(city.url, { timing: { keepAcked: 1, pruneEvery: 1 } });
    for (let i = 0; i < 4; i++) await issue(hall, 'F');
    await until('four events', () => city!.ackedSeq() === 4);
    await until('the acknowledged rows pruned', () => outboxSeqs(hall!)[0] === 4);

    city.forgetAfter(1);
    await until('the problem is seen', () => hall!.app.central!.state().problem !== null);
    expect(hall.app.central!.state().problem).toMatch(/events 2…3 are no longer kept here/);
    expect(logs.some((l) => l.includes('"level":50') && l.includes('no longer kept here'))).toBe(true);
    const health = await hall.app.inject({ method: 'GET', url: '/api/admin/health', headers: bearer(await hall.login()) });
    expect(health.json()).toMatchObject({ status: 'warning', problems: expect.arrayContaining([expect.stringMatching(/no longer kept here/)]) });
    await issue(hall, 'F');
    await until('the new event', () => city!.events.has(5));
    expect([...city.events.keys()].sort((a, b) => a - b)).toEqual([1, 4, 5]);
  });

  it('says loudly when the city holds more of this hall than it wrote (its database restored from a backup)', async () => {
    city = await startFakeCity();
    const earlier = await joinedHall(city.url);
    writeCounterEvents(earlier, 10);
    await until('ten events', () => city!.ackedSeq() === 10);
    await earlier.close();

    hall = await joinedHall(city.url);
    await until('the problem is seen', () => hall!.app.central!.state().problem !== null);
    expect(hall.app.central!.state().problem).toMatch(/holds this hall's events up to 10, but this hall has written only 0: was its database restored from a backup/);
  });

  it('prunes acknowledged rows a thousand at a time, not on every answer', async () => {
    city = await startFakeCity();
    hall = await joinedHall(city.url, { timing: { keepAcked: 0 } });
    writeCounterEvents(hall, 999);
    await until('999 events', () => city!.ackedSeq() === 999);
    await until('a heartbeat after them', () => city!.batches.at(-1)!.events.length === 0);
    expect(outboxSeqs(hall)).toHaveLength(999);
    writeCounterEvents(hall, 2);
    await until('the outbox pruned', () => outboxSeqs(hall!).length === 0);
    expect(city.ackedSeq()).toBe(1001);
    expect(hall.app.conn.sqlite.prepare('SELECT acked_seq, pruned_through FROM central_state').get()).toEqual({ acked_seq: 1001, pruned_through: 1001 });
  });

  it('backs off exponentially while the city answers 500, and catches up when it is back', async () => {
    city = await startFakeCity();
    hall = await joinedHall(city.url);
    await until('the first batch', () => city!.batches.length > 0);
    city.mode = 500;
    await issue(hall, 'F');
    await until('five failures', () => hall!.app.central!.state().failures >= 5);
    expect(hall.app.central!.state().lastError).toMatch(/the city answered 500/);
    const waits = logs.filter((l) => l.includes('shipping to the city server failed')).map((l) => JSON.parse(l).retryInMs as number);
    expect(waits.slice(0, 5)).toEqual([10, 20, 40, 80, 80]);

    city.mode = 'ok';
    await until('the event', () => city!.ackedSeq() === 1);
    await until('failures forgotten', () => hall!.app.central!.state().failures === 0);
  });

  it('gives up on a city that does not answer (a blackholed link) after its timeout, and retries', async () => {
    city = await startFakeCity();
    city.mode = 'hang';
    hall = await joinedHall(city.url, { timing: { timeoutMs: 50 } });
    await issue(hall, 'F');
    await until('two failures', () => hall!.app.central!.state().failures >= 2);
    expect(hall.app.central!.state().lastError).toMatch(/timeout|aborted/i);
    city.mode = 'ok';
    await until('the event', () => city!.ackedSeq() === 1);
  });

  it('retries a refused connection until the city listens', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));

    hall = await joinedHall(`http://127.0.0.1:${port}`);
    await issue(hall, 'F');
    await until('two failures', () => hall!.app.central!.state().failures >= 2);
    expect(hall.app.central!.state().lastError).toMatch(/fetch failed/);
    city = await startFakeCity(port);
    await until('the event', () => city!.ackedSeq() === 1);
  });

  it('stops at once when the hall closes, even with a request unanswered', async () => {
    city = await startFakeCity();
    city.mode = 'hang';
    hall = await joinedHall(city.url, { timing: { timeoutMs: 600_000 } });
    await until('a request under way', () => city!.requests > 0);
    await hall.close(); // would wait the 10-minute timeout (and fail the test) if the request were not abandoned
    hall = undefined;
  });

  it('ships nothing personal: no ticket number, tracking code, phone number or comment', async () => {
    city = await startFakeCity();
    hall = await joinedHall(city.url);
    const clerk = await hall.login('clerk');
    const ticket = await issue(hall, 'F');
    hall.app.conn.sqlite
      .prepare('INSERT INTO ticket_contacts (ticket_id, hall_id, phone, created_at) VALUES (?, ?, ?, ?)')
      .run(ticket.id, hall.app.hallId, '+963944123456', start);
    await act(hall, '/api/counters/4/next', clerk);
    await act(hall, `/api/tickets/${ticket.id}/complete`, clerk);
    await act(hall, `/api/track/${ticket.trackingCode}/rating`, '', { score: 1, comment: 'انتظرت طويلاً عند الشباك' });
    await until('the rating', () => [...city!.events.values()].some((e) => e.kind === 'rating'));

    const json = JSON.stringify(city.batches);
    for (const personal of [ticket.trackingCode, ticket.number, '944123456', 'انتظرت', 'comment', 'phone', 'details']) {
      expect(json).not.toContain(personal);
    }
    expect([...city.events.values()].find((e) => e.kind === 'rating')).toEqual({
      seq: expect.any(Number), kind: 'rating', at: start, ticketId: ticket.id, issuedAt: start, score: 1,
    });
  });
});
