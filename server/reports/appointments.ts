import { and, asc, between, eq, sql } from 'drizzle-orm';
import type { Connection } from '../../db/connection.js';
import { appointments, services, tickets } from '../../db/schema.js';
import { namesOf, reportLabel } from '../hall/names.js';
import type { AppointmentsReport } from '../protocol/reports.js';

// Bookings per service and day: how many were booked, came, did not come or were cancelled, and
// how punctually those who came were called.

/** Called no later than this after the slot's start: on time. */
export const PUNCTUAL_MS = 5 * 60_000;

const countWhere = (condition: ReturnType<typeof sql>) => sql<number>`sum(case when ${condition} then 1 else 0 end)`;

export function appointmentsReport(conn: Connection, hallId: number, range: { from: string; to: string }): AppointmentsReport {
  const came = sql`${appointments.status} in ('checked_in', 'done')`;
  const called = sql`${came} and ${tickets.calledAt} is not null`;
  const rows = conn.db
    .select({
      day: appointments.day,
      serviceId: appointments.serviceId,
      nameAr: services.nameAr,
      nameEn: services.nameEn,
      nameFr: services.nameFr,
      booked: sql<number>`count(*)`,
      checkedIn: countWhere(came),
      noShow: countWhere(sql`${appointments.status} = 'no_show'`),
      cancelled: countWhere(sql`${appointments.status} = 'cancelled'`),
      called: countWhere(called),
      punctual: countWhere(sql`${called} and ${tickets.calledAt} <= ${appointments.startAt} + ${PUNCTUAL_MS}`),
    })
    .from(appointments)
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .leftJoin(tickets, eq(tickets.id, appointments.ticketId))
    .where(and(eq(appointments.hallId, hallId), between(appointments.day, range.from, range.to)))
    .groupBy(appointments.day, appointments.serviceId)
    .orderBy(asc(appointments.day), asc(services.sortOrder), asc(services.id))
    .all();
  return {
    ...range,
    rows: rows.map(({ nameAr, nameEn, nameFr, punctual, ...r }) => ({
      ...r,
      service: reportLabel(namesOf({ nameAr, nameEn, nameFr })),
      punctualPct: r.called === 0 ? null : Math.round((1000 * punctual) / r.called) / 10,
    })),
  };
}
