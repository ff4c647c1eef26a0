import type pg from 'pg';
import { businessDay } from '../engine/clock.js';
import type { CitySummary, HallEvent } from '../protocol/city.js';
import type { Catalogue } from '../protocol/city.js';
import { figuresOfFacts, type DayFigures } from '../reports/day.js';
import { dayFactsOfEvents } from '../reports/events.js';
import { emptyFigures, mergeFigures, type Figures } from '../reports/figures.js';
import { reportRow } from '../reports/summary.js';
import { nextDay, offsetSpans, startOfLocalDay } from '../reports/zone.js';
import type { HallRow } from './board.js';

// City reports with the hall's definitions: each hall-day's facts are rebuilt from the events it
// shipped (reports/events.ts), turned into figures by the hall's own figuresOfFacts (in the hall's
// zone, with its own service targets), and the rows merged across halls and days.
// The city's groupings (hall, service, day) use none of the counters' open time, so only ticket
// and rating events are read.

const DAY_EVENTS = `SELECT body FROM hall_events WHERE hall_id = $1 AND issued_at >= $2 AND issued_at < $3 ORDER BY seq`;

type Grouping = CitySummary['groupBy'];

interface Row {
  key: string;
  id: number | null;
  label: { ar: string; en: string };
  order: number | string;
  figures: Figures;
}

/** Each local day of [from, to] up to the hall's today → that day's figures. */
async function hallDays(pool: pg.Pool, hall: HallRow, from: string, to: string, now: number): Promise<Map<string, DayFigures>> {
  const zone = hall.timeZone;
  const today = businessDay(now, zone);
  const last = to < today ? to : today;
  const out = new Map<string, DayFigures>();
  if (last < from) return out;
  const days: { day: string; start: number; end: number }[] = [];
  for (let day = from; day <= last; day = nextDay(day)) {
    days.push({ day, start: startOfLocalDay(day, zone), end: startOfLocalDay(nextDay(day), zone) });
  }
  const { rows } = await pool.query<{ body: HallEvent }>({ name: 'city-day-events', text: DAY_EVENTS, values: [hall.id, days[0]!.start, days.at(-1)!.end] });
  const byDay = days.map(() => [] as HallEvent[]);
  for (const { body } of rows) {
    const issuedAt = body.kind === 'counter' ? body.at : body.issuedAt;
    let i = 0;
    while (i < days.length - 1 && issuedAt >= days[i]!.end) i++;
    byDay[i]!.push(body);
  }
  const targetsMs = new Map((hall.status?.services ?? []).map((s) => [s.id, s.targetWaitS * 1000]));
  days.forEach(({ day, start, end }, i) => {
    const facts = dayFactsOfEvents(byDay[i]!, { start, end });
    out.set(day, figuresOfFacts(facts, { hallId: hall.id, targetsMs, spans: offsetSpans(start, end, zone) }, { hall: hall.id, start, end, now }));
  });
  return out;
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
  const catalogueName = new Map(catalogue.map((s) => [s.code, s.name]));
  for (const hall of halls) {
    const codeOf = new Map((hall.status?.services ?? []).map((s) => [s.id, s]));
    for (const [day, figures] of await hallDays(pool, hall, q.from, q.to, now)) {
      if (q.groupBy === 'hall') {
        const sum = into(String(hall.id), () => ({ id: hall.id, label: { ar: hall.nameAr, en: hall.nameEn }, order: hall.id }));
        for (const f of figures.service.values()) mergeFigures(sum, f);
      } else if (q.groupBy === 'day') {
        const sum = into(day, () => ({ id: null, label: { ar: day, en: day }, order: day }));
        for (const f of figures.hour.values()) mergeFigures(sum, f);
      } else {
        for (const [serviceId, f] of figures.service) {
          const service = serviceId === null ? undefined : codeOf.get(serviceId);
          const code = service?.code ?? '—';
          const label = catalogueName.get(code) ?? service?.name ?? { ar: 'بلا خدمة', en: 'No service' };
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
    total: reportRow({ key: null, id: null, label: { ar: 'المجموع', en: 'Total' }, order: null }, total, false),
  };
}
