import { eq } from 'drizzle-orm';
import { inTransaction, type Connection } from '../../db/connection.js';
import { counterEvents, counters } from '../../db/schema.js';
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
