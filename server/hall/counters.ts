import { and, eq, inArray } from 'drizzle-orm';
import { inTransaction, type Connection } from '../../db/connection.js';
import { counterEvents, counterServices, counters, services } from '../../db/schema.js';
import type { Actor, Effect, Outcome } from './effects.js';
import { HallError } from './errors.js';
import { getCounter, type CounterRow } from './state.js';

export type CounterState = CounterRow['state'];

/** Records a counter's new state (open, paused with a reason, closed); call inside a transaction. */
export function setCounterState(
  conn: Connection,
  counter: CounterRow,
  state: CounterState,
  now: number,
  actor: Actor,
  reason: string | null = null,
): Effect[] {
  if (!counter.active) throw new HallError('invalid_request', `counter ${counter.id} is deactivated`);
  const userId = state === 'closed' ? null : (actor.userId ?? counter.userId);
  if (counter.state === state && counter.pauseReason === reason && counter.userId === userId) return [];
  conn.db
    .update(counters)
    .set({ state, pauseReason: state === 'paused' ? reason : null, userId })
    .where(eq(counters.id, counter.id))
    .run();
  conn.db
    .insert(counterEvents)
    .values({ hallId: counter.hallId, counterId: counter.id, state, reason, userId: actor.userId ?? null, at: now })
    .run();
  return [{ kind: 'counter', counterId: counter.id }, { kind: 'waiting' }];
}

export function changeCounterState(
  conn: Connection,
  now: number,
  hallId: number,
  counterId: number,
  state: CounterState,
  actor: Actor,
  reason: string | null = null,
): Outcome<CounterRow> {
  return inTransaction(conn, () => {
    const effects = setCounterState(conn, getCounter(conn, hallId, counterId), state, now, actor, reason);
    return { value: getCounter(conn, hallId, counterId), effects };
  });
}

/** A supervisor changes which services a counter calls, in its order of preference, on the fly. */
export function setCounterServices(conn: Connection, hallId: number, counterId: number, serviceIds: number[]): Outcome<CounterRow> {
  return inTransaction(conn, () => {
    const counter = getCounter(conn, hallId, counterId);
    const active = new Set(
      conn.db
        .select({ id: services.id })
        .from(services)
        .where(and(eq(services.hallId, hallId), eq(services.active, true), inArray(services.id, serviceIds)))
        .all()
        .map((s) => s.id),
    );
    const unknown = serviceIds.find((id) => !active.has(id));
    if (unknown !== undefined) throw new HallError('invalid_request', `serviceIds: service ${unknown} is unknown or not active`);
    conn.db.delete(counterServices).where(eq(counterServices.counterId, counter.id)).run();
    conn.db
      .insert(counterServices)
      .values(serviceIds.map((serviceId, rank) => ({ counterId: counter.id, serviceId, rank })))
      .run();
    // Estimates change with who serves what: the counts go out again with the counter.
    return { value: counter, effects: [{ kind: 'counter', counterId: counter.id }, { kind: 'waiting' }] };
  });
}
