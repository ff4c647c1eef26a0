import type { Connection } from '../../db/connection.js';
import { businessDay } from '../engine/clock.js';
import type { Arrivals, Histograms } from '../protocol/reports.js';
import type { Key } from './day.js';
import { figuresByDay, reportContext } from './days.js';
import { emptyFigures, issuedOf, mergeFigures, SERVICE_BUCKET_S, WAIT_BUCKET_S, type Figures, type StoredFigures } from './figures.js';
import { nextDay } from './zone.js';

// The reports' charts, from the same stored days as the table: the distributions of waits and
// service times, and arrivals by local weekday and hour. The bucket logic works on days' figures
// wherever they come from (a hall's days here, the city's hall-days in server/city/reports.ts).

type Bucket = Histograms['wait'][number];
/** One day's rows (by service or by hour): as computed or as stored. */
export type Rows = Map<Key, Figures | StoredFigures>;

/** Counts by bucket index → every bucket from 0 to the last one used, empty ones included. */
function buckets(counts: Map<number, number>, sizeS: number): Bucket[] {
  const last = Math.max(-1, ...counts.keys());
  return Array.from({ length: last + 1 }, (_, b) => ({ fromS: b * sizeS, toS: (b + 1) * sizeS, count: counts.get(b) ?? 0 }));
}

/** Waits (first call − issue, in whole seconds) in 2-minute buckets; service times in 3-minute buckets. */
export function histogramsOf(figures: Iterable<Figures | StoredFigures>): Pick<Histograms, 'wait' | 'service'> {
  const all = emptyFigures();
  for (const f of figures) mergeFigures(all, f);
  const waits = new Map<number, number>();
  for (const [s, n] of all.waitHist) {
    const b = Math.floor(s / WAIT_BUCKET_S);
    waits.set(b, (waits.get(b) ?? 0) + n);
  }
  return { wait: buckets(waits, WAIT_BUCKET_S), service: buckets(all.serviceHist, SERVICE_BUCKET_S) };
}

export async function histograms(
  conn: Connection,
  hallId: number,
  q: { from: string; to: string; serviceId?: number },
  now: number,
): Promise<Histograms> {
  const ctx = reportContext(conn, hallId);
  const days = await figuresByDay(conn, ctx, 'service', q.from, q.to, now);
  const kept = [...days.values()].flatMap((rows) => [...rows].filter(([id]) => q.serviceId === undefined || id === q.serviceId).map(([, f]) => f));
  return { from: q.from, to: q.to, serviceId: q.serviceId ?? null, ...histogramsOf(kept) };
}

const weekdayOf = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

/**
 * Tickets issued by local weekday (0 = Sunday) × local hour, from days' rows by hour (each under
 * its own local day), and how many of each weekday [from, to] holds up to `today`.
 */
export function arrivalsOf(q: { from: string; to: string }, today: string, days: Iterable<[string, Rows]>): Arrivals {
  const cells = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  const counts = Array<number>(7).fill(0);
  for (let day = q.from; day <= q.to && day <= today; day = nextDay(day)) counts[weekdayOf(day)]!++;
  for (const [day, rows] of days) {
    for (const [hour, f] of rows) cells[weekdayOf(day)]![hour as number]! += issuedOf(f);
  }
  return { from: q.from, to: q.to, cells, days: counts };
}

export async function arrivals(conn: Connection, hallId: number, q: { from: string; to: string }, now: number): Promise<Arrivals> {
  const ctx = reportContext(conn, hallId);
  return arrivalsOf(q, businessDay(now, ctx.timeZone), await figuresByDay(conn, ctx, 'hour', q.from, q.to, now));
}
