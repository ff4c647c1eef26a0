import { and, desc, eq } from 'drizzle-orm';
import { inTransaction, type Connection } from '../../db/connection.js';
import { counters, idempotencyKeys, ticketEvents } from '../../db/schema.js';
import { isEligible, nextPriorityStreak, nextSinceAppointment } from '../engine/order.js';
import { selectNext } from '../engine/routing.js';
import { businessDay } from '../engine/clock.js';
import { applyAction, mayReturnNoShow, noShowNeedsConfirmation, recallAction, type TicketAction } from '../engine/tickets.js';
import { hasRole } from '../auth/principal.js';
import { HALL_SETTING_DEFAULTS } from '../protocol/admin.js';
import type { Ticket } from '../engine/types.js';
import { releaseIfMovedOn, setCounterState, ticketInHand } from './counters.js';
import type { Actor, Effect, Outcome } from './effects.js';
import { forgetEtaRecord } from './eta-record.js';
import { HallError } from './errors.js';
import { statements } from './prepared.js';
import { rollOver } from './rollover.js';
import {
  counterServiceIds,
  forecastInput,
  forgetVisits,
  getCounter,
  getHall,
  getActiveService,
  getTicket,
  toEngineTicket,
  type CounterRow,
  type HallRow,
  type TicketRow,
} from './state.js';

const EVENT_TYPE = {
  call: 'call',
  recall: 'recall',
  start: 'start',
  complete: 'complete',
  no_show: 'no_show',
  transfer: 'transfer',
  requeue: 'requeue',
  move: 'move',
  cancel: 'cancel',
} as const;

/**
 * Applies one engine action to a stored ticket: the row is updated only if it is still in the
 * status the engine saw (`WHERE id = ? AND status = ?`), and the event is appended.
 */
function commitAction(
  conn: Connection,
  row: TicketRow,
  action: TicketAction,
  now: number,
  actor: Actor,
  details: Record<string, unknown> | null = null,
): { ticket: TicketRow; eventId: number } {
  const result = applyAction(toEngineTicket(row), action, now);
  if (!result.ok) throw new HallError('invalid_transition', `ticket ${row.id}: ${result.message}`);
  const next: Ticket = result.value;
  const ended = next.status === 'done' || next.status === 'no_show' || next.status === 'cancelled';
  const write = statements(conn).action;
  const updated = write.update.get({
    id: row.id,
    fromStatus: row.status,
    status: next.status,
    serviceId: next.serviceId,
    calledAt: next.calledAt,
    counterId: next.counterId,
    targetCounterId: next.targetCounterId,
    recalls: next.recalls,
    startedAt: action.type === 'start' ? now : next.status === 'waiting' ? null : row.startedAt,
    endedAt: ended ? now : null,
  });
  if (!updated) throw new HallError('conflict', `ticket ${row.id} changed meanwhile; try again`);
  if (next.status === 'done') forgetVisits(conn, next.serviceId);
  if (next.calledAt !== row.calledAt) forgetEtaRecord(conn, row.hallId);
  const event = write.event.get({
    hallId: row.hallId,
    ticketId: row.id,
    type: EVENT_TYPE[action.type],
    fromStatus: row.status,
    toStatus: next.status,
    at: now,
    serviceId: next.serviceId,
    counterId: next.counterId ?? row.counterId,
    userId: actor.userId ?? null,
    deviceId: actor.deviceId ?? null,
    detailsJson: details == null ? null : JSON.stringify(details),
  })!;
  return { ticket: updated, eventId: event.id };
}

export interface CallResult {
  ticket: TicketRow | null;
  reason?: { ar: string; en: string };
}

/** How long a replayed Call next (same Idempotency-Key, user and counter) answers the first call's ticket. */
export const NEXT_REPLAY_MS = 5 * 60_000;

