import type { Connection } from '../../db/connection.js';
import { businessDay } from '../engine/clock.js';
import { calibrate, RANGE_RULE, type Spread } from '../engine/eta-range.js';
import { statements } from './prepared.js';
import type { HallRow } from './state.js';

// The spread of the ranges shown with estimates (engine/eta-range.ts), from the day's tickets
// already called: the estimate each was given at issue against the wait it had. Kept in memory
// per connection and hall: it changes only when a ticket is called (`forgetEtaRecord`).

const spreads = new WeakMap<Connection, Map<number, { day: string; spread: Spread }>>();

export function etaSpread(conn: Connection, hall: HallRow, now: number): Spread {
  let byHall = spreads.get(conn);
  if (!byHall) spreads.set(conn, (byHall = new Map()));
  const day = businessDay(now, hall.timeZone);
  const known = byHall.get(hall.id);
  if (known?.day === day) return known.spread;
  const record = statements(conn)
    .estimatesCalled.all({ hallId: hall.id, day, limit: RANGE_RULE.window })
    .reverse()
    .map((t) => ({ estimateMs: t.estimatedWaitS! * 1000, waitMs: t.calledAt! - t.issuedAt }));
  const spread = calibrate(record);
  byHall.set(hall.id, { day, spread });
  return spread;
}

/** A ticket of this hall was called: the spread is read again next time. */
export function forgetEtaRecord(conn: Connection, hallId: number): void {
  spreads.get(conn)?.delete(hallId);
}
