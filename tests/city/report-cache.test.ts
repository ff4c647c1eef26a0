import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateYear } from '../../bench/reports/generate.js';
import { listHalls } from '../../server/city/halls.js';
import { ingestBatch } from '../../server/city/ingest.js';
import { hallDays } from '../../server/city/reports.js';
import type { HallEvent, HallStatus } from '../../server/protocol/city.js';
import type { ReportRow } from '../../server/protocol/reports.js';
import { startCity, stopTestPostgres, type TestCity } from '../helpers/city.js';
import { bearer, startHall, type TestHall } from '../helpers/hall.js';
import { call, cityLogin, createHall } from './fixture.js';
import { hallEventsOf, hallStatusOf } from './hall-history.js';

// The city keeps each hall's past days' figures in report_days: a second report reads no events,
// a late batch (a hall back from a cut) or other service targets drop what they change, and the
// kept days never change an answer.

const DAYS = ['2026-11-28', '2026-11-29', '2026-11-30'];
const NOW = Date.parse('2026-12-02T10:00:00Z');
const PASSWORD = 'bench-password-123'; // generateYear's admin
const RANGE = `from=${DAYS[0]}&to=2026-12-02`; // today (never kept) included
let city: TestCity;
let admin: string;
let hall: TestHall;
let hallToken: string;
let token: string;
let events: HallEvent[];
let status: HallStatus;
let pool: pg.Pool;

beforeAll(async () => {
  city = await startCity({ now: () => NOW });
  pool = city.app.city.pool;
  admin = await cityLogin(city);
  const dataDir = mkdtempSync(join(tmpdir(), 'dawr-city-cache-'));
  await generateYear({ dataDir, from: DAYS[0]!, to: DAYS.at(-1)!, ticketsPerDay: 300, seed: 11 });
  hall = await startHall({ dataDir, adminPassword: PASSWORD, now: () => NOW });
  hallToken = await hall.login('admin', PASSWORD);
  ({ token } = await createHall(city, admin));
  events = hallEventsOf(hall.app.conn.sqlite);
  status = hallStatusOf(hall.app.conn.sqlite, NOW);
});
afterAll(async () => {
  await hall?.close();
  await city?.close();
  await stopTestPostgres();
});

async function ship(list: HallEvent[], withStatus = status) {
  for (let from = 0; from < list.length || from === 0; from += 1000) {
    const res = await call(city, 'POST', '/api/city/hall/events', token, { events: list.slice(from, from + 1000), status: withStatus, configVersion: 0 });
    expect(res.status, res.text).toBe(200);
  }
}

async function cityGet(path: string) {
  const res = await call(city, 'GET', path, admin);
  expect(res.status, res.text).toBe(200);
  return res.json();
}

/** Every city report over the range: the summary in each grouping and the charts. */
const everyReport = async (range = RANGE) => ({
  hall: await cityGet(`/api/city/reports/summary?${range}&groupBy=hall`),
  service: await cityGet(`/api/city/reports/summary?${range}&groupBy=service`),
  day: await cityGet(`/api/city/reports/summary?${range}&groupBy=day`),
  histograms: await cityGet(`/api/city/reports/histograms?${range}`),
  arrivals: await cityGet(`/api/city/reports/arrivals?${range}`),
});

/** The same reports with nothing kept: rebuilt from the events. */
async function fromScratch(range = RANGE) {
  await pool.query('DELETE FROM report_days');
  return everyReport(range);
}

const keptDays = async () => (await pool.query<{ day: string; targets: [number, number][] }>('SELECT day::text AS day, targets FROM report_days ORDER BY day')).rows;

/** The SQL texts `pool.query` runs during `run`. */
async function queriesOf(run: () => Promise<unknown>): Promise<string[]> {
  const spy = vi.spyOn(pool, 'query');
  try {
    await run();
    return spy.mock.calls.map(([q]) => (typeof q === 'string' ? q : (q as { text: string }).text));
  } finally {
    spy.mockRestore();
  }
}

