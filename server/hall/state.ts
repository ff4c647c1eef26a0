import { asc, inArray } from 'drizzle-orm';
import type { Connection, GroupMemo } from '../../db/connection.js';
import { counterServices, counters, halls, services, tickets } from '../../db/schema.js';
import { businessDay } from '../engine/clock.js';
import type { HallForecastInput } from '../engine/estimate.js';
import { forecastInputOf, LEARNING_WINDOW, learningSamples, learntDurations, type HallNow } from '../engine/forecast-input.js';
import type { RoutingRules, ServiceRule, Ticket, WaitingTicket } from '../engine/types.js';
import { hallAppointmentSettings } from './appointments-settings.js';
import { HallError, notFound } from './errors.js';
import { statements } from './prepared.js';

// Loads what the engine needs from the database. Read-only; callers run it inside their
// transaction when they are about to write.

export type HallRow = typeof halls.$inferSelect;
export type ServiceRow = typeof services.$inferSelect;
export type CounterRow = typeof counters.$inferSelect;
export type TicketRow = typeof tickets.$inferSelect;

export function getHall(conn: Connection, hallId: number): HallRow {
  const hall = statements(conn).hall.get({ hallId });
  if (!hall) throw notFound('hall', hallId);
  return hall;
}

export function getService(conn: Connection, hallId: number, serviceId: number): ServiceRow {
  const service = statements(conn).service.get({ id: serviceId, hallId });
  if (!service) throw notFound('service', serviceId);
  return service;
}

/** A service that may take tickets: one deactivated by the admin is a bad request. */
export function getActiveService(conn: Connection, hallId: number, serviceId: number): ServiceRow {
  const service = getService(conn, hallId, serviceId);
  if (!service.active) throw new HallError('invalid_request', `serviceId ${service.id} is not active`);
  return service;
}

export function getCounter(conn: Connection, hallId: number, counterId: number): CounterRow {
  const counter = statements(conn).counter.get({ id: counterId, hallId });
  if (!counter) throw notFound('counter', counterId);
  return counter;
}

export function getTicket(conn: Connection, hallId: number, ticketId: number): TicketRow {
  const ticket = statements(conn).ticket.get({ id: ticketId, hallId });
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

export function routingRules(conn: Connection, hall: HallRow, rows = statements(conn).hallServices.all({ hallId: hall.id })): RoutingRules {
  return {
    policy: hall.settings.routingPolicy,
    maxPriorityInRow: hall.settings.maxPriorityInRow,
    appointmentEveryK: hallAppointmentSettings(hall).appointmentEveryK,
    services: new Map<number, ServiceRule>(rows.map((s) => [s.id, { id: s.id, targetWaitS: s.targetWaitS }])),
  };
}

export function waitingTickets(conn: Connection, hallId: number): WaitingTicket[] {
  return statements(conn).waitingTickets.all({ hallId });
}

/** The forecast's id of a booking not checked in: negative, so that no ticket has it. */
export const bookingTicketId = (appointmentId: number) => -appointmentId;

/**
 * The day's bookings not checked in whose check-in is still open (until slot + checkInLateMinutes),
 * as the forecast takes them (estimate.ts): expected at their slot. Cancelled and no-show ones
 * are not among them. For the estimates only: routing calls who is in the hall.
 */
export function bookingsToCome(conn: Connection, hall: HallRow, now: number): WaitingTicket[] {
  const from = now - hallAppointmentSettings(hall).checkInLateMinutes * 60_000;
  return statements(conn)
    .bookingsToCome.all({ hallId: hall.id, day: businessDay(now, hall.timeZone), from })
    .map((b) => ({ id: bookingTicketId(b.id), serviceId: b.serviceId, priority: false, issuedAt: b.startAt, targetCounterId: null, slotAt: b.startAt }));
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
    slotAt: row.slotAt,
  };
}

/**
 * serviceId → the durations (ms) of its latest completed visits, kept in memory per connection:
 * they change only when a visit is completed (`forgetVisits`), not on every forecast.
 */
const visitsCache = new WeakMap<Connection, Map<number, number[]>>();

function recentVisitMs(conn: Connection, serviceId: number): number[] {
  let byService = visitsCache.get(conn);
  if (!byService) visitsCache.set(conn, (byService = new Map()));
  let samples = byService.get(serviceId);
  if (!samples) {
    const visits = statements(conn).recentVisits.all({ serviceId, limit: LEARNING_WINDOW });
    samples = learningSamples(visits.map((v) => ({ ...v, endedAt: v.endedAt! })));
    byService.set(serviceId, samples);
  }
  return samples;
}

