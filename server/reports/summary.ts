import type { Connection } from '../../db/connection.js';
import type { Grouping, ReportRow, Summary } from '../protocol/reports.js';
import type { Key } from './day.js';
import { figuresByDay, reportContext } from './days.js';
import { emptyFigures, mergeFigures, percentileS, type Figures } from './figures.js';
import { byRowOrder, rowNamer, TOTAL, type RowName } from './labels.js';

// GET /api/reports/summary: the days' figures added up per row, then turned into the figures a
// manager reads: averages and maxima rounded to the second, the 90th percentile by nearest rank.

const seconds = (ms: number) => Math.round(ms / 1000);
const average = (sumMs: number, n: number) => (n ? seconds(sumMs / n) : null);

export function reportRow(name: RowName, f: Figures, presence: boolean): ReportRow {
  const openS = seconds(f.openMs);
  const busyS = seconds(f.busyMs);
  return {
    key: name.key,
    id: name.id,
    label: name.label,
    issued: f.issued,
    served: f.served,
    noShow: f.noShow,
    cancelled: f.cancelled,
    called: f.waits,
    avgWaitS: average(f.waitSumMs, f.waits),
    p90WaitS: percentileS(f.waitHist, f.waits, 90),
    maxWaitS: f.waits ? seconds(f.waitMaxMs) : null,
    avgServiceS: average(f.serviceSumMs, f.services),
    maxServiceS: f.services ? seconds(f.serviceMaxMs) : null,
    withinTarget: f.withinTarget,
    withinTargetPct: f.waits ? Math.round((f.withinTarget * 1000) / f.waits) / 10 : null,
    avgRating: f.ratings ? Math.round((f.ratingSum * 100) / f.ratings) / 100 : null,
    ratings: f.ratings,
    transferWaits: { count: f.transfers, avgWaitS: average(f.transferSumMs, f.transfers) },
    openS: presence ? openS : null,
    busyS: presence ? busyS : null,
    idleS: presence ? Math.max(0, openS - busyS) : null,
  };
}

/** Row key → figures over the range: stored groupings add up across days; by day, each day is one row. */
async function figuresByRow(conn: Connection, ctx: ReturnType<typeof reportContext>, groupBy: Grouping, from: string, to: string, now: number) {
  const byDay = await figuresByDay(conn, ctx, groupBy === 'day' ? 'hour' : groupBy, from, to, now);
  const rows = new Map<Key | string, Figures>();
  for (const [day, dayRows] of byDay) {
    for (const [key, f] of dayRows) {
      const rowKey = groupBy === 'day' ? day : key;
      let row = rows.get(rowKey);
      if (!row) rows.set(rowKey, (row = emptyFigures()));
      mergeFigures(row, f);
    }
  }
  return rows;
}

export async function summary(
  conn: Connection,
  hallId: number,
  q: { from: string; to: string; groupBy: Grouping },
  now: number,
): Promise<Summary> {
  const ctx = reportContext(conn, hallId);
  const rows = await figuresByRow(conn, ctx, q.groupBy, q.from, q.to, now);
  const presence = q.groupBy === 'counter' || q.groupBy === 'clerk';
  const name = rowNamer(conn, ctx.hall, q.groupBy);
  const named = [...rows].map(([key, f]) => ({ name: name(key), f }));
  named.sort((a, b) => byRowOrder(a.name, b.name));
  const total = named.reduce((sum, r) => mergeFigures(sum, r.f), emptyFigures());
  const totalName: RowName = { key: null, id: null, label: TOTAL, order: null };
  return {
    from: q.from,
    to: q.to,
    groupBy: q.groupBy,
    timeZone: ctx.timeZone,
    rows: named.map((r) => reportRow(r.name, r.f, presence)),
    total: reportRow(totalName, total, presence),
  };
}
