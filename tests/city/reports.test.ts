import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateYear } from '../../bench/reports/generate.js';
import type { Arrivals, Histograms, ReportRow } from '../../server/protocol/reports.js';
import { startCity, stopTestPostgres, type TestCity } from '../helpers/city.js';
import { bearer, startHall, type TestHall } from '../helpers/hall.js';
import { call, cityLogin, createHall } from './fixture.js';
import { hallEventsOf, hallStatusOf } from './hall-history.js';

// City reports use the hall's definitions: for a day both halls have shipped, the city's row of a
// hall is that hall's own report, and the city's total is the halls' added up.

const DAYS = ['2026-11-29', '2026-11-30'];
const NOW = Date.parse('2026-12-02T10:00:00Z');
const PASSWORD = 'bench-password-123'; // generateYear's admin
let city: TestCity;
let admin: string;
const halls: { hall: TestHall; cityId: number }[] = [];

beforeAll(async () => {
  city = await startCity({ now: () => NOW });
  admin = await cityLogin(city);
  for (const [i, seed] of [7, 8].entries()) {
    const dataDir = mkdtempSync(join(tmpdir(), 'dawr-city-hall-'));
    await generateYear({ dataDir, from: DAYS[0]!, to: DAYS.at(-1)!, ticketsPerDay: 250 + 100 * i, seed });
    const hall = await startHall({ dataDir, adminPassword: PASSWORD, now: () => NOW });
    const { id, token } = await createHall(city, admin, `Hall ${i + 1}`, `القاعة ${i + 1}`);
    const events = hallEventsOf(hall.app.conn.sqlite);
    const status = hallStatusOf(hall.app.conn.sqlite, NOW);
    for (let from = 0; from < events.length; from += 1000) {
      const res = await call(city, 'POST', '/api/city/hall/events', token, { events: events.slice(from, from + 1000), status, configVersion: 0 });
      expect(res.status).toBe(200);
    }
    halls.push({ hall, cityId: id });
  }
});
afterAll(async () => {
  for (const { hall } of halls) await hall.close();
  await city.close();
  await stopTestPostgres();
});

const withoutName = ({ key: _k, id: _i, label: _l, ...figures }: ReportRow) => figures;

const tokens = new Map<TestHall, Promise<string>>();
/** One log-in per hall: its log-in is rate-limited. */
const hallToken = (hall: TestHall) => tokens.get(hall) ?? tokens.set(hall, hall.login('admin', PASSWORD)).get(hall)!;

async function hallTotal(hall: TestHall, day: string): Promise<ReportRow> {
  const token = await hallToken(hall);
  const res = await hall.app.inject({ method: 'GET', url: `/api/reports/summary?from=${day}&to=${day}&groupBy=service`, headers: bearer(token) });
  expect(res.statusCode).toBe(200);
  return res.json().total;
}

const citySummary = async (query: string) => {
  const res = await call(city, 'GET', `/api/city/reports/summary?${query}`, admin);
  expect(res.status).toBe(200);
  return res.json() as { rows: ReportRow[]; total: ReportRow };
};

const COUNTS = ['issued', 'served', 'noShow', 'cancelled', 'called', 'withinTarget', 'ratings'] as const;

describe('city reports', () => {
  it.each(DAYS)("gives each hall, on %s, exactly the figures of the hall's own report", async (day) => {
    const summary = await citySummary(`from=${day}&to=${day}&groupBy=hall`);
    for (const { hall, cityId } of halls) {
      const own = await hallTotal(hall, day);
      expect(own.issued).toBeGreaterThan(200);
      const row = summary.rows.find((r) => r.id === cityId)!;
      expect(row.key).toBe(String(cityId));
      expect(withoutName(row)).toEqual(withoutName(own));
    }
  });

  it.each(['hall', 'service', 'day'])('makes its total, grouped by %s, the sum of the halls’ own totals', async (groupBy) => {
    const summary = await citySummary(`from=${DAYS[0]}&to=${DAYS.at(-1)}&groupBy=${groupBy}`);
    const own = await Promise.all(halls.flatMap(({ hall }) => DAYS.map((day) => hallTotal(hall, day))));
    for (const count of COUNTS) expect(summary.total[count]).toBe(own.reduce((sum, r) => sum + r[count], 0));
    expect(summary.total.transferWaits.count).toBe(own.reduce((sum, r) => sum + r.transferWaits.count, 0));
    for (const count of COUNTS) expect(summary.rows.reduce((sum, r) => sum + r[count], 0)).toBe(summary.total[count]);
  });

  it('groups by service code across halls, and by day', async () => {
    const byService = await citySummary(`from=${DAYS[0]}&to=${DAYS.at(-1)}&groupBy=service`);
    expect(byService.rows.map((r) => r.key)).toEqual(['B', 'C', 'D', 'E', 'F', 'P']);
    expect(byService.rows.every((r) => r.id === null)).toBe(true);
    const byDay = await citySummary(`from=${DAYS[0]}&to=${DAYS.at(-1)}&groupBy=day`);
    expect(byDay.rows.map((r) => r.key)).toEqual(DAYS);
  });

  it('reports one hall with hallId, and as CSV with Arabic or French headings', async () => {
    const one = await citySummary(`from=${DAYS[0]}&to=${DAYS[0]}&groupBy=day&hallId=${halls[0]!.cityId}`);
    expect(withoutName(one.total)).toEqual(withoutName(await hallTotal(halls[0]!.hall, DAYS[0]!)));
    const res = await fetch(`${city.url}/api/city/reports/summary?from=${DAYS[0]}&to=${DAYS[0]}&groupBy=hall&format=csv&lang=ar`, { headers: bearer(admin) });
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const csv = Buffer.from(await res.arrayBuffer()).toString('utf8');
    expect(csv.startsWith('\uFEFFالرمز,البيان,التذاكر الصادرة')).toBe(true);
    expect(csv).toContain('القاعة 1');

    const csvOf = (lang: string) =>
      fetch(`${city.url}/api/city/reports/summary?from=${DAYS[0]}&to=${DAYS[0]}&groupBy=hall&format=csv&lang=${lang}`, { headers: bearer(admin) });
    const fr = (await (await csvOf('fr')).text()).split('\r\n').map((line) => line.split(','));
    expect(fr[0]!.slice(0, 4)).toEqual(['Code', 'Libellé', 'Tickets délivrés', 'Usagers servis']);
    // A hall named without French is named in English; the total in French.
    expect(fr.slice(1, 4).map((cells) => cells[1])).toEqual(['Hall 1', 'Hall 2', 'Total']);
    const de = await csvOf('de');
    expect(de.status).toBe(400);
    expect((await de.json()).error.message).toContain('lang');
  });
});

