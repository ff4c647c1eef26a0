import { and, eq, inArray } from 'drizzle-orm';
import { inTransaction, type Connection } from '../../db/connection.js';
import { counters, ticketEvents, tickets } from '../../db/schema.js';
import { nextPriorityStreak, selectNext } from '../engine/routing.js';
import { applyAction, type TicketAction } from '../engine/tickets.js';
import type { Ticket } from '../engine/types.js';
import { setCounterState } from './counters.js';
import type { Actor, Effect, Outcome } from './effects.js';
import { HallError } from './errors.js';
import { rollOver } from './rollover.js';
import {
  counterServiceIds,
  forgetVisits,
  getCounter,
  getHall,
  getService,
  getTicket,
  routingRules,
  toEngineTicket,
  waitingTickets,
  type TicketRow,
} from './state.js';

const EVENT_TYPE = {
  call: 'call',
  recall: 'recall',
  start: 'start',
  complete: 'complete',
  no_show: 'no_show',
  transfer: 'transfer',
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
  const updated = conn.db
    .update(tickets)
    .set({
      status: next.status,
      serviceId: next.serviceId,
      calledAt: next.calledAt,
      counterId: next.counterId,
      targetCounterId: next.targetCounterId,
      recalls: next.recalls,
      startedAt: action.type === 'start' ? now : next.status === 'waiting' ? null : row.startedAt,
      endedAt: ended ? now : null,
    })
    .where(and(eq(tickets.id, row.id), eq(tickets.status, row.status)))
    .returning()
    .get();
  if (!updated) throw new HallError('conflict', `ticket ${row.id} changed meanwhile; try again`);
  if (next.status === 'done') forgetVisits(conn, next.serviceId);
  const event = conn.db
    .insert(ticketEvents)
    .values({
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
      details,
    })
    .returning({ id: ticketEvents.id })
    .get();
  return { ticket: updated, eventId: event.id };
}

export interface CallResult {
  ticket: TicketRow | null;
  reason?: { ar: string; en: string };
}

/** The clerk's Call next: the engine picks, the counter is opened for the caller if need be. */
export function callNext(conn: Connection, now: number, hallId: number, counterId: number, actor: Actor): Outcome<CallResult> {
  return inTransaction(conn, () => {
    const hall = getHall(conn, hallId);
    const counter = getCounter(conn, hallId, counterId);
    const effects: Effect[] = rollOver(conn, hall, now, actor);
    const current = conn.db
      .select({ number: tickets.number, status: tickets.status })
      .from(tickets)
      .where(and(eq(tickets.counterId, counter.id), inArray(tickets.status, ['called', 'serving'])))
      .get();
    if (current) {
      throw new HallError(
        'invalid_transition',
        `counter ${counter.number} still has ticket ${current.number} ${current.status}: complete it, mark it no-show or transfer it first`,
      );
    }
    if (counter.state !== 'open' || (actor.userId && counter.userId !== actor.userId)) {
      effects.push(...setCounterState(conn, counter, 'open', now, actor));
    }
    const serviceIds = counterServiceIds(conn, [counter.id]).get(counter.id)!;
    const selection = selectNext(
      { id: counter.id, serviceIds, priorityStreak: counter.priorityStreak },
      waitingTickets(conn, hallId),
      now,
      routingRules(conn, hall),
    );
    if (!selection) return { value: { ticket: null }, effects };
    const row = getTicket(conn, hallId, selection.ticket.id);
    const { ticket, eventId } = commitAction(conn, row, { type: 'call', counterId: counter.id }, now, actor, {
      reason: selection.reason,
      policy: hall.settings.routingPolicy,
    });
    conn.db
      .update(counters)
      .set({ priorityStreak: nextPriorityStreak(counter.priorityStreak, selection.ticket) })
      .where(eq(counters.id, counter.id))
      .run();
    effects.push(
      { kind: 'ticket', ticketId: ticket.id },
      { kind: 'call', eventId },
      { kind: 'waiting' },
    );
    return { value: { ticket, reason: selection.reason }, effects };
  });
}

export type TransferTarget = { serviceId: number } | { counterId: number };

export type SimpleAction = 'recall' | 'start' | 'complete' | 'no_show' | 'cancel';

/** Recall, start, complete, no-show or cancel a ticket by id. */
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
    const { ticket, eventId } = commitAction(conn, row, { type }, now, actor, details);
    const effects: Effect[] = [{ kind: 'ticket', ticketId: ticket.id }];
    if (type === 'recall') effects.push({ kind: 'call', eventId });
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
      const service = getService(conn, hallId, target.serviceId);
      if (!service.active) throw new HallError('invalid_request', `serviceId ${service.id} is not active`);
      action = { type: 'transfer', serviceId: service.id, counterId: null };
    }
    const { ticket } = commitAction(conn, row, action, now, actor, {
      fromServiceId: row.serviceId,
      fromCounterId: row.counterId,
      ...target,
      ...(note ? { note } : {}),
    });
    return { value: ticket, effects: [{ kind: 'ticket', ticketId: ticket.id }, { kind: 'waiting' }] };
  });
}
