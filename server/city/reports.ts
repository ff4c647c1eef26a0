import type pg from 'pg';
import { businessDay } from '../engine/clock.js';
import { namesOf, reportLabel } from '../hall/names.js';
import type { Catalogue, CitySummary, HallEvent } from '../protocol/city.js';
import type { Arrivals, Histograms } from '../protocol/reports.js';
import { arrivalsOf, histogramsOf, type Rows } from '../reports/charts.js';
import { figuresOfFacts, loadRows, storeRows, type Key, type StoredRows } from '../reports/day.js';
import { dayFactsOfEvents } from '../reports/events.js';
import { emptyFigures, mergeFigures, type Figures, type StoredFigures } from '../reports/figures.js';
import { NONE, TOTAL, type RowName } from '../reports/labels.js';
import { reportRow } from '../reports/summary.js';
import { nextDay, offsetSpans, startOfLocalDay } from '../reports/zone.js';
import type { HallRow } from './board.js';

// City reports with the hall's definitions: each hall-day's facts are rebuilt from the events it
// shipped (reports/events.ts), turned into figures by the hall's own figuresOfFacts (in the hall's
// zone, with its own service targets), and the rows merged across halls and days.
// The city's groupings (hall, service, day) and charts use none of the counters' open time, so
// only ticket and rating events are read, and only the rows by service and by hour are kept.
//
// A hall-day over in the hall's zone is kept in report_days with the targets it was computed
// with. Ingest drops the days a batch touches (ingest.ts); a kept day is written only if no event
// of its range came in since it was read: under a share lock on the hall's row, which ingest
// holds for update, the range's events are counted again.

const DAY_EVENTS = `SELECT body FROM hall_events WHERE hall_id = $1 AND issued_at >= $2 AND issued_at < $3 ORDER BY seq`;
const COUNT_EVENTS = `SELECT count(*)::int AS n FROM hall_events WHERE hall_id = $1 AND issued_at >= $2 AND issued_at < $3`;
const KEPT_DAYS = `SELECT day::text AS day, data, targets FROM report_days WHERE hall_id = $1 AND day BETWEEN $2 AND $3`;
const KEEP_DAYS = `
INSERT INTO report_days (hall_id, day, data, targets)
SELECT $1, d.day::date, d.data, $3::jsonb FROM jsonb_to_recordset($2::jsonb) AS d(day text, data jsonb)
ON CONFLICT (hall_id, day) DO UPDATE SET data = excluded.data, targets = excluded.targets`;

type Grouping = CitySummary['groupBy'];

/** A hall-day's rows by service and by local hour. */
export interface HallDay {
  service: Rows;
  hour: Rows;
}

interface Day {
  day: string;
  start: number;
  end: number;
}

/** Consecutive days to compute, read with one query. */
type Run = Day[];

const targetsOf = (hall: HallRow): [number, number][] =>
  (hall.status?.services ?? []).map((s): [number, number] => [s.id, s.targetWaitS]).sort((a, b) => a[0] - b[0]);

/** Each local day of [from, to] up to the hall's today → that day's rows, kept ones as they are. */
export async function hallDays(pool: pg.Pool, hall: HallRow, from: string, to: string, now: number): Promise<Map<string, HallDay>> {
  const zone = hall.timeZone;
  const today = businessDay(now, zone);
  const last = to < today ? to : today;
  const out = new Map<string, HallDay>();
  if (last < from) return out;
  const targets = targetsOf(hall);
  const targetsText = JSON.stringify(targets);
  const kept = await pool.query<{ day: string; data: { service: StoredRows; hour: StoredRows }; targets: [number, number][] }>({
    name: 'city-kept-days',
    text: KEPT_DAYS,
    values: [hall.id, from, last],
  });
  let otherTargets = false;
  for (const row of kept.rows) {
    if (JSON.stringify(row.targets) !== targetsText) otherTargets = true;
    else out.set(row.day, { service: loadRows(row.data.service), hour: loadRows(row.data.hour) });
  }
  if (otherTargets) await pool.query('DELETE FROM report_days WHERE hall_id = $1 AND targets <> $2::jsonb', [hall.id, targetsText]);

  const runs: Run[] = [];
  for (let day = from; day <= last; day = nextDay(day)) {
    if (out.has(day)) continue;
    const d = { day, start: startOfLocalDay(day, zone), end: startOfLocalDay(nextDay(day), zone) };
    const run = runs.at(-1);
    if (run && nextDay(run.at(-1)!.day) === day) run.push(d);
    else runs.push([d]);
  }
  const targetsMs = new Map(targets.map(([id, s]) => [id, s * 1000]));
  const toKeep: Computed[] = [];
  for (const run of runs) {
    const { rows } = await pool.query<{ body: HallEvent }>({ name: 'city-day-events', text: DAY_EVENTS, values: [hall.id, run[0]!.start, run.at(-1)!.end] });
    const byDay = run.map(() => [] as HallEvent[]);
    for (const { body } of rows) {
      const issuedAt = body.kind === 'counter' ? body.at : body.issuedAt;
      let i = 0;
      while (i < run.length - 1 && issuedAt >= run[i]!.end) i++;
      byDay[i]!.push(body);
    }
    const computed = run.map(({ day, start, end }, i): Computed['days'][number] => {
      const facts = dayFactsOfEvents(byDay[i]!, { start, end });
      const { service, hour } = figuresOfFacts(facts, { hallId: hall.id, targetsMs, spans: offsetSpans(start, end, zone) }, { hall: hall.id, start, end, now });
      out.set(day, { service, hour });
      return { day, service, hour };
    });
    const past = run.filter((d) => d.day < today).length;
    if (past > 0) toKeep.push({ start: run[0]!.start, end: run[past - 1]!.end, events: byDay.slice(0, past).reduce((n, e) => n + e.length, 0), days: computed.slice(0, past) });
  }
  await keepDays(pool, hall.id, toKeep, targetsText);
  return out;
}

