import { zoneOffsetMinutes } from '../engine/clock.js';

// Local days and hours in the hall's zone. SQLite has no zone database, so a day's bounds and the
// offsets the zone observes over it are worked out here through Intl (clock.ts): `at + offset`
// is then local wall-clock time written as if it were UTC, right across daylight-saving switches.

/** The instant local midnight begins `day` (`YYYY-MM-DD`) in the zone. */
export function startOfLocalDay(day: string, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number);
  const wall = Date.UTC(y!, m! - 1, d!);
  // Twice: the offset at a first guess, then at the instant it gives (right across a DST switch).
  let at = wall - zoneOffsetMinutes(wall, timeZone) * 60_000;
  at = wall - zoneOffsetMinutes(at, timeZone) * 60_000;
  return at;
}

/** `YYYY-MM-DD` of the day after. */
export function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + 1)).toISOString().slice(0, 10);
}

export interface OffsetSpan {
  /** The span begins at this instant (ms) … */
  from: number;
  /** … and the zone is this many ms ahead of UTC until the next span begins. */
  offsetMs: number;
}

const offsetMs = (at: number, timeZone: string) => zoneOffsetMinutes(at, timeZone) * 60_000;

/**
 * The zone's offsets over [from, to): sampled every 6 hours and each change narrowed down to the
 * second (zones change at most a few times a year, never twice in six hours).
 */
export function offsetSpans(from: number, to: number, timeZone: string): OffsetSpan[] {
  const spans: OffsetSpan[] = [{ from, offsetMs: offsetMs(from, timeZone) }];
  const STEP = 6 * 3_600_000;
  for (let a = from; a < to; a += STEP) {
    const b = Math.min(a + STEP, to);
    const before = spans[spans.length - 1]!.offsetMs;
    const after = offsetMs(b, timeZone);
    if (after === before) continue;
    let lo = a;
    let hi = b; // offset(lo) = before, offset(hi) = after
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (offsetMs(mid, timeZone) === before) lo = mid;
      else hi = mid;
    }
    spans.push({ from: hi, offsetMs: after });
  }
  return spans;
}
