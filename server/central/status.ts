import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Connection } from '../../db/connection.js';
import { counters, services, tickets } from '../../db/schema.js';
import { businessDay, isoInZone, localMinuteOfDay, localWeekday } from '../engine/clock.js';
import { minutesUntilOpen } from '../engine/hours.js';
import { hallOpenNow } from '../hall/availability.js';
import { closureOn } from '../hall/closures.js';
import { remoteJoinSettings } from '../hall/phone-settings.js';
import { getHall, type HallRow } from '../hall/state.js';
import { serviceList } from '../hall/views.js';
import type { HallStatus } from '../protocol/city.js';

// The hall's figures for the city's board, read from its current state once per batch shipped.

export function hallStatus(conn: Connection, hallId: number, now: number): HallStatus {
  const { db } = conn;
  const hall = getHall(conn, hallId);
  const day = businessDay(now, hall.timeZone);
  const longest = db
    .select({ issuedAt: tickets.issuedAt, targetWaitS: services.targetWaitS })
    .from(tickets)
    .innerJoin(services, eq(services.id, tickets.serviceId))
    .where(and(eq(tickets.hallId, hallId), eq(tickets.status, 'waiting')))
    .orderBy(asc(tickets.issuedAt))
    .limit(1)
    .get();
  const waiting = db
    .select({ n: count() })
    .from(tickets)
    .where(and(eq(tickets.hallId, hallId), eq(tickets.status, 'waiting')))
    .get()!;
  const today = db
    .select({ issued: count(), served: sql<number>`count(*) filter (where ${tickets.status} = 'done')` })
    .from(tickets)
    .where(and(eq(tickets.hallId, hallId), eq(tickets.day, day)))
    .get()!;
  const open = db
    .select({ n: count() })
    .from(counters)
    .where(and(eq(counters.hallId, hallId), eq(counters.active, true), eq(counters.state, 'open')))
    .get()!;
  const targets = new Map(
    db.select({ id: services.id, targetWaitS: services.targetWaitS }).from(services).where(eq(services.hallId, hallId)).all().map((s) => [s.id, s.targetWaitS]),
  );
  // The services as GET /api/services shows them: live waiting counts and estimates.
  const list = serviceList(conn, hallId, now);
  const { publicUrl } = hall.settings;
  const closedToday = closureOn(conn, hallId, day) !== null;
  const openNow = hallOpenNow(hall, now) && !closedToday;
  const nextOpening = openNow ? null : nextOpeningOf(hall, now, closedToday);
  return {
    at: now,
    timeZone: hall.timeZone,
    day,
    openNow,
    ...(nextOpening ? { nextOpening } : {}),
    waiting: waiting.n,
    longestWaitS: longest ? Math.max(0, Math.floor((now - longest.issuedAt) / 1000)) : null,
    longestWaitTargetS: longest?.targetWaitS ?? null,
    countersOpen: open.n,
    issuedToday: today.issued,
    servedToday: today.served,
    services: list.map((s) => ({
      id: s.id,
      code: s.code,
      name: s.name,
      targetWaitS: targets.get(s.id)!,
      active: s.active,
      waiting: s.waiting,
      estimatedWaitMinutes: s.estimatedWaitMinutes,
      ...(s.estimatedWaitRange ? { estimatedWaitRange: s.estimatedWaitRange } : {}),
    })),
    ...(remoteJoinSettings(hall).enabled && publicUrl ? { joinUrl: new URL('/join', publicUrl).href } : {}),
  };
}

/** When a closed hall's hours next open, in its local time (whole minutes); null: not within a week. */
function nextOpeningOf(hall: HallRow, now: number, closedToday: boolean): string | null {
  const minute = localMinuteOfDay(now, hall.timeZone);
  const wait = minutesUntilOpen(hall.openingHours, localWeekday(now, hall.timeZone), minute, closedToday);
  return wait === null ? null : isoInZone(Math.floor(now / 60_000) * 60_000 + wait * 60_000, hall.timeZone);
}
