import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Connection } from '../../db/connection.js';
import { appointments, counters, services, ticketEvents } from '../../db/schema.js';
import { isoInZone, localMinuteOfDay, localWeekday } from '../engine/clock.js';
import { etaRange, rangeMinutes, type Spread } from '../engine/eta-range.js';
import { estimateNewTicket, forecastWaits, notStartedYet, type HallForecastInput, type ServingNow } from '../engine/estimate.js';
import { CLOSED_REASON_TEXT, type Availability } from '../engine/hours.js';
import type { WaitingTicket } from '../engine/types.js';
import type * as P from '../protocol/schemas.js';
import { availabilityNow } from './availability.js';
import { etaSpread } from './eta-record.js';
import { notifySettings } from './phone-settings.js';
import { callsQuery, statements } from './prepared.js';
import {
  counterServiceIds,
  getHall,
  inputFrom,
  readHall,
  servicesOfCounters,
  type CounterRow,
  type HallReading,
  type HallRow,
  type ServiceRow,
  type TicketRow,
} from './state.js';
import { hasContact, isRated } from './tracking.js';
import { categoryOf, namesOf, papersOf } from './names.js';

// Read models: the shapes of API.md, built from rows. Estimates come from one forecast of the
// whole hall, so a page of tickets costs one forecast, not one per ticket.

const toMinutes = (ms: number | null | undefined) => (ms == null ? null : Math.ceil(ms / 60000));

/** The range shown with an estimate (eta-range.ts), in whole minutes; none without an estimate. */
const rangeOf = (ms: number | null | undefined, spread: Spread) => (ms == null ? undefined : rangeMinutes(etaRange(ms, spread)));

export interface Forecast {
  /** ticketId → estimated ms until called, for waiting tickets. */
  waits: Map<number, number>;
  /** The counters serving now, as the forecast read them; absent: read when a view needs them. */
  serving?: ServingNow;
}

export function forecastHall(conn: Connection, hall: HallRow, now: number): Forecast {
  const reading = readHall(conn, hall, now);
  const input = inputFrom(reading, true);
  const waits = forecastWaits(input);
  // Tickets that no open counter can serve are estimated as if the hall's counters opened now.
  if (reading.waiting.some((t) => !waits.has(t.id))) {
    for (const [id, ms] of forecastWaits(inputFrom(reading, false))) if (!waits.has(id)) waits.set(id, ms);
  }
  return { waits, serving: servingNow(reading.counters, reading.servicesOf) };
}

/**
 * The forecast of one ticket whose estimate is known already: what its view needs, without a
 * forecast of the whole hall. The estimate of a new ticket (`estimateNewTicket`) is the wait a
 * forecast of the hall made just after it gives it. With the `reading` it came from, its view
 * reads the counters serving now from it too.
 */
export function knownWait(ticketId: number, waitMs: number | null, reading?: HallReading): Forecast {
  const waits = waitMs == null ? new Map<number, number>() : new Map([[ticketId, waitMs]]);
  return reading ? { waits, serving: servingNow(reading.counters, reading.servicesOf) } : { waits };
}

/** Waiting tickets of the same line (same service, or same target counter) that come first. */
export function countAhead(conn: Connection, t: TicketRow): number {
  if (t.status !== 'waiting') return 0;
  const { toCounter, inService } = statements(conn).countAhead;
  const line = t.targetCounterId ? toCounter : inService;
  const row = (t.priority ? line.priority : line.regular).get({
    hallId: t.hallId,
    targetCounterId: t.targetCounterId,
    serviceId: t.serviceId,
    issuedAt: t.issuedAt,
    id: t.id,
  });
  return row?.n ?? 0;
}

/** The counters open or paused now (a pause is a moment), and what they serve. */
function servingNow(counters: readonly CounterRow[], servicesOf: ReadonlyMap<number, number[]>): ServingNow {
  const serving = counters.filter((c) => c.state !== 'closed');
  return { counterIds: new Set(serving.map((c) => c.id)), serviceIds: new Set(serving.flatMap((c) => servicesOf.get(c.id) ?? [])) };
}

/** The counters serving now, read on their own (without a forecast). */
export const readServing = (conn: Connection, hallId: number): ServingNow =>
  servingNow(statements(conn).activeCounters.all({ hallId }), servicesOfCounters(conn, hallId));

/** A ticket of `service`'s line with no counter serving it now: with the time its hours open later today. */
function notStarted(
  hall: HallRow,
  service: ServiceRow,
  serving: ServingNow,
  now: number,
  targetCounterId: number | null = null,
): P.Ticket['notStarted'] {
  const hours = (service.hours ?? hall.openingHours)[String(localWeekday(now, hall.timeZone))] ?? [];
  const yet = notStartedYet(serving, { serviceId: service.id, targetCounterId }, hours, localMinuteOfDay(now, hall.timeZone));
  if (!yet) return null;
  const m = yet.opensAtMinute;
  return { opensAt: m == null ? null : `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}` };
}

