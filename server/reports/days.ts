import type { Connection } from '../../db/connection.js';
import { businessDay } from '../engine/clock.js';
import { getHall, type HallRow } from '../hall/state.js';
import { prepared } from './sql.js';
import { storeDay, storedDays, syncCache } from './cache.js';
import { computeDay, loadRows, type DayContext, type Key, type StoredGrouping } from './day.js';
import type { Figures, StoredFigures } from './figures.js';
import { nextDay, offsetSpans, startOfLocalDay } from './zone.js';

// The figures of each local day of a range, in one grouping: stored days as they are, the others
// computed from the log (and stored once the day is over). Computing a day takes a few ms; a
// range with many days to compute yields between them, so the hall's work goes on meanwhile.

export interface HallReportContext extends DayContext {
  hall: HallRow;
  timeZone: string;
  /** What stored days depend on besides the log. */
  config: string;
}

export function reportContext(conn: Connection, hallId: number): HallReportContext {
  const hall = getHall(conn, hallId);
  const targets = prepared(conn.sqlite, 'SELECT id, target_wait_s AS targetWaitS FROM services WHERE hall_id = ? ORDER BY id').all(
    hallId,
  ) as { id: number; targetWaitS: number }[];
  return {
    hall,
    hallId,
    timeZone: hall.timeZone,
    targetsMs: new Map(targets.map((s) => [s.id, s.targetWaitS * 1000])),
    spans: [],
    config: JSON.stringify({ v: 1, zone: hall.timeZone, targets: targets.map((s) => [s.id, s.targetWaitS]) }),
  };
}

/** Day → its rows: figures as computed, or as stored (mergeFigures takes both). */
export type DayRows = Map<string, Map<Key, Figures | StoredFigures>>;

/** The local day of the hall's first ticket; null: none yet. */
function firstDay(conn: Connection, ctx: HallReportContext): string | null {
  const first = prepared(conn.sqlite, "SELECT min(at) FROM ticket_events WHERE hall_id = ? AND type = 'issue'").pluck().get(ctx.hallId) as number | null;
  return first === null ? null : businessDay(first, ctx.timeZone);
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Day → its rows in `grouping`, for every day of [from, to] up to today. */
export async function figuresByDay(
  conn: Connection,
  ctx: HallReportContext,
  grouping: StoredGrouping,
  from: string,
  to: string,
  now: number,
): Promise<DayRows> {
  const today = businessDay(now, ctx.timeZone);
  const first = firstDay(conn, ctx);
  syncCache(conn, ctx.hallId, ctx.config);
  const stored = storedDays(conn, ctx.hallId, grouping, from, to);
  const out: DayRows = new Map();
  let computed = 0;
  for (let day = from; day <= to && day <= today; day = nextDay(day)) {
    if (first === null || day < first) continue; // before the hall's first ticket: nothing to see
    const kept = stored.get(day);
    if (kept && day < today) {
      out.set(day, loadRows(kept));
      continue;
    }
    if (computed++ > 0) await nextTurn();
    out.set(day, computeAndKeep(conn, ctx, day, today, now)[grouping]);
  }
  return out;
}

/** Computes a day (in every grouping) and stores it when it is over. Synchronous: nothing is written in between. */
export function computeAndKeep(conn: Connection, ctx: HallReportContext, day: string, today: string, now: number) {
  const start = startOfLocalDay(day, ctx.timeZone);
  const end = startOfLocalDay(nextDay(day), ctx.timeZone);
  const { range, figures } = computeDay(conn, { ...ctx, spans: offsetSpans(start, end, ctx.timeZone) }, { hall: ctx.hallId, start, end, now });
  if (day < today) storeDay(conn, ctx.hallId, day, range, figures);
  return figures;
}

/**
 * Computes and stores the past days not stored yet (the last 400 at most), one day per turn of
 * the event loop, so that the first report of a long range finds them ready.
 */
export async function warmCache(conn: Connection, hallId: number, now: number, stopped: () => boolean = () => false): Promise<number> {
  const ctx = reportContext(conn, hallId);
  const first = firstDay(conn, ctx);
  if (first === null) return 0;
  const today = businessDay(now, ctx.timeZone);
  const earliest = businessDay(now - 400 * 86_400_000, ctx.timeZone);
  const from = first > earliest ? first : earliest;
  syncCache(conn, hallId, ctx.config);
  const stored = storedDays(conn, hallId, 'service', from, today);
  let computed = 0;
  for (let day = from; day < today; day = nextDay(day)) {
    if (stored.has(day)) continue;
    await nextTurn();
    if (stopped()) break;
    syncCache(conn, hallId, ctx.config);
    computeAndKeep(conn, ctx, day, today, now);
    computed++;
  }
  return computed;
}