const SPECIFIC_REASON = { ar: 'نداء مباشر من قائمة الانتظار', en: 'called from the waiting list', fr: 'appelé depuis la file d’attente' };

/**
 * Before a call: the hall rolled over, the counter free of tickets, and opened for the caller if
 * it is not open for them already.
 */
function readyToCall(conn: Connection, hall: HallRow, counter: CounterRow, now: number, actor: Actor): Effect[] {
  const effects: Effect[] = rollOver(conn, hall, now, actor);
  const current = ticketInHand(conn, counter.id);
  if (current) {
    throw new HallError(
      'invalid_transition',
      `counter ${counter.number} still has ticket ${current.number} ${current.status}: complete it, mark it no-show or transfer it first`,
    );
  }
  if (counter.state !== 'open' || (actor.userId && counter.userId !== actor.userId)) {
    effects.push(...setCounterState(conn, counter, 'open', now, actor));
  }
  return effects;
}

function commitCall(
  conn: Connection,
  hall: HallRow,
  counter: CounterRow,
  row: TicketRow,
  now: number,
  actor: Actor,
  details: Record<string, unknown>,
): { ticket: TicketRow; effects: Effect[] } {
  const { ticket, eventId } = commitAction(conn, row, { type: 'call', counterId: counter.id }, now, actor, {
    ...details,
    policy: hall.settings.routingPolicy,
  });
  conn.db
    .update(counters)
    .set({ priorityStreak: nextPriorityStreak(counter.priorityStreak, row), sinceAppointment: nextSinceAppointment(counter.sinceAppointment ?? undefined, row) })
    .where(eq(counters.id, counter.id))
    .run();
  return { ticket, effects: [{ kind: 'ticket', ticketId: ticket.id }, { kind: 'call', eventId }, { kind: 'waiting' }] };
}

/** The ticket a Call next with this key called within NEXT_REPLAY_MS, and why; a stale key is dropped. */
function replayedCall(conn: Connection, hallId: number, scope: string, key: string, now: number): CallResult | null {
  const seen = conn.db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)))
    .get();
  if (!seen) return null;
  if (seen.createdAt < now - NEXT_REPLAY_MS) {
    conn.db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key))).run();
    return null;
  }
  const call = conn.db
    .select({ details: ticketEvents.details })
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, seen.ticketId), eq(ticketEvents.type, 'call')))
    .orderBy(desc(ticketEvents.id))
    .get();
  const reason = call?.details?.reason as CallResult['reason'];
  return { ticket: getTicket(conn, hallId, seen.ticketId), reason };
}

/**
 * The clerk's Call next: the engine picks, the counter is opened for the caller if need be. With
 * an `idempotencyKey`, a retry of a call whose answer was lost answers the same ticket.
 */
export function callNext(
  conn: Connection,
  now: number,
  hallId: number,
  counterId: number,
  actor: Actor,
  idempotencyKey?: string,
): Outcome<CallResult> {
  // A key is the clerk's for one counter: the same key at another counter is another call.
  const scope = `user:${actor.userId ?? 0}:counter:${counterId}:next`;
  return inTransaction(conn, () => {
    if (idempotencyKey) {
      const replay = replayedCall(conn, hallId, scope, idempotencyKey, now);
      if (replay) return { value: replay, effects: [] };
    }
    const hall = getHall(conn, hallId);
    const counter = getCounter(conn, hallId, counterId);
    const effects = readyToCall(conn, hall, counter, now, actor);
    const serviceIds = counterServiceIds(conn, [counter.id]).get(counter.id)!;
    // The hall as the wait forecast sees it: the default policy looks ahead with it.
    const hallNow = forecastInput(conn, hall, now);
    const selection = selectNext(
      { id: counter.id, serviceIds, priorityStreak: counter.priorityStreak, sinceAppointment: counter.sinceAppointment ?? undefined },
      hallNow.waiting,
      now,
      hallNow.rules,
      { counters: hallNow.counters, durations: hallNow.durations },
      hall.settings.digits,
      hall.timeZone,
    );
    if (!selection) return { value: { ticket: null }, effects };
    const row = getTicket(conn, hallId, selection.ticket.id);
    const called = commitCall(conn, hall, counter, row, now, actor, { reason: selection.reason });
    if (idempotencyKey) {
      conn.db.insert(idempotencyKeys).values({ hallId, scope, key: idempotencyKey, ticketId: row.id, createdAt: now }).run();
    }
    return { value: { ticket: called.ticket, reason: selection.reason }, effects: [...effects, ...called.effects] };
  });
}

