import { and, eq, inArray, ne } from 'drizzle-orm';
import { inTransaction, type Connection } from '../../db/connection.js';
import { counterEvents, counterServices, counters, services, tickets } from '../../db/schema.js';
import type { Actor, Effect, Outcome } from './effects.js';
import { HallError } from './errors.js';
import { counterServiceIds, getCounter, type CounterRow } from './state.js';
import { qualifiedOf } from './views.js';

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
  const released = state !== 'closed' && actor.userId ? releaseOtherCounters(conn, counter, actor.userId, now, actor) : [];
  conn.db
    .update(counters)
    .set({ state, pauseReason: state === 'paused' ? reason : null, userId })
    .where(eq(counters.id, counter.id))
    .run();
  conn.db
    .insert(counterEvents)
    .values({ hallId: counter.hallId, counterId: counter.id, state, reason, userId: actor.userId ?? null, at: now })
    .run();
  return [...released, { kind: 'counter', counterId: counter.id }, { kind: 'waiting' }];
}

/**
 * One user works at one counter: taking a counter closes the others the user holds idle. One
 * with a citizen still at it stays open until that ticket is finished or transferred.
 */
function releaseOtherCounters(conn: Connection, counter: CounterRow, userId: number, now: number, actor: Actor): Effect[] {
  return otherCountersHeld(conn, counter, userId)
    .filter((other) => !hasTicketInHand(conn, other.id))
    .flatMap((other) => setCounterState(conn, other, 'closed', now, actor));
}

/**
 * After a ticket leaves a counter: if its clerk has since taken another counter, this one, kept
 * open only for that citizen, closes.
 */
export function releaseIfMovedOn(conn: Connection, hallId: number, counterId: number, now: number, actor: Actor): Effect[] {
  const counter = getCounter(conn, hallId, counterId);
  if (counter.userId === null || counter.state === 'closed' || hasTicketInHand(conn, counter.id)) return [];
  return otherCountersHeld(conn, counter, counter.userId).length > 0 ? setCounterState(conn, counter, 'closed', now, actor) : [];
}

/** The counters besides `counter` that the user holds open or paused. */
const otherCountersHeld = (conn: Connection, counter: CounterRow, userId: number) =>
  conn.db
    .select()
    .from(counters)
    .where(and(eq(counters.hallId, counter.hallId), eq(counters.userId, userId), ne(counters.id, counter.id), ne(counters.state, 'closed')))
    .all();

/** The ticket called or being served at the counter, if any. */
export const ticketInHand = (conn: Connection, counterId: number) =>
  conn.db
    .select({ number: tickets.number, status: tickets.status })
    .from(tickets)
    .where(and(eq(tickets.counterId, counterId), inArray(tickets.status, ['called', 'serving'])))
    .get();

const hasTicketInHand = (conn: Connection, counterId: number) => ticketInHand(conn, counterId) !== undefined;

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

/** The counter's services in its order of preference, as rows: the first is served first. */
export function writeCounterServices({ db }: Connection, counterId: number, serviceIds: number[]) {
  db.delete(counterServices).where(eq(counterServices.counterId, counterId)).run();
  db.insert(counterServices)
    .values(serviceIds.map((serviceId, rank) => ({ counterId, serviceId, rank })))
    .run();
}

/**
 * Gives a counter these services, in its order of preference (inside a transaction). Whoever gives a
 * counter a service vouches for its clerk: it joins the qualified ones unless they are named.
 */
export function replaceCounterServices(conn: Connection, counter: CounterRow, serviceIds: number[], now: number, qualified = qualifiedOf(counter, serviceIds)) {
  const before = counterServiceIds(conn, [counter.id]).get(counter.id)!;
  writeCounterServices(conn, counter.id, serviceIds);
  const changedAt = serviceIds.join() === before.join() ? counter.servicesChangedAt : now;
  conn.db.update(counters).set({ servicesChangedAt: changedAt, qualifiedServiceIds: qualified }).where(eq(counters.id, counter.id)).run();
}

/** A supervisor changes which services a counter calls, in its order of preference, on the fly. */
export function setCounterServices(conn: Connection, now: number, hallId: number, counterId: number, serviceIds: number[]): Outcome<CounterRow> {
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
    replaceCounterServices(conn, counter, serviceIds, now);
    // Estimates change with who serves what: the counts go out again with the counter.
    return { value: getCounter(conn, hallId, counterId), effects: [{ kind: 'counter', counterId: counter.id }, { kind: 'waiting' }] };
  });
}
