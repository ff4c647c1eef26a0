import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { inTransaction, type Connection } from '../../db/connection.js';
import { appointmentContacts, appointments, services, tickets } from '../../db/schema.js';
import { businessDay, isoInZone } from '../engine/clock.js';
import { hallAppointmentSettings } from './appointments-settings.js';
import { notifySettings } from './phone-settings.js';
import { getHall, type HallRow } from './state.js';
import { namesOf } from './names.js';
import { pick, type Lang } from '../../ui-kit/i18n.js';

// What time does to bookings: no-shows once check-in has closed, done once their visit is, the
// phone numbers gone once their day is over, and the reminders through the hall's webhook.

/** A booking not checked in by slot + checkInLateMinutes is a no-show: its place no longer counts. */
function markNoShows(conn: Connection, hall: HallRow, now: number): number {
  const late = hallAppointmentSettings(hall).checkInLateMinutes * 60_000;
  return conn.db
    .update(appointments)
    .set({ status: 'no_show' })
    .where(and(eq(appointments.hallId, hall.id), eq(appointments.status, 'booked'), lt(appointments.startAt, now - late)))
    .run().changes;
}

function markDone(conn: Connection, hall: HallRow): void {
  const served = conn.db.select({ id: tickets.id }).from(tickets).where(and(eq(tickets.id, appointments.ticketId), eq(tickets.status, 'done')));
  conn.db
    .update(appointments)
    .set({ status: 'done' })
    .where(and(eq(appointments.hallId, hall.id), eq(appointments.status, 'checked_in'), sql`exists ${served}`))
    .run();
}

/** Phone numbers live until the end of their appointment's day, whatever happened. */
function forgetPastDays(conn: Connection, hall: HallRow, now: number): void {
  const past = conn.db
    .select({ id: appointments.id })
    .from(appointments)
    .where(and(eq(appointments.hallId, hall.id), lt(appointments.day, businessDay(now, hall.timeZone))));
  conn.db.delete(appointmentContacts).where(inArray(appointmentContacts.appointmentId, past)).run();
}

/** Returns how many bookings became no-shows: the estimates no longer count them. */
export function sweepAppointments(conn: Connection, hallId: number, now: number): number {
  return inTransaction(conn, () => {
    const hall = getHall(conn, hallId);
    const noShows = markNoShows(conn, hall, now);
    markDone(conn, hall);
    forgetPastDays(conn, hall, now);
    return noShows;
  });
}

/** What the webhook receives about a booking. The phone number leaves the hall only here. */
export interface AppointmentMessage {
  kind: 'appointment_reminder' | 'appointment_cancelled';
  phone: string;
  code: string;
  start: string;
  serviceName: string;
  hallName: string;
  /** The citizen's page of the booking, with its cancel button. */
  bookingUrl: string;
  lang: Lang;
}

type Row = ReturnType<typeof withContacts>[number];

function message(hall: HallRow, r: Row, kind: AppointmentMessage['kind'], base: string): AppointmentMessage {
  return {
    kind,
    phone: r.contact.phone,
    code: r.appointment.code,
    start: isoInZone(r.appointment.startAt, hall.timeZone),
    serviceName: pick(namesOf(r), r.appointment.lang),
    hallName: pick(namesOf(hall), r.appointment.lang),
    bookingUrl: `${base}/book/?code=${r.appointment.code}`,
    lang: r.appointment.lang,
  };
}

function withContacts(conn: Connection, hallId: number, ...where: Parameters<typeof and>) {
  return conn.db
    .select({ appointment: appointments, contact: appointmentContacts, nameAr: services.nameAr, nameEn: services.nameEn, nameFr: services.nameFr })
    .from(appointmentContacts)
    .innerJoin(appointments, eq(appointments.id, appointmentContacts.appointmentId))
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .where(and(eq(appointmentContacts.hallId, hallId), ...where))
    .all();
}

const HOUR_MS = 3600_000;
/** Before the slot: the day before (24 h) and two hours before; each only if booked earlier than that. */
const REMINDERS = [
  { column: 'remindedDayBeforeAt', before: 24 * HOUR_MS },
  { column: 'remindedSoonAt', before: 2 * HOUR_MS },
] as const;

/**
 * The reminders now due, each marked sent (once) and answered as a message; when both are due
 * (the server was down), only the later. `base`: where phones reach the hall.
 */
export function claimReminders(conn: Connection, hallId: number, now: number, base: string): AppointmentMessage[] {
  return inTransaction(conn, () => {
    const hall = getHall(conn, hallId);
    if (!notifySettings(hall).enabled) return [];
    const out: AppointmentMessage[] = [];
    for (const r of withContacts(conn, hallId, eq(appointments.status, 'booked'))) {
      const { startAt, createdAt } = r.appointment;
      const due = REMINDERS.filter(({ before }) => createdAt < startAt - before && now >= startAt - before && now < startAt);
      const latest = due.at(-1);
      if (!latest || r.contact[latest.column] != null) continue;
      const sent = Object.fromEntries(due.map(({ column }) => [column, now]));
      conn.db.update(appointmentContacts).set(sent).where(eq(appointmentContacts.appointmentId, r.appointment.id)).run();
      out.push(message(hall, r, 'appointment_reminder', base));
    }
    return out;
  });
}

/**
 * The service (null: the whole hall) closes for the day: its bookings of the day are cancelled,
 * their numbers deleted. Answers the messages to tell those who left a number. Call inside a transaction.
 */
export function cancelDayBookings(conn: Connection, hall: HallRow, serviceId: number | null, day: string, now: number, base: string): AppointmentMessage[] {
  const service = serviceId === null ? undefined : eq(appointments.serviceId, serviceId);
  const mine = and(eq(appointments.hallId, hall.id), service, eq(appointments.day, day), eq(appointments.status, 'booked'));
  const told = withContacts(conn, hall.id, mine).map((r) => message(hall, r, 'appointment_cancelled', base));
  const ids = conn.db.select({ id: appointments.id }).from(appointments).where(mine);
  conn.db.delete(appointmentContacts).where(inArray(appointmentContacts.appointmentId, ids)).run();
  conn.db.update(appointments).set({ status: 'cancelled', cancelledAt: now }).where(mine).run();
  return notifySettings(hall).enabled ? told : [];
}