async function hallGet<T>(hall: TestHall, path: string): Promise<T> {
  const token = await hallToken(hall);
  const res = await hall.app.inject({ method: 'GET', url: path, headers: bearer(token) });
  expect(res.statusCode).toBe(200);
  return res.json();
}

async function cityGet<T>(path: string): Promise<T> {
  const res = await call(city, 'GET', path, admin);
  expect(res.status, res.text).toBe(200);
  return res.json();
}

/** Bucket counts added up across answers, by the bucket's start. */
const addBuckets = (lists: Histograms['wait'][]) => {
  const sum = new Map<number, number>();
  for (const list of lists) for (const b of list) sum.set(b.fromS, (sum.get(b.fromS) ?? 0) + b.count);
  return sum;
};
const asMap = (list: Histograms['wait']) => addBuckets([list]);

describe('city charts', () => {
  const range = `from=${DAYS[0]}&to=${DAYS.at(-1)}`;

  it("draws one hall's histograms and arrivals exactly as the hall does", async () => {
    for (const { hall, cityId } of halls) {
      const own = await hallGet<Histograms>(hall, `/api/reports/histograms?${range}`);
      expect(own.wait.length).toBeGreaterThan(3);
      expect(await cityGet<Histograms>(`/api/city/reports/histograms?${range}&hallId=${cityId}`)).toEqual(own);
      const ownArrivals = await hallGet<Arrivals>(hall, `/api/reports/arrivals?${range}`);
      expect(await cityGet<Arrivals>(`/api/city/reports/arrivals?${range}&hallId=${cityId}`)).toEqual(ownArrivals);
    }
  });

  it('adds the halls’ charts up, and keeps one service code in every hall', async () => {
    const own = await Promise.all(halls.map(({ hall }) => hallGet<Histograms>(hall, `/api/reports/histograms?${range}`)));
    const all = await cityGet<Histograms>(`/api/city/reports/histograms?${range}`);
    expect(asMap(all.wait)).toEqual(addBuckets(own.map((h) => h.wait)));
    expect(asMap(all.service)).toEqual(addBuckets(own.map((h) => h.service)));

    const serviceIds = halls.map(({ hall }) => hall.app.conn.sqlite.prepare("SELECT id FROM services WHERE code = 'B'").pluck().get() as number);
    const ownB = await Promise.all(halls.map(({ hall }, i) => hallGet<Histograms>(hall, `/api/reports/histograms?${range}&serviceId=${serviceIds[i]}`)));
    const cityB = await cityGet<Histograms>(`/api/city/reports/histograms?${range}&serviceCode=B`);
    expect(cityB.serviceId).toBeNull();
    expect(asMap(cityB.wait)).toEqual(addBuckets(ownB.map((h) => h.wait)));
    expect(cityB.wait.reduce((n, b) => n + b.count, 0)).toBeLessThan(all.wait.reduce((n, b) => n + b.count, 0));

    const arrivals = await Promise.all(halls.map(({ hall }) => hallGet<Arrivals>(hall, `/api/reports/arrivals?${range}`)));
    const cityArrivals = await cityGet<Arrivals>(`/api/city/reports/arrivals?${range}`);
    expect(cityArrivals.cells).toEqual(arrivals[0]!.cells.map((row, d) => row.map((n, h) => n + arrivals[1]!.cells[d]![h]!)));
    expect(cityArrivals.days).toEqual(arrivals[0]!.days);
  });

  it('refuses a bad range or an unknown hall by name', async () => {
    const backwards = await call(city, 'GET', `/api/city/reports/histograms?from=${DAYS[1]}&to=${DAYS[0]}`, admin);
    expect(backwards.status).toBe(400);
    expect(backwards.text).toContain('must not be before from');
    const unknown = await call(city, 'GET', `/api/city/reports/arrivals?${range}&hallId=999`, admin);
    expect(unknown.status).toBe(404);
    expect((await call(city, 'GET', `/api/city/reports/arrivals?${range}`)).status).toBe(401);
  });
});