/** A clerk calls a chosen waiting ticket: only where the hall allows it, and only one the counter may serve. */
export function callSpecific(
  conn: Connection,
  now: number,
  hallId: number,
  counterId: number,
  ticketId: number,
  actor: Actor,
): Outcome<CallResult> {
  return inTransaction(conn, () => {
    const hall = getHall(conn, hallId);
    if (!hall.settings.allowCallSpecific) {
      throw new HallError('forbidden', 'this hall does not allow calling a chosen ticket: use Call next (an admin may allow it)');
    }
    const counter = getCounter(conn, hallId, counterId);
    const row = getTicket(conn, hallId, ticketId);
    if (row.status !== 'waiting') throw new HallError('invalid_transition', `ticket ${row.number} is ${row.status}, not waiting`);
    const serviceIds = counterServiceIds(conn, [counter.id]).get(counter.id)!;
    if (!isEligible({ id: counter.id, serviceIds, priorityStreak: counter.priorityStreak }, row)) {
      throw new HallError('conflict', `counter ${counter.number} does not serve ticket ${row.number}`);
    }
    const effects = readyToCall(conn, hall, counter, now, actor);
    const called = commitCall(conn, hall, counter, row, now, actor, { reason: SPECIFIC_REASON, specific: true });
    return { value: { ticket: called.ticket, reason: SPECIFIC_REASON }, effects: [...effects, ...called.effects] };
  });
}

export type TransferTarget = { serviceId: number } | { counterId: number };

export type SimpleAction = 'recall' | 'start' | 'complete' | 'no_show' | 'requeue' | 'cancel';

/**
 * A clerk's No-show soon after the call (within the hall's `noShowMinSeconds`) of a ticket never
 * recalled is refused unless the clerk confirmed it: the citizen may be on the way.
 */
function checkNoShow(hall: HallRow, row: TicketRow, now: number, confirmed: boolean): void {
  const minSeconds = hall.settings.noShowMinSeconds ?? HALL_SETTING_DEFAULTS.noShowMinSeconds;
  if (row.status !== 'called' || confirmed || !noShowNeedsConfirmation(row, now, minSeconds)) return;
  const seconds = Math.floor((now - row.calledAt!) / 1000);
  throw new HallError(
    'confirmation_required',
    `ticket ${row.number} was called ${seconds} s ago and never recalled: send {"confirmed": true} to mark it no-show before ${minSeconds} s`,
  );
}

/** A no-show goes back to the line only by the clerk who marked it (for a while) or a supervisor (that day). */
function checkReturn(conn: Connection, hall: HallRow, row: TicketRow, now: number, actor: Actor): void {
  const mark = conn.db
    .select({ userId: ticketEvents.userId, at: ticketEvents.at })
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, row.id), eq(ticketEvents.type, 'no_show')))
    .orderBy(desc(ticketEvents.id))
    .get()!;
  const verdict = mayReturnNoShow(
    { ...mark, day: businessDay(mark.at, hall.timeZone) },
    {
      userId: actor.userId ?? null,
      supervisor: actor.role !== undefined && hasRole(actor.role, 'supervisor'),
      today: businessDay(now, hall.timeZone),
    },
    now,
  );
  if (!verdict.ok) throw new HallError(verdict.code as 'forbidden' | 'too_late', `ticket ${row.number}: ${verdict.message}`);
}

