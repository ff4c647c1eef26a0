import { and, eq, inArray } from 'drizzle-orm';
import type { Server } from 'socket.io';
import { counters } from '../../db/schema.js';
import type { Effect } from '../hall/effects.js';
import { statements } from '../hall/prepared.js';
import { counterViews, recentCalls, waitingCounts } from '../hall/views.js';
import type { Call, Counter, Ticket, WaitingCounts } from '../protocol/schemas.js';
import { attempt, forecaster, rowsOf, ticketRows, type Ctx } from './common.js';
import { forgetSnapshotCalls, publishDisplayCalls, publishDisplayCounters, publishDisplayWaiting } from './display.js';
import { publishStaff, ticketViews } from './staff.js';
import { publishTracked } from './track.js';

// After a commit: the effects (ids only) are deduplicated, the rows read back once, and each
// namespace told what it shows. Nothing here throws into the caller.

export interface Changes {
  ticketIds: number[];
  callEventIds: number[];
  counterIds: number[];
  waiting: boolean;
  /** Estimates the use case made already (ticketId → ms, null: no counter serves it). */
  knownWaits: Map<number, number | null>;
}

export function collect(effects: Effect[]): Changes {
  const ticketIds = new Set<number>();
  const callEventIds = new Set<number>();
  const counterIds = new Set<number>();
  const knownWaits = new Map<number, number | null>();
  let waiting = false;
  for (const e of effects) {
    if (e.kind === 'ticket') {
      ticketIds.add(e.ticketId);
      if (e.waitMs !== undefined) knownWaits.set(e.ticketId, e.waitMs);
    }
    else if (e.kind === 'call') callEventIds.add(e.eventId);
    else if (e.kind === 'counter') counterIds.add(e.counterId);
    else if (e.kind === 'waiting') waiting = true;
  }
  return { ticketIds: [...ticketIds], callEventIds: [...callEventIds], counterIds: [...counterIds], waiting, knownWaits };
}

/** Reads, or logs and answers the fallback: one failed read does not silence the rest. */
function read<T>(ctx: Ctx, what: string, fallback: T, fn: () => T): T {
  let out = fallback;
  attempt(ctx, what, () => {
    out = fn();
  });
  return out;
}

function counterRows(ctx: Ctx, hallId: number, ids: number[]) {
  const { db } = ctx.conn;
  return rowsOf(
    ids,
    (id) => statements(ctx.conn).counter.get({ id, hallId }),
    () => db.select().from(counters).where(and(eq(counters.hallId, hallId), inArray(counters.id, ids))).all(),
  );
}

export function publish(ctx: Ctx, io: Server, hallId: number, effects: Effect[]): void {
  const changes = collect(effects);
  const { ticketIds, callEventIds, counterIds } = changes;
  if (!ticketIds.length && !callEventIds.length && !counterIds.length && !changes.waiting) return;
  forgetSnapshotCalls(ctx.conn);
  // One forecast of the hall for every view of this publish, made only if a waiting ticket
  // whose estimate the use case did not make already needs it.
  const forecastFor = forecaster(ctx, hallId, changes.knownWaits);

  const calls: Call[] = callEventIds.length
    ? read(ctx, 'reading calls', [], () => recentCalls(ctx.conn, hallId, callEventIds.length, callEventIds))
    : [];
  // Calls go to the hall's screens first, before anything else is read: that is what people wait for.
  const display = io.of('/display');
  attempt(ctx, 'publishing calls to displays', () => publishDisplayCalls(ctx, display, hallId, calls));

  const waiting: WaitingCounts | null = changes.waiting
    ? read(ctx, 'reading waiting counts', null, () => waitingCounts(ctx.conn, hallId))
    : null;
  const ticketList: Ticket[] = ticketIds.length
    ? read(ctx, 'reading tickets', [], () => ticketViews(ctx, ticketRows(ctx, hallId, ticketIds), forecastFor))
    : [];
  const counterList: Counter[] = counterIds.length
    ? read(ctx, 'reading counters', [], () => counterViews(ctx.conn, counterRows(ctx, hallId, counterIds)))
    : [];

  const staff = { tickets: ticketList, counters: counterList, calls, waiting };
  if (waiting) attempt(ctx, 'publishing counts to displays', () => publishDisplayWaiting(ctx, display, hallId, waiting));
  if (ticketIds.length || counterIds.length) {
    attempt(ctx, 'publishing counters to displays', () => publishDisplayCounters(ctx, display, hallId));
  }
  attempt(ctx, 'publishing to staff', () => publishStaff(ctx, io.of('/staff'), hallId, staff));
  // A call changes its ticket's status; a recall re-announces it: both reach the phone.
  const tracked = [...ticketIds, ...calls.map((c) => c.ticket.id)];
  attempt(ctx, 'publishing to trackers', () =>
    publishTracked(ctx, io.of('/track'), hallId, tracked, changes.waiting, forecastFor),
  );
}
