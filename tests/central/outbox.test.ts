import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { inGroupCommit, inTransaction, migrateDatabase, openDatabase } from '../../db/connection.js';
import { hallEvents } from '../../server/central/events.js';
import { readBatch } from '../../server/central/outbox.js';
import { MIGRATIONS_DIR } from '../../server/paths.js';
import { RELEASE_1_FILE } from '../fixtures/make-release-1.js';
import { clockedHall } from '../helpers/hall.js';
import { act, issue, outboxRows, serviceId } from './acts.js';

// The outbox: every ticket event, counter event and rating gets the hall's next seq, in the same
// transaction as the change (SQLite triggers), 1, 2, 3… without a gap.

const c = clockedHall();

/** Each outbox row's kind and the type or state of the row it names. */
function outboxKinds() {
  const { sqlite } = c.hall.app.conn;
  return outboxRows(c.hall).map(({ kind, refId }) => {
    if (kind === 'ticket') return `ticket:${(sqlite.prepare('SELECT type FROM ticket_events WHERE id = ?').pluck().get(refId) as string)}`;
    if (kind === 'counter') return `counter:${(sqlite.prepare('SELECT state FROM counter_events WHERE id = ?').pluck().get(refId) as string)}`;
    return 'rating';
  });
}

describe('the outbox', () => {
  it('gets a row for every ticket event, counter event and rating, in the order they were written, without a gap', async () => {
    const { hall, clerk } = c;
    const first = await issue(hall, 'F');
    const second = await issue(hall, 'F');
    const third = await issue(hall, 'F');
    await act(hall, '/api/counters/4/open', clerk);
    await act(hall, '/api/counters/4/next', clerk);
    await act(hall, `/api/tickets/${first.id}/recall`, clerk);
    await act(hall, `/api/tickets/${first.id}/start`, clerk);
    await act(hall, `/api/tickets/${first.id}/complete`, clerk);
    c.tick(5 * 60_000);
    await act(hall, `/api/track/${first.trackingCode}/rating`, '', { score: 3, comment: 'شكراً جزيلاً' });
    await act(hall, '/api/counters/4/next', clerk);
    await act(hall, `/api/tickets/${second.id}/transfer`, clerk, { serviceId: await serviceId(hall, 'D') });
    await act(hall, '/api/counters/4/next', clerk);
    await act(hall, `/api/tickets/${third.id}/no-show`, clerk, { confirmed: true });
    await act(hall, `/api/track/${second.trackingCode}/cancel`, '');
    await act(hall, '/api/counters/4/close', clerk);

    const ticketEvents = hall.app.conn.sqlite.prepare('SELECT type FROM ticket_events ORDER BY id').pluck().all();
    expect(ticketEvents).toEqual(['issue', 'issue', 'issue', 'call', 'recall', 'start', 'complete', 'call', 'transfer', 'call', 'no_show', 'cancel']);
    expect(outboxKinds()).toEqual([
      'ticket:issue', 'ticket:issue', 'ticket:issue', 'counter:open', 'ticket:call', 'ticket:recall', 'ticket:start', 'ticket:complete',
      'rating', 'ticket:call', 'ticket:transfer', 'ticket:call', 'ticket:no_show', 'ticket:cancel', 'counter:closed',
    ]);
    expect(outboxRows(hall).map((r) => r.seq)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
  });

  it('gets no row from a change that is rolled back, and the next seq follows without a gap', async () => {
    const { hall } = c;
    await issue(hall, 'F');
    const conn = hall.app.conn;
    expect(() =>
      inTransaction(conn, () => {
        conn.sqlite.prepare("INSERT INTO counter_events (hall_id, counter_id, state, at) VALUES (?, 4, 'open', ?)").run(hall.app.hallId, c.now);
        throw new Error('the change fails after its event was written');
      }),
    ).toThrow('the change fails');
    // A refused act writes nothing either: the ticket is not called, it cannot be completed.
    const refused = await hall.app.inject({ method: 'POST', url: '/api/tickets/1/complete', headers: { authorization: `Bearer ${c.clerk}` } });
    expect(refused.statusCode).toBe(409);
    expect(outboxKinds()).toEqual(['ticket:issue']);

    await issue(hall, 'F');
    expect(outboxRows(hall).map((r) => r.seq)).toEqual([1, 2]);
  });

  it('stays without a gap when one change of a group commit is undone and the others stand', async () => {
    const { hall } = c;
    const conn = hall.app.conn;
    const open = () => conn.sqlite.prepare("INSERT INTO counter_events (hall_id, counter_id, state, at) VALUES (?, 4, 'open', ?)").run(hall.app.hallId, c.now);
    const results = await Promise.allSettled([
      inGroupCommit(conn, open),
      inGroupCommit(conn, () => {
        open();
        throw new Error('undone');
      }),
      inGroupCommit(conn, open),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(outboxRows(hall).map((r) => [r.seq, r.kind])).toEqual([[1, 'counter'], [2, 'counter']]);
  });

  it('reads a batch oldest first, after a seq, at most as many as asked', async () => {
    const { hall } = c;
    for (let i = 0; i < 7; i++) await issue(hall, 'F');
    expect(readBatch(hall.app.conn, 2, 3).map((r) => r.seq)).toEqual([3, 4, 5]);
    expect(readBatch(hall.app.conn, 6, 500).map((r) => r.seq)).toEqual([7]);
  });
});

describe("the outbox of a hall upgraded from an earlier release", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('holds its whole history after the migration: ticket events in id order, counter events merged in by time', () => {
    dir = mkdtempSync(join(tmpdir(), 'dawr-outbox-'));
    copyFileSync(RELEASE_1_FILE, join(dir, 'dawr.sqlite'));
    const conn = openDatabase(dir);
    try {
      migrateDatabase(conn, MIGRATIONS_DIR);
      const rows = conn.sqlite.prepare('SELECT seq, kind, ref_id AS refId FROM outbox ORDER BY seq').all() as { seq: number; kind: string; refId: number }[];
      const ticketIds = conn.sqlite.prepare('SELECT id FROM ticket_events ORDER BY id').pluck().all();
      const counterIds = conn.sqlite.prepare('SELECT id FROM counter_events ORDER BY id').pluck().all();
      expect(ticketIds.length).toBeGreaterThan(0);
      expect(counterIds.length).toBeGreaterThan(0);
      expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
      expect(rows.filter((r) => r.kind === 'ticket').map((r) => r.refId)).toEqual(ticketIds);
      expect(rows.filter((r) => r.kind === 'counter').map((r) => r.refId)).toEqual(counterIds);
      // By time: a counter event comes after the ticket events written before it (this history
      // was written ticket by ticket, so a ticket event counts at the latest time before it).
      const atOf = (r: { kind: string; refId: number }) =>
        conn.sqlite.prepare(`SELECT at FROM ${r.kind === 'ticket' ? 'ticket_events' : 'counter_events'} WHERE id = ?`).pluck().get(r.refId) as number;
      let latest = 0;
      const placed = rows.map((r) => (r.kind === 'ticket' ? (latest = Math.max(latest, atOf(r))) : atOf(r)));
      expect(placed).toEqual([...placed].sort((a, b) => a - b));
      expect(rows[0]).toMatchObject({ kind: 'counter' });
      // And every row of the history can be shipped.
      expect(hallEvents(readBatch(conn, 0, 500))).toHaveLength(rows.length);
    } finally {
      conn.sqlite.close();
    }
  });
});

describe('the backfill of the migration', () => {
  it('rebuilds the outbox the triggers wrote, ratings included, from the history alone', async () => {
    const { hall, clerk } = c;
    // Acts a second apart (at the same millisecond, which came first is not in the history).
    const later = <T>(p: () => Promise<T>) => (c.tick(1000), p());
    const first = await later(() => issue(hall, 'F'));
    await later(() => act(hall, '/api/counters/4/next', clerk));
    await later(() => act(hall, `/api/tickets/${first.id}/complete`, clerk));
    await later(() => act(hall, `/api/track/${first.trackingCode}/rating`, '', { score: 2 }));
    await later(() => issue(hall, 'F'));
    await later(() => act(hall, '/api/counters/4/close', clerk));
    const written = outboxRows(hall);
    expect(written.map((r) => r.kind)).toContain('rating');

    const backfill = readMigrationFiles({ migrationsFolder: MIGRATIONS_DIR })
      .flatMap((m) => m.sql)
      .find((statement) => statement.includes('INSERT INTO `outbox`') && statement.includes('UNION ALL'))!;
    hall.app.conn.sqlite.exec("DELETE FROM outbox; DELETE FROM sqlite_sequence WHERE name = 'outbox'");
    hall.app.conn.sqlite.exec(backfill);
    expect(outboxRows(hall)).toEqual(written);
  });
});