function ticketNotStarted(conn: Connection, hall: HallRow, t: TicketRow, now: number, forecast: Forecast): P.Ticket['notStarted'] {
  if (t.status !== 'waiting') return null;
  const service = statements(conn).service.get({ id: t.serviceId, hallId: t.hallId });
  return service ? notStarted(hall, service, forecast.serving ?? readServing(conn, t.hallId), now, t.targetCounterId) : null;
}

function estimateOf(t: TicketRow, forecast: Forecast): number | null {
  if (t.status === 'called' || t.status === 'serving') return 0;
  if (t.status !== 'waiting') return null;
  return toMinutes(forecast.waits.get(t.id));
}

const optionalTime = (ms: number | null, tz: string) => (ms == null ? undefined : isoInZone(ms, tz));

export function ticketView(conn: Connection, t: TicketRow, now: number, forecast?: Forecast): P.Ticket {
  const hall = getHall(conn, t.hallId);
  const tz = hall.timeZone;
  const f = forecast ?? (t.status === 'waiting' ? forecastHall(conn, hall, now) : { waits: new Map() });
  return {
    id: t.id,
    number: t.number,
    serviceId: t.serviceId,
    status: t.status,
    priority: t.priority,
    lang: t.lang,
    issuedAt: isoInZone(t.issuedAt, tz),
    calledAt: optionalTime(t.calledAt, tz),
    startedAt: optionalTime(t.startedAt, tz),
    endedAt: optionalTime(t.endedAt, tz),
    counterId: t.counterId ?? undefined,
    targetCounterId: t.targetCounterId ?? undefined,
    recalls: t.recalls,
    ahead: countAhead(conn, t),
    estimatedWaitMinutes: estimateOf(t, f),
    estimatedWaitRange: t.status === 'waiting' ? rangeOf(f.waits.get(t.id), etaSpread(conn, hall, now)) : undefined,
    notStarted: ticketNotStarted(conn, hall, t, now, f),
    trackingCode: t.trackingCode,
    appointment: appointmentOf(conn, t, tz),
  };
}

/** A checked-in appointment's code and slot, as the kiosk prints them. */
function appointmentOf({ db }: Connection, t: TicketRow, tz: string): P.Ticket['appointment'] {
  if (t.appointmentId == null || t.slotAt == null) return undefined;
  const row = db.select({ code: appointments.code }).from(appointments).where(eq(appointments.id, t.appointmentId)).get();
  return row && { code: row.code, start: isoInZone(t.slotAt, tz) };
}

export function trackedView(conn: Connection, t: TicketRow, now: number, forecast?: Forecast): P.TrackedTicket {
  const full = ticketView(conn, t, now, forecast);
  const service = conn.db.select().from(services).where(eq(services.id, t.serviceId)).get()!;
  const counter = t.counterId
    ? conn.db.select({ number: counters.number }).from(counters).where(eq(counters.id, t.counterId)).get()
    : undefined;
  const rated = t.status === 'done' && isRated(conn, t.id);
  const notify = notifySettings(getHall(conn, t.hallId));
  return {
    number: full.number,
    serviceId: full.serviceId,
    service: namesOf(service),
    status: full.status,
    ahead: full.ahead,
    estimatedWaitMinutes: full.estimatedWaitMinutes,
    estimatedWaitRange: full.estimatedWaitRange,
    notStarted: full.notStarted,
    counter: counter && (t.status === 'called' || t.status === 'serving') ? { number: counter.number } : undefined,
    whatToBring: papersOf(service),
    remote: t.remote,
    calledAt: full.calledAt,
    recalls: full.recalls,
    ratingAllowed: t.status === 'done' && !rated,
    rated,
    phoneAlert:
      notify.enabled && t.status === 'waiting' ? { position: notify.position, subscribed: hasContact(conn, t.id) } : undefined,
  };
}

export function waitingCounts(conn: Connection, hallId: number): P.WaitingCounts {
  return statements(conn).waitingCounts.all({ hallId });
}

export interface NewTicket {
  serviceId: number;
  priority: boolean;
  /** A booking checking in: its slot. */
  slotAt?: number | null;
}

/**
 * How long a ticket taken now would wait, for any number of services from one reading of the
 * hall; when no open counter serves it, as if the hall's counters opened now.
 */
export function newTicketEstimator(conn: Connection, hall: HallRow, now: number, reading = readHall(conn, hall, now)) {
  const open = inputFrom(reading, true);
  let all: HallForecastInput | undefined;
  return (ticket: NewTicket): number | null => waitOf(open, ticket) ?? waitOf((all ??= inputFrom(reading, false)), ticket);
}

/**
 * A walk-in waits behind everyone (estimateNewTicket). A booking checking in is called from its
 * slot, earlier only by an idle counter: its wait is when the forecast of the hall with it calls it.
 */
