import type { Connection } from '../../db/connection.js';
import { businessDay } from '../engine/clock.js';
import { observe, startTracker, type EtaTracker, type Spread } from '../engine/eta-range.js';
import { statements } from './prepared.js';
import type { HallRow } from './state.js';

// The spread of the ranges shown with estimates (engine/eta-range.ts), from the day's tickets
// already called, in call order: the estimate each was given at issue against the wait it had.
// Kept in memory per connection and hall; after a call (`forgetEtaRecord`) only the calls since
// the last one read are added, and after a restart the day is read again from its first call,
// so the server and bench:sim run the same fold over the same calls.

interface Known {
  day: string;
  tracker: EtaTracker;
  /** The last call read, in call order. */
  last: { calledAt: number; id: number };
  stale: boolean;
}

const known = new WeakMap<Connection, Map<number, Known>>();

export function etaSpread(conn: Connection, hall: HallRow, now: number): Spread {
  let byHall = known.get(conn);
  if (!byHall) known.set(conn, (byHall = new Map()));
  const day = businessDay(now, hall.timeZone);
  let k = byHall.get(hall.id);
  if (k?.day !== day) byHall.set(hall.id, (k = { day, tracker: startTracker(), last: { calledAt: 0, id: 0 }, stale: true }));
  if (k.stale) {
    for (const t of statements(conn).estimatesCalled.all({ hallId: hall.id, day, ...k.last })) {
      observe(k.tracker, { estimateMs: t.estimatedWaitS! * 1000, waitMs: t.calledAt! - t.issuedAt, calledAt: t.calledAt! });
      k.last = { calledAt: t.calledAt!, id: t.id };
    }
    k.stale = false;
  }
  return k.tracker.spread;
}

/** A ticket of this hall was called: the calls since the last read are added next time. */
export function forgetEtaRecord(conn: Connection, hallId: number): void {
  const k = known.get(conn)?.get(hallId);
  if (k) k.stale = true;
}
