import { and, asc, desc, eq, gt, gte, inArray, isNull, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Connection } from '../../db/connection.js';
import { counters, devices, printers, services, ticketEvents, tickets, users } from '../../db/schema.js';
import { businessDay, isoInZone } from '../engine/clock.js';
import { HALL_SETTING_DEFAULTS } from '../protocol/admin.js';
import type * as P from '../protocol/schemas.js';
import { getHall, type HallRow } from './state.js';
import { counterViews, serviceList } from './views.js';

// What the staff app reads beyond tickets and counters: the hall's staff settings, a clerk's
// day, and the supervisor's board.

export function staffSettings(hall: HallRow): P.StaffSettings {
  const d = HALL_SETTING_DEFAULTS;
  return {
    allowCallSpecific: hall.settings.allowCallSpecific ?? d.allowCallSpecific,
    autoNoShowAfterRecalls: hall.settings.autoNoShowAfterRecalls ?? d.autoNoShowAfterRecalls,
    noShowMinSeconds: hall.settings.noShowMinSeconds ?? d.noShowMinSeconds,
    alertQueueLength: hall.settings.alertQueueLength ?? d.alertQueueLength,
  };
}

/** A business day never spans more than this; the query reads this far back, then keeps today's. */
const DAY_SPAN_MS = 26 * 3600_000;

/**
 * Tickets the user completed and marked no-show in the hall's current business day; a no-show
 * returned to the line since (requeue) no longer counts.
 */
export function myStats(conn: Connection, now: number, hallId: number, userId: number): P.MyStats {
  const hall = getHall(conn, hallId);
  const day = businessDay(now, hall.timeZone);
  const returned = alias(ticketEvents, 'returned');
  const rows = conn.db
    .select({ type: ticketEvents.type, at: ticketEvents.at })
    .from(ticketEvents)
    .where(
      and(
        eq(ticketEvents.hallId, hallId),
        eq(ticketEvents.userId, userId),
        inArray(ticketEvents.type, ['complete', 'no_show']),
        gte(ticketEvents.at, now - DAY_SPAN_MS),
        notExists(
          conn.db
            .select({ id: returned.id })
            .from(returned)
            .where(and(eq(returned.ticketId, ticketEvents.ticketId), eq(returned.type, 'requeue'), gt(returned.id, ticketEvents.id))),
        ),
      ),
    )
    .all()
    .filter((e) => businessDay(e.at, hall.timeZone) === day);
  return {
    day,
    servedToday: rows.filter((e) => e.type === 'complete').length,
    noShowToday: rows.filter((e) => e.type === 'no_show').length,
  };
}

const iso = (ms: number | null, tz: string) => (ms == null ? undefined : isoInZone(ms, tz));