/** Days computed from `events` events issued in [start, end). */
interface Computed {
  start: number;
  end: number;
  events: number;
  days: { day: string; service: Map<Key, Figures>; hour: Map<Key, Figures> }[];
}

/** Keeps the computed past days of each run whose events are still the ones read. */
async function keepDays(pool: pg.Pool, hallId: number, runs: Computed[], targets: string): Promise<void> {
  if (runs.length === 0) return;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query({ name: 'city-share-hall', text: 'SELECT 1 FROM halls WHERE id = $1 FOR SHARE', values: [hallId] });
    const rows: { day: string; data: { service: StoredRows; hour: StoredRows } }[] = [];
    for (const run of runs) {
      const held = await client.query<{ n: number }>({ name: 'city-count-events', text: COUNT_EVENTS, values: [hallId, run.start, run.end] });
      if (held.rows[0]!.n !== run.events) continue; // a batch came in meanwhile: computed again next time
      for (const { day, service, hour } of run.days) rows.push({ day, data: { service: storeRows(service), hour: storeRows(hour) } });
    }
    if (rows.length > 0) await client.query({ name: 'city-keep-days', text: KEEP_DAYS, values: [hallId, JSON.stringify(rows), targets] });
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

interface Row {
  key: string;
  id: number | null;
  label: RowName['label'];
  order: number | string;
  figures: Figures;
}

export async function citySummary(
  pool: pg.Pool,
  halls: HallRow[],
  catalogue: Catalogue,
  q: { from: string; to: string; groupBy: Grouping },
  now: number,
): Promise<CitySummary> {
  const rows = new Map<string, Row>();
  const into = (key: string, name: () => Omit<Row, 'key' | 'figures'>) => {
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { key, ...name(), figures: emptyFigures() }));
    return row.figures;
  };
  const catalogueName = new Map(catalogue.map((s) => [s.code, reportLabel(s.name)]));
  for (const hall of halls) {
    const serviceOf = new Map((hall.status?.services ?? []).map((s) => [s.id, s]));
    for (const [day, figures] of await hallDays(pool, hall, q.from, q.to, now)) {
      if (q.groupBy === 'hall') {
        const sum = into(String(hall.id), () => ({ id: hall.id, label: reportLabel(namesOf(hall)), order: hall.id }));
        for (const f of figures.service.values()) mergeFigures(sum, f);
      } else if (q.groupBy === 'day') {
        const sum = into(day, () => ({ id: null, label: { ar: day, en: day, fr: day }, order: day }));
        for (const f of figures.hour.values()) mergeFigures(sum, f);
      } else {
        for (const [serviceId, f] of figures.service) {
          const service = serviceId === null ? undefined : serviceOf.get(serviceId);
          const code = service?.code ?? '—';
          const label = catalogueName.get(code) ?? (service ? reportLabel(service.name) : NONE.service);
          mergeFigures(into(code, () => ({ id: null, label, order: code })), f);
        }
      }
    }
  }
  const sorted = [...rows.values()].sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
  const total = sorted.reduce((sum, r) => mergeFigures(sum, r.figures), emptyFigures());
  const zones = [...new Set(halls.map((h) => h.timeZone))];
  return {
    from: q.from,
    to: q.to,
    groupBy: q.groupBy,
    timeZone: zones.join(', '),
    rows: sorted.map((r) => reportRow({ key: r.key, id: r.id, label: r.label, order: r.order }, r.figures, false)),
    total: reportRow({ key: null, id: null, label: TOTAL, order: null }, total, false),
  };
}

/** The hall's charts across halls; `serviceCode` keeps one service of the catalogue, in every hall. */
export async function cityHistograms(pool: pg.Pool, halls: HallRow[], q: { from: string; to: string; serviceCode?: string }, now: number): Promise<Histograms> {
  const kept: (Figures | StoredFigures)[] = [];
  for (const hall of halls) {
    const codeOf = new Map((hall.status?.services ?? []).map((s) => [s.id, s.code]));
    for (const { service } of (await hallDays(pool, hall, q.from, q.to, now)).values()) {
      for (const [serviceId, f] of service) if (q.serviceCode === undefined || (serviceId !== null && codeOf.get(serviceId) === q.serviceCode)) kept.push(f);
    }
  }
  return { from: q.from, to: q.to, serviceId: null, ...histogramsOf(kept) };
}

/** Arrivals across halls, each hall's tickets by its own local weekday and hour. */
export async function cityArrivals(pool: pg.Pool, halls: HallRow[], q: { from: string; to: string }, now: number): Promise<Arrivals> {
  const days: [string, Rows][] = [];
  for (const hall of halls) for (const [day, { hour }] of await hallDays(pool, hall, q.from, q.to, now)) days.push([day, hour]);
  // The range's weekdays count up to the latest "today" among the halls' zones.
  const today = halls.map((h) => businessDay(now, h.timeZone)).reduce((a, b) => (a > b ? a : b), '');
  return arrivalsOf(q, today, days);
}