/** A visit of this service was completed: its learnt duration is read again next time. */
export function forgetVisits(conn: Connection, serviceId: number): void {
  visitsCache.get(conn)?.delete(serviceId);
}

/** serviceId → expected visit length in ms, learnt from the service's latest completed visits. */
export function learnedDurations(conn: Connection, hallId: number, rows = statements(conn).hallServices.all({ hallId })): Map<number, number> {
  return learntDurations(new Map(rows.map((service) => [service.id, service.avgServiceS * 1000])), (id) => recentVisitMs(conn, id));
}

/** counterId → the counter's services, in its order of preference. */
export function servicesOfCounters(conn: Connection, hallId: number): Map<number, number[]> {
  const servicesOf = new Map<number, number[]>();
  for (const row of statements(conn).hallCounterServices.all({ hallId })) {
    const list = servicesOf.get(row.counterId);
    if (list) list.push(row.serviceId);
    else servicesOf.set(row.counterId, [row.serviceId]);
  }
  return servicesOf;
}

/** What a forecast reads of the hall, read once for both of its inputs (open counters, all counters). */
export interface HallReading {
  now: number;
  counters: CounterRow[];
  servicesOf: Map<number, number[]>;
  busy: TicketRow[];
  waiting: WaitingTicket[];
  /** The day's bookings still to come (bookingsToCome): in the estimates, never in routing. */
  bookings: WaitingTicket[];
  durations: Map<number, number>;
  rules: RoutingRules;
}

/** `bookings: false`: without the bookings still to come, for Call next. */
export function readHall(conn: Connection, hall: HallRow, now: number, { bookings = true } = {}): HallReading {
  const s = statements(conn);
  const serviceRows = s.hallServices.all({ hallId: hall.id });
  return {
    now,
    counters: s.activeCounters.all({ hallId: hall.id }),
    servicesOf: servicesOfCounters(conn, hall.id),
    busy: s.busyTickets.all({ hallId: hall.id }),
    waiting: waitingTickets(conn, hall.id),
    bookings: bookings ? bookingsToCome(conn, hall, now) : [],
    durations: learnedDurations(conn, hall.id, serviceRows),
    rules: routingRules(conn, hall, serviceRows),
  };
}

const CARRIED = Symbol('hall reading carried through a group commit');

interface Carried {
  hallId: number;
  reading: HallReading;
  /** The connection's total changes when it was left: any other write since makes it stale. */
  changes: number;
}

export const totalChanges = (conn: Connection): number => statements(conn).totalChanges.get() as number;

/**
 * The reading the previous ticket of this group commit left, at `now`, if `changesBefore` (the
 * connection's total changes when this ticket began) shows that nothing was written since:
 * tickets issued together read the hall once, not once each.
 */
export function carriedReading(memo: GroupMemo, hallId: number, now: number, changesBefore: number): HallReading | undefined {
  const carried = memo.get(CARRIED) as Carried | undefined;
  if (!carried || carried.hallId !== hallId || carried.changes !== changesBefore) return undefined;
  return { ...carried.reading, now };
}

/** Leaves the reading for the next ticket of the group: as read, plus the ticket this one added. */
export function carryReading(conn: Connection, memo: GroupMemo, hallId: number, reading: HallReading, added: WaitingTicket): void {
  const waiting = [...reading.waiting];
  const after = (t: WaitingTicket) => t.issuedAt > added.issuedAt || (t.issuedAt === added.issuedAt && t.id > added.id);
  const at = waiting.findIndex(after);
  waiting.splice(at < 0 ? waiting.length : at, 0, added);
  memo.set(CARRIED, { hallId, reading: { ...reading, waiting }, changes: totalChanges(conn) } satisfies Carried);
}

/**
 * The hall as Call next sees it: the open counters with the time until each is free, the waiting
 * tickets (no booking that has not checked in: only who is in the hall is called), learnt
 * durations and the hall's rules.
 */
export function forecastInput(conn: Connection, hall: HallRow, now: number): HallForecastInput {
  return inputFrom(readHall(conn, hall, now, { bookings: false }), true);
}

/** The hall at `r.now` as the engine's forecast-input builder takes it (forecast-input.ts). */
export function inputFrom(r: HallReading, openOnly: boolean): HallForecastInput {
  const hallNow: HallNow = {
    ...r,
    counters: r.counters.map((c) => ({
      id: c.id,
      serviceIds: r.servicesOf.get(c.id) ?? [],
      priorityStreak: c.priorityStreak,
      sinceAppointment: c.sinceAppointment ?? undefined,
      open: c.state === 'open',
      visit: r.busy.find((t) => t.counterId === c.id) ?? null,
    })),
  };
  return forecastInputOf(hallNow, { openOnly });
}
