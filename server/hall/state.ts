import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Connection } from '../../db/connection.js';
import { counterServices, counters, halls, services, tickets } from '../../db/schema.js';
import { learnDurationMs, remainingMs, type EstimateCounter, type HallForecastInput } from '../engine/estimate.js';
import type { RoutingRules, ServiceRule, Ticket, WaitingTicket } from '../engine/types.js';
import { notFound } from './errors.js';

// Loads what the engine needs from the database. Read-only; callers run it inside their
// transaction when they are about to write.

export type HallRow = typeof halls.$inferSelect;
export type ServiceRow = typeof services.$inferSelect;
export type CounterRow = typeof counters.$inferSelect;
export type TicketRow = typeof tickets.$inferSelect;

export function getHall({ db }: Connection, hallId: number): HallRow {
  const hall = db.select().from(halls).where(eq(halls.id, hallId)).get();
  if (!hall) throw notFound('hall', hallId);
  return hall;
}

export function getService({ db }: Connection, hallId: number, serviceId: number): ServiceRow {
  const service = db
    .select()
    .from(services)
    .where(and(eq(services.id, serviceId), eq(services.hallId, hallId)))
    .get();
  if (!service) throw notFound('service', serviceId);
  return service;
}

export function getCounter({ db }: Connection, hallId: number, counterId: number): CounterRow {
  const counter = db
    .select()
    .from(counters)
    .where(and(eq(counters.id, counterId), eq(counters.hallId, hallId)))
    .get();
  if (!counter) throw notFound('counter', counterId);
  return counter;
}

export function getTicket({ db }: Connection, hallId: number, ticketId: number): TicketRow {
  const ticket = db
    .select()
    .from(tickets)
    .where(and(eq(tickets.id, ticketId), eq(tickets.hallId, hallId)))
    .get();
  if (!ticket) throw notFound('ticket', ticketId);
  return ticket;
}

/** counterId → its service ids in its order of preference. */
export function counterServiceIds({ db }: Connection, counterIds: number[]): Map<number, number[]> {
  const out = new Map<number, number[]>(counterIds.map((id) => [id, []]));
  if (counterIds.length === 0) return out;
  const rows = db
    .select()
    .from(counterServices)
    .where(inArray(counterServices.counterId, counterIds))
    .orderBy(asc(counterServices.counterId), asc(counterServices.rank))
    .all();
  for (const row of rows) out.get(row.counterId)!.push(row.serviceId);
  return out;
}

export function routingRules(conn: Connection, hall: HallRow): RoutingRules {
  const rows = conn.db.select().from(services).where(eq(services.hallId, hall.id)).all();
  return {
    policy: hall.settings.routingPolicy,
    maxPriorityInRow: hall.settings.maxPriorityInRow,
    services: new Map<number, ServiceRule>(rows.map((s) => [s.id, { id: s.id, targetWaitS: s.targetWaitS }])),
  };
}

export function waitingTickets({ db }: Connection, hallId: number): WaitingTicket[] {
  return db
    .select({
      id: tickets.id,
      serviceId: tickets.serviceId,
      priority: tickets.priority,
      issuedAt: tickets.issuedAt,
      targetCounterId: tickets.targetCounterId,
    })
    .from(tickets)
    .where(and(eq(tickets.hallId, hallId), eq(tickets.status, 'waiting')))
    .orderBy(asc(tickets.issuedAt), asc(tickets.id))
    .all();
}

export function toEngineTicket(row: TicketRow): Ticket {
  return {
    id: row.id,
    serviceId: row.serviceId,
    status: row.status,
    priority: row.priority,
    issuedAt: row.issuedAt,
    calledAt: row.calledAt,
    counterId: row.counterId,
    targetCounterId: row.targetCounterId,
    recalls: row.recalls,
  };
}

const LEARNING_WINDOW = 50;

/** serviceId → expected visit length in ms, learnt from the service's latest completed visits. */
export function learnedDurations({ db }: Connection, hallId: number): Map<number, number> {
  const out = new Map<number, number>();
  const rows = db.select().from(services).where(eq(services.hallId, hallId)).all();
  for (const service of rows) {
    const recent = db
      .select({ calledAt: tickets.calledAt, startedAt: tickets.startedAt, endedAt: tickets.endedAt })
      .from(tickets)
      .where(and(eq(tickets.serviceId, service.id), eq(tickets.status, 'done'), isNotNull(tickets.endedAt)))
      .orderBy(desc(tickets.endedAt))
      .limit(LEARNING_WINDOW)
      .all();
    const samples = recent
      .map((t) => t.endedAt! - (t.startedAt ?? t.calledAt ?? t.endedAt!))
      .filter((ms) => ms > 0);
    out.set(service.id, learnDurationMs(service.avgServiceS * 1000, samples));
  }
  return out;
}

/**
 * The forecast's starting point: the hall's counters with the time until each is free, the
 * waiting tickets, learnt durations and the hall's rules. `openOnly` false also counts the
 * counters that are closed now as opening at once: the estimate before the hall opens.
 */
export function forecastInput(conn: Connection, hall: HallRow, now: number, openOnly = true): HallForecastInput {
  const durations = learnedDurations(conn, hall.id);
  const rows = conn.db
    .select()
    .from(counters)
    .where(and(eq(counters.hallId, hall.id), eq(counters.active, true)))
    .all()
    .filter((c) => !openOnly || c.state === 'open');
  const servicesOf = counterServiceIds(conn, rows.map((c) => c.id));
  const busy = conn.db
    .select()
    .from(tickets)
    .where(and(eq(tickets.hallId, hall.id), inArray(tickets.status, ['called', 'serving'])))
    .all();
  const estimateCounters: EstimateCounter[] = rows.map((c) => {
    const current = busy.find((t) => t.counterId === c.id);
    const expected = current ? (durations.get(current.serviceId) ?? 0) : 0;
    const since = current ? (current.startedAt ?? current.calledAt ?? now) : now;
    return {
      id: c.id,
      serviceIds: servicesOf.get(c.id) ?? [],
      priorityStreak: c.priorityStreak,
      freeInMs: current ? remainingMs(expected, now - since) : 0,
    };
  });
  return {
    now,
    counters: estimateCounters,
    waiting: waitingTickets(conn, hall.id),
    durations,
    rules: routingRules(conn, hall),
  };
}