/**
 * Recall, start, complete, no-show, return to the queue or cancel a ticket by id. A recall past
 * the hall's `autoNoShowAfterRecalls` marks the ticket no-show instead. `details.confirmed`: the
 * clerk confirmed a no-show (see checkNoShow).
 */
export function actOnTicket(
  conn: Connection,
  now: number,
  hallId: number,
  ticketId: number,
  type: SimpleAction,
  actor: Actor,
  details: Record<string, unknown> | null = null,
): Outcome<TicketRow> {
  return inTransaction(conn, () => {
    const row = getTicket(conn, hallId, ticketId);
    const hall = getHall(conn, hallId);
    let action: TicketAction = { type };
    if (type === 'no_show') checkNoShow(hall, row, now, details?.confirmed === true);
    if (type === 'requeue' && row.status === 'no_show') checkReturn(conn, hall, row, now, actor);
    if (type === 'recall' && row.status === 'called') {
      action = recallAction(row, hall.settings.autoNoShowAfterRecalls);
      if (action.type === 'no_show') details = { ...details, autoNoShow: true, recalls: row.recalls };
    }
    const { ticket, eventId } = commitAction(conn, row, action, now, actor, details);
    const effects: Effect[] = [{ kind: 'ticket', ticketId: ticket.id }];
    if (row.counterId !== null && ticket.status !== 'called' && ticket.status !== 'serving') {
      effects.push(...releaseIfMovedOn(conn, hallId, row.counterId, now, actor));
    }
    if (action.type === 'recall') effects.push({ kind: 'call', eventId });
    if (type === 'cancel' || row.status !== ticket.status) effects.push({ kind: 'waiting' });
    return { value: ticket, effects };
  });
}

/** Sends a called or served ticket back to waiting, for another service or one counter. */
export function transferTicket(
  conn: Connection,
  now: number,
  hallId: number,
  ticketId: number,
  target: TransferTarget,
  actor: Actor,
  note: string | null = null,
): Outcome<TicketRow> {
  return inTransaction(conn, () => {
    const row = getTicket(conn, hallId, ticketId);
    let action: TicketAction;
    if ('counterId' in target) {
      const counter = getCounter(conn, hallId, target.counterId);
      if (!counter.active) throw new HallError('invalid_request', `counterId ${counter.id} is deactivated`);
      action = { type: 'transfer', serviceId: row.serviceId, counterId: counter.id };
    } else {
      const service = getActiveService(conn, hallId, target.serviceId);
      action = { type: 'transfer', serviceId: service.id, counterId: null };
    }
    const { ticket } = commitAction(conn, row, action, now, actor, {
      fromServiceId: row.serviceId,
      fromCounterId: row.counterId,
      ...target,
      ...(note ? { note } : {}),
    });
    const released = row.counterId === null ? [] : releaseIfMovedOn(conn, hallId, row.counterId, now, actor);
    return { value: ticket, effects: [{ kind: 'ticket', ticketId: ticket.id }, ...released, { kind: 'waiting' }] };
  });
}

/** A supervisor moves a waiting ticket to another service; it keeps its place by issue time. */
export function moveTicket(
  conn: Connection,
  now: number,
  hallId: number,
  ticketId: number,
  serviceId: number,
  actor: Actor,
  note: string | null = null,
): Outcome<TicketRow> {
  return inTransaction(conn, () => {
    const row = getTicket(conn, hallId, ticketId);
    const service = getActiveService(conn, hallId, serviceId);
    const { ticket } = commitAction(conn, row, { type: 'move', serviceId: service.id }, now, actor, {
      fromServiceId: row.serviceId,
      serviceId: service.id,
      ...(note ? { note } : {}),
    });
    return { value: ticket, effects: [{ kind: 'ticket', ticketId: ticket.id }, { kind: 'waiting' }] };
  });
}