async function hallTotal(from: string, to: string): Promise<ReportRow> {
  const res = await hall.app.inject({ method: 'GET', url: `/api/reports/summary?from=${from}&to=${to}`, headers: bearer(hallToken) });
  expect(res.statusCode).toBe(200);
  return res.json().total;
}

describe('city report cache', () => {
  const firstRating = () => events.findIndex((e) => e.kind === 'rating');

  it('keeps the past days, and a second report reads no events', async () => {
    await ship(events.slice(0, firstRating())); // the ratings come later: after a cut
    const cold = await queriesOf(() => everyReport());
    expect(cold.some((q) => q.includes('FROM hall_events'))).toBe(true);
    expect((await keptDays()).map((r) => r.day)).toEqual(DAYS.concat('2026-12-01')); // not today
    const past = `from=${DAYS[0]}&to=2026-12-01`;
    const warm = await queriesOf(() => everyReport(past));
    expect(warm.filter((q) => q.includes('hall_events'))).toEqual([]);
    expect(await everyReport(past)).toEqual(await fromScratch(past));
  });

  it('drops the kept days a late batch touches, and leaves them when live traffic is today’s', async () => {
    const before = await cityGet(`/api/city/reports/summary?${RANGE}&groupBy=hall`);
    expect(before.total.ratings).toBe(0);
    const today: HallEvent = { seq: events.length + 1, kind: 'counter', at: NOW, counterId: 1, counterNumber: 1, state: 'open', userId: null };
    await ship([...events.slice(firstRating()), today]);
    const after = await cityGet(`/api/city/reports/summary?${RANGE}&groupBy=hall`);
    const own = await hallTotal(DAYS[0]!, DAYS.at(-1)!);
    expect(own.ratings).toBeGreaterThan(0);
    expect(after.total.ratings).toBe(own.ratings);
    expect(after.total.avgRating).toBe(own.avgRating);

    const kept = await keptDays();
    await ship([{ ...today, seq: events.length + 2, state: 'closed', at: NOW + 1000 }]);
    expect(await keptDays()).toEqual(kept);
  });

  it('never changes an answer: reports with kept days equal reports rebuilt from the events', async () => {
    await everyReport(); // every past day kept
    expect(await keptDays()).toHaveLength(4);
    const kept = await everyReport();
    expect(kept).toEqual(await fromScratch());
    expect(kept.hall.total.issued).toBe((await hallTotal(DAYS[0]!, DAYS.at(-1)!)).issued);
  });

  it('drops the kept days when the hall’s service targets change', async () => {
    await everyReport();
    const before = await cityGet(`/api/city/reports/summary?${RANGE}&groupBy=hall`);
    const stricter = { ...status, at: NOW + 5000, services: status.services.map((s) => ({ ...s, targetWaitS: 60 })) };
    await ship([], stricter);
    const after = await everyReport();
    expect(after.hall.total.withinTarget).toBeLessThan(before.total.withinTarget);
    expect((await keptDays()).every((r) => r.targets.every(([, s]) => s === 60))).toBe(true);
    expect(after).toEqual(await fromScratch());
  });

  it('keeps nothing a batch changed while the report was being computed', async () => {
    await pool.query('DELETE FROM report_days');
    const [row] = await listHalls(city.app.city.db);
    const rated = events.find((e): e is Extract<HallEvent, { kind: 'rating' }> => e.kind === 'rating')!;
    const late: HallEvent = { ...rated, seq: row!.ackedSeq + 1, score: 1 };
    let shipped = false;
    // The batch lands between the report's reading of the events and its keeping of the days.
    const racing = {
      query: pool.query.bind(pool),
      async connect() {
        if (!shipped) await ingestBatch(pool, row!.id, { events: [late], status: row!.status!, configVersion: 0 }, NOW);
        shipped = true;
        return pool.connect();
      },
    } as unknown as pg.Pool;
    await hallDays(racing, row!, DAYS[0]!, '2026-12-01', NOW);
    expect(shipped).toBe(true);
    expect(await keptDays()).toEqual([]);
    const after = await everyReport();
    expect(after.hall.total.ratings).toBe((await hallTotal(DAYS[0]!, DAYS.at(-1)!)).ratings + 1);
    expect(after).toEqual(await fromScratch());
  });
});