/** The supervisor's board; `connectedDisplays` are the display devices with a live socket. */
export function supervisorBoard(conn: Connection, now: number, hallId: number, connectedDisplays: ReadonlySet<number>): P.SupervisorBoard {
  const hall = getHall(conn, hallId);
  const tz = hall.timeZone;
  const { db } = conn;

  const counterRows = db
    .select()
    .from(counters)
    .where(and(eq(counters.hallId, hallId), eq(counters.active, true)))
    .orderBy(asc(counters.number))
    .all();
  const busy = db
    .select()
    .from(tickets)
    .where(and(eq(tickets.hallId, hallId), inArray(tickets.status, ['called', 'serving'])))
    .all();
  const names = new Map(
    db
      .select({ id: users.id, username: users.username, displayName: users.displayName })
      .from(users)
      .where(inArray(users.id, counterRows.map((c) => c.userId ?? 0)))
      .all()
      .map((u) => [u.id, u.displayName ?? u.username]),
  );
  const boardCounters = counterViews(conn, counterRows).map((c) => {
    const t = busy.find((b) => b.counterId === c.id);
    const ticket = t
      ? {
          id: t.id,
          number: t.number,
          serviceId: t.serviceId,
          status: t.status as 'called' | 'serving',
          priority: t.priority,
          issuedAt: isoInZone(t.issuedAt, tz),
          calledAt: iso(t.calledAt, tz),
          startedAt: iso(t.startedAt, tz),
        }
      : null;
    const since = t ? (t.startedAt ?? t.calledAt) : null;
    return { ...c, clerkName: c.userId ? (names.get(c.userId) ?? null) : null, ticket, servingSince: iso(since, tz) ?? null };
  });

  const oldest = new Map(
    db
      .select({ serviceId: tickets.serviceId, first: sql<number>`min(${tickets.issuedAt})` })
      .from(tickets)
      .where(and(eq(tickets.hallId, hallId), eq(tickets.status, 'waiting')))
      .groupBy(tickets.serviceId)
      .all()
      .map((r) => [r.serviceId, r.first]),
  );
  const rows = new Map(db.select().from(services).where(eq(services.hallId, hallId)).all().map((s) => [s.id, s]));
  const today = businessDay(now, tz);
  const boardServices = serviceList(conn, hallId, now).map((s) => {
    const first = oldest.get(s.id);
    return {
      id: s.id,
      code: s.code,
      name: s.name,
      waiting: s.waiting,
      longestWaitS: first == null ? 0 : Math.max(0, Math.floor((now - first) / 1000)),
      targetWaitS: rows.get(s.id)!.targetWaitS,
      estimatedWaitMinutes: s.estimatedWaitMinutes,
      open: s.open,
      closedReason: s.closedReason,
      closedToday: rows.get(s.id)!.closedOnDay === today,
    };
  });

  const printerRows = db
    .select({ id: printers.id, name: printers.name, status: printers.status })
    .from(printers)
    .where(and(eq(printers.hallId, hallId), eq(printers.active, true)))
    .orderBy(asc(printers.id))
    .all();
  const displays = db
    .select()
    .from(devices)
    .where(and(eq(devices.hallId, hallId), eq(devices.kind, 'display'), isNull(devices.revokedAt)))
    .orderBy(asc(devices.id))
    .all()
    .map((d) => displayPresence(d, connectedDisplays.has(d.id), tz));

  return {
    serverTime: isoInZone(now, tz),
    settings: staffSettings(hall),
    counters: boardCounters,
    services: boardServices,
    printers: printerRows,
    displays,
    noShows: noShowsToday(conn, now, hallId, tz),
  };
}

/**
 * Tickets marked no-show in the business day, the latest first. Who marked it is on the no-show
 * event written with the ticket's end (same instant): a ticket returned and missed again has two.
 */
function noShowsToday(conn: Connection, now: number, hallId: number, tz: string): P.SupervisorBoard['noShows'] {
  const today = businessDay(now, tz);
  return conn.db
    .select({
      id: tickets.id,
      number: tickets.number,
      serviceId: tickets.serviceId,
      calledAt: tickets.calledAt,
      markedAt: tickets.endedAt,
      counterNumber: counters.number,
      clerkName: sql<string | null>`coalesce(${users.displayName}, ${users.username})`,
    })
    .from(tickets)
    .innerJoin(ticketEvents, and(eq(ticketEvents.ticketId, tickets.id), eq(ticketEvents.type, 'no_show'), eq(ticketEvents.at, tickets.endedAt)))
    .leftJoin(counters, eq(counters.id, tickets.counterId))
    .leftJoin(users, eq(users.id, ticketEvents.userId))
    .where(and(eq(tickets.hallId, hallId), eq(tickets.status, 'no_show'), gte(tickets.endedAt, now - DAY_SPAN_MS)))
    .orderBy(desc(tickets.endedAt), desc(tickets.id))
    .all()
    .filter((t) => businessDay(t.markedAt!, tz) === today)
    .map((t) => ({ ...t, calledAt: isoInZone(t.calledAt!, tz), markedAt: isoInZone(t.markedAt!, tz) }));
}

export function displayPresence(d: typeof devices.$inferSelect, connected: boolean, timeZone: string): P.DisplayPresence {
  return { id: d.id, name: d.name, zone: d.zone, connected, lastSeenAt: iso(d.lastSeenAt, timeZone) ?? null };
}
