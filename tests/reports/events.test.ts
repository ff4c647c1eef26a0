import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateYear } from '../../bench/reports/generate.js';
import { openDatabase, closeDatabase, type Connection } from '../../db/connection.js';
import { figuresOfFacts } from '../../server/reports/day.js';
import { dayFactsOfEvents } from '../../server/reports/events.js';
import { dayTicketRange, readDayFacts, type DayFacts } from '../../server/reports/facts.js';
import { nextDay, offsetSpans, startOfLocalDay } from '../../server/reports/zone.js';
import { hallEventsOf } from '../city/hall-history.js';

// The city's facts from shipped events ≡ the hall's facts from SQL, on a generated busy history
// (transfers, no-shows after recalls, requeues, cancellations, skipped Starts, counter pauses).

const ZONE = 'Asia/Damascus';
const DAYS = ['2026-11-29', '2026-11-30', '2026-12-01'];
let dir: string;
let conn: Connection;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dawr-events-'));
  await generateYear({ dataDir: dir, from: DAYS[0]!, to: DAYS.at(-1)!, ticketsPerDay: 400, seed: 15 });
  conn = openDatabase(dir);
});
afterAll(() => {
  closeDatabase(conn);
  rmSync(dir, { recursive: true, force: true });
});

const byId = (a: { id: number }, b: { id: number }) => a.id - b.id;
const sorted = (f: DayFacts) => ({
  tickets: [...f.tickets].sort(byId),
  transfers: [...f.transfers].sort((a, b) => a.ticketId - b.ticketId || a.at - b.at),
  counters: [...f.counters].sort((a, b) => a.counterId - b.counterId || a.at - b.at),
  ratings: [...f.ratings].sort((a, b) => a.ticketId - b.ticketId),
});

describe('dayFactsOfEvents', () => {
  it.each(DAYS)('gives the facts the hall reads in SQL for %s, and so the same figures', (day) => {
    const events = hallEventsOf(conn.sqlite);
    const start = startOfLocalDay(day, ZONE);
    const end = startOfLocalDay(nextDay(day), ZONE);
    const scope = { hall: 1, start, end };
    const fromSql = readDayFacts(conn, scope, dayTicketRange(conn, scope));
    const fromEvents = dayFactsOfEvents(events, scope);
    expect(fromSql.tickets.length).toBeGreaterThan(300);
    expect(fromSql.transfers.length).toBeGreaterThan(0);
    expect(fromSql.counters.length).toBeGreaterThan(0);
    expect(fromSql.tickets.some((t) => t.endType === 'no_show')).toBe(true);
    expect(sorted(fromEvents)).toEqual(sorted(fromSql));
    const ctx = { hallId: 1, targetsMs: new Map([[1, 600_000]]), spans: offsetSpans(start, end, ZONE) };
    expect(figuresOfFacts(fromEvents, ctx, scope)).toEqual(figuresOfFacts(fromSql, ctx, scope));
  });

  it('keeps a no-show returned to the line open, as the SQL does', () => {
    const base = { kind: 'ticket' as const, ticketId: 7, serviceId: 1, serviceCode: 'B', counterId: 2, userId: 3, issuedAt: 1000, priority: false, remote: false, fromStatus: null, toStatus: 'x' };
    const events = [
      { ...base, seq: 1, type: 'issue' as const, at: 1000, counterId: null, userId: null },
      { ...base, seq: 2, type: 'call' as const, at: 2000 },
      { ...base, seq: 3, type: 'no_show' as const, at: 3000 },
      { ...base, seq: 4, type: 'requeue' as const, at: 4000 },
    ];
    const [ticket] = dayFactsOfEvents(events, { start: 0, end: 10_000 }).tickets;
    expect(ticket).toMatchObject({ callAt: 2000, endType: null, endAt: null, serviceFrom: null });
  });
});
