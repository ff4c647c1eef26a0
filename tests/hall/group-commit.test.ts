import { open } from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inGroupCommit } from '../../db/connection.js';
import { HallError } from '../../server/hall/errors.js';
import { issueTicket, type IssueRequest } from '../../server/hall/issue-ticket.js';
import { actOnTicket, callNext } from '../../server/hall/ticket-actions.js';
import { bearer, startHall, type TestHall } from '../helpers/hall.js';

// Kiosk taps share one commit (inGroupCommit): each is answered after the commit, one that fails
// is undone alone, and the tickets are exactly those issued one at a time (numbers, estimates).

const NOW = Date.parse('2026-11-29T07:00:00Z'); // Sunday 10:00 in Damascus
const halls: TestHall[] = [];
afterEach(async () => {
  for (const hall of halls.splice(0)) await hall.close();
});

async function hallWithQueue(): Promise<TestHall> {
  const hall = await startHall({ now: () => NOW });
  halls.push(hall);
  const { conn } = hall.app;
  // Some history and a queue: two counters busy, visits completed, people waiting.
  for (let i = 0; i < 12; i++) issueTicket(conn, NOW - 600_000 + i * 1000, req(1 + (i % 6)), { deviceId: 1 });
  const clerk = { userId: 3 };
  for (const counterId of [1, 4]) {
    const { ticket } = callNext(conn, NOW - 300_000, 1, counterId, clerk).value;
    actOnTicket(conn, NOW - 120_000, 1, ticket!.id, 'complete', clerk);
    callNext(conn, NOW - 100_000, 1, counterId, clerk);
  }
  return hall;
}

const req = (serviceId: number, priority = false): IssueRequest => ({ hallId: 1, serviceId, priority, lang: 'ar' });
const TAPS = [req(1), req(3, true), req(2), req(6), req(3), req(1, true), req(5), req(4)];
const shape = (t: { number: string; estimatedWaitS: number | null; serviceId: number }) => [t.number, t.serviceId, t.estimatedWaitS];

describe('group commit of kiosk taps', () => {
  it('issues the same tickets, with the same estimates, as one tap at a time', async () => {
    const one = await hallWithQueue();
    const alone = TAPS.map((r, i) => issueTicket(one.app.conn, NOW + i, r, { deviceId: 1 }).value.ticket);

    const many = await hallWithQueue();
    const { conn } = many.app;
    const together = await Promise.all(TAPS.map((r, i) => inGroupCommit(conn, (memo) => issueTicket(conn, NOW + i, r, { deviceId: 1 }, memo))));
    expect(together.map((o) => shape(o.value.ticket))).toEqual(alone.map(shape));
    expect(together.every((o) => o.value.forecast?.waits.get(o.value.ticket.id) !== undefined)).toBe(true);
  });

  it('answers after the commit, and undoes only the tap that fails', async () => {
    const hall = await hallWithQueue();
    const { conn } = hall.app;
    const count = () => (conn.sqlite.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;
    const before = count();
    const taps = [
      inGroupCommit(conn, (memo) => issueTicket(conn, NOW, req(1), { deviceId: 1 }, memo)),
      inGroupCommit(conn, (memo) => issueTicket(conn, NOW, req(999), { deviceId: 1 }, memo)),
      inGroupCommit(conn, (memo) => {
        issueTicket(conn, NOW, req(2), { deviceId: 1 }, memo);
        throw new Error('after its writes');
      }),
      inGroupCommit(conn, (memo) => issueTicket(conn, NOW, req(1), { deviceId: 1 }, memo)),
    ];
    // Nothing is settled (or written for others to see) before the group runs.
    expect(conn.sqlite.inTransaction).toBe(false);
    const settled = await Promise.allSettled(taps);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect((settled[1] as PromiseRejectedResult).reason).toBeInstanceOf(HallError);
    expect(count()).toBe(before + 2);
    const numbers = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value.value.ticket.number] : []));
    expect(numbers).toEqual(['B003', 'B004']);
    // The tap undone after its writes took no number: P goes on from where it was.
    expect(issueTicket(conn, NOW, req(2), { deviceId: 1 }).value.ticket.number).toBe('P003');
  });
});

describe('durability of a group commit', () => {
  afterEach(() => vi.restoreAllMocks());

  /** The prototype of node's FileHandle, whose sync() db/connection.ts calls on the WAL. */
  async function fileHandles(database: string) {
    const probe = await open(`${database}-wal`, 'r');
    await probe.close();
    return Object.getPrototypeOf(probe);
  }

  it('answers only after the WAL is synced to disk, and groups that commit meanwhile share the next sync', async () => {
    const hall = await hallWithQueue();
    const { conn } = hall.app;
    // Every fsync of the WAL takes 150 ms here.
    const FileHandle = await fileHandles(conn.sqlite.name);
    const synced: number[] = [];
    const realSync = FileHandle.sync;
    const sync = vi.spyOn(FileHandle, 'sync').mockImplementation(async function (this: unknown) {
      await new Promise((r) => setTimeout(r, 150));
      await realSync.call(this);
      synced.push(Date.now());
    });

    const waiting = () => (conn.sqlite.prepare("SELECT count(*) AS n FROM tickets WHERE status = 'waiting'").get() as { n: number }).n;
    const before = waiting();
    const settledAt: number[] = [];
    const tap = (r: IssueRequest) => inGroupCommit(conn, (memo) => issueTicket(conn, NOW, r, { deviceId: 1 }, memo)).then((o) => (settledAt.push(Date.now()), o));
    const first = [tap(req(1)), tap(req(2))];
    await new Promise((r) => setTimeout(r, 30));
    // The first group is committed (others can read it) but nobody has been answered yet.
    expect(waiting()).toBe(before + 2);
    expect(settledAt).toEqual([]);
    expect(conn.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL again for everyone else
    // Two more groups commit while the first sync runs: both wait for the one sync after it.
    const second = [tap(req(3))];
    await new Promise((r) => setImmediate(r));
    const third = [tap(req(4))];
    await Promise.all([...first, ...second, ...third]);
    expect(sync).toHaveBeenCalledTimes(2);
    expect(settledAt.slice(0, 2).every((t) => t >= synced[0]!)).toBe(true);
    expect(settledAt.slice(2).every((t) => t >= synced[1]!)).toBe(true);
  });

  it('answers 503 storage_unavailable when the disk refuses the sync, and keeps working once it is back', async () => {
    const hall = await hallWithQueue();
    const { conn } = hall.app;
    const FileHandle = await fileHandles(conn.sqlite.name);
    const sync = vi.spyOn(FileHandle, 'sync').mockRejectedValueOnce(Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' }));
    const tap = (key: string) =>
      hall.app.inject({ method: 'POST', url: '/api/tickets', headers: { ...bearer(hall.tokens.kiosk), 'idempotency-key': key }, payload: { serviceId: 1 } });
    const refused = await tap('k1');
    expect(refused.statusCode).toBe(503);
    expect(refused.json().error.code).toBe('storage_unavailable');
    // The ticket was committed, only its sync failed: the same tap again finds it, now on disk.
    const again = await tap('k1');
    expect(again.statusCode).toBe(200);
    expect((await tap('k2')).statusCode).toBe(201);
    expect(sync.mock.calls.length).toBeGreaterThanOrEqual(2);
  });
});