function waitOf(input: HallForecastInput, ticket: NewTicket): number | null {
  if (ticket.slotAt == null) return estimateNewTicket(input, ticket);
  const probe: WaitingTicket = { id: Number.MAX_SAFE_INTEGER, serviceId: ticket.serviceId, priority: ticket.priority, issuedAt: input.now, targetCounterId: null, slotAt: ticket.slotAt };
  return forecastWaits({ ...input, waiting: [...input.waiting, probe] }).get(probe.id) ?? null;
}

/**
 * Active services with how many wait, how long a ticket taken now would wait, and whether they
 * take tickets now.
 */
export function serviceList(conn: Connection, hallId: number, now: number): P.Service[] {
  const hall = getHall(conn, hallId);
  const counts = new Map(waitingCounts(conn, hallId).map((w) => [w.serviceId, w.count]));
  const reading = readHall(conn, hall, now);
  const estimate = newTicketEstimator(conn, hall, now, reading);
  const availability = availabilityNow(conn, hall, now);
  const serving = servingNow(reading.counters, reading.servicesOf);
  const spread = etaSpread(conn, hall, now);
  const rows = conn.db
    .select()
    .from(services)
    .where(and(eq(services.hallId, hallId), eq(services.active, true)))
    .orderBy(asc(services.sortOrder), asc(services.id))
    .all();
  return rows.map((s) => {
    const ms = estimate({ serviceId: s.id, priority: false });
    return serviceView(s, availability(s), counts.get(s.id) ?? 0, toMinutes(ms), notStarted(hall, s, serving, now), rangeOf(ms, spread));
  });
}

export function serviceView(
  s: ServiceRow,
  availability: Availability,
  waiting = 0,
  estimatedWaitMinutes: number | null = null,
  notStarted: P.Service['notStarted'] = null,
  estimatedWaitRange?: P.WaitRange,
): P.Service {
  return {
    id: s.id,
    code: s.code,
    name: namesOf(s),
    targetWaitMinutes: Math.round(s.targetWaitS / 60),
    averageServiceMinutes: Math.round(s.avgServiceS / 60),
    active: s.active,
    waiting,
    estimatedWaitMinutes,
    estimatedWaitRange,
    notStarted,
    open: availability.open,
    closedReason: availability.open ? undefined : { code: availability.reason, ...CLOSED_REASON_TEXT[availability.reason] },
    category: categoryOf(s),
    whatToBring: papersOf(s),
    dailyLimit: s.dailyLimit,
    hours: s.hours,
    appointments: s.appointments ?? undefined,
  };
}

/** Calls and recalls, newest first, from the event log. */
export function recentCalls(conn: Connection, hallId: number, limit: number, eventIds?: number[]): P.Call[] {
  const hall = getHall(conn, hallId);
  return callRows(conn, hallId, limit, eventIds).map((r) => ({
    id: r.id,
    ticket: { id: r.ticketId, number: r.number, serviceId: r.serviceId },
    counter: { id: r.counterId, number: r.counterNumber },
    recall: r.type === 'recall',
    at: isoInZone(r.at, hall.timeZone),
  }));
}

function callRows(conn: Connection, hallId: number, limit: number, eventIds?: number[]) {
  if (eventIds?.length === 1) {
    // One call (a Call next, a recall), on its way to every display: a prepared statement.
    const row = limit >= 1 ? statements(conn).callEvent.get({ id: eventIds[0]!, hallId }) : undefined;
    return row ? [row] : [];
  }
  return callsQuery(conn)
    .where(
      and(
        eq(ticketEvents.hallId, hallId),
        inArray(ticketEvents.type, ['call', 'recall']),
        eventIds ? inArray(ticketEvents.id, eventIds) : undefined,
      ),
    )
    .orderBy(desc(ticketEvents.id))
    .limit(limit)
    .all();
}

/** What the counter's clerk is able to serve: the admin's list, and whatever it serves now. */
export const qualifiedOf = (c: typeof counters.$inferSelect, serviceIds: number[]): number[] => [...new Set([...serviceIds, ...c.qualifiedServiceIds])];

function toCounter(c: typeof counters.$inferSelect, serviceIds: number[]): P.Counter {
  return {
    id: c.id,
    number: c.number,
    name: c.name,
    zone: c.zone,
    serviceIds,
    qualifiedServiceIds: qualifiedOf(c, serviceIds),
    state: c.state,
    pauseReason: c.pauseReason,
    userId: c.userId,
    active: c.active,
  };
}

export function counterViews(conn: Connection, rows: (typeof counters.$inferSelect)[]): P.Counter[] {
  const servicesOf = counterServiceIds(conn, rows.map((c) => c.id));
  return rows.map((c) => toCounter(c, servicesOf.get(c.id) ?? []));
}

export const counterView = (conn: Connection, row: typeof counters.$inferSelect): P.Counter => counterViews(conn, [row])[0]!;
