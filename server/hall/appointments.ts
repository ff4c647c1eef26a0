import { randomBytes, randomInt } from 'node:crypto';
import { and, asc, eq, gt, gte, inArray, lt, ne } from 'drizzle-orm';
import { inTransaction, type Connection } from '../../db/connection.js';
import { appointmentContacts, appointmentHolds, appointments, tickets } from '../../db/schema.js';
import { businessDay, isoInZone, localMinuteOfDay } from '../engine/clock.js';
import type { Actor } from './effects.js';
import { HallError } from './errors.js';
import { duplicate, invalidField } from './admin/fields.js';
import { hallAppointmentSettings, localInstant, serviceBooking, slotMinutesOfDay, type ServiceBooking } from './appointments-settings.js';
import { closureOn, refuseIfClosed } from './closures.js';
import { normalizePhone } from './notify.js';
import { getHall, getService, type HallRow, type ServiceRow } from './state.js';
import type { Lang } from '../../ui-kit/i18n.js';

// Booking a slot: anonymous (a code, an optional phone number for reminders), capped per slot and
// per clock hour so that walk-ins keep most of the hall, and within the hall's booking window.

export type AppointmentRow = typeof appointments.$inferSelect;

export interface AppointmentView {
  code: string;
  serviceId: number;
  start: string;
  status: AppointmentRow['status'];
}

const HOLD_MS = 15 * 60_000;
const HOUR_MS = 3600_000;
/** What takes a slot's room: a booking that may still come, or came. */
const TAKING = ['booked', 'checked_in', 'done'] as const;

export const appointmentView = (a: AppointmentRow, hall: HallRow): AppointmentView => ({
  code: a.code,
  serviceId: a.serviceId,
  start: isoInZone(a.startAt, hall.timeZone),
  status: a.status,
});

function bookingOf(conn: Connection, hall: HallRow, service: ServiceRow): ServiceBooking {
  const booking = serviceBooking(conn, hall, service);
  if (!booking) throw new HallError('not_found', `service ${service.code} takes no appointments`);
  return booking;
}

/** Bookings and live holds of one service from `from` to `to` (ms), by slot start; `exceptHold` is not counted. */
function takenBetween(conn: Connection, hall: HallRow, serviceId: number, from: number, to: number, now: number, exceptHold?: string) {
  const { db } = conn;
  const within = (col: typeof appointments.startAt | typeof appointmentHolds.startAt) => and(gte(col, from), lt(col, to));
  const booked = db
    .select({ startAt: appointments.startAt })
    .from(appointments)
    .where(and(eq(appointments.hallId, hall.id), eq(appointments.serviceId, serviceId), within(appointments.startAt), inArray(appointments.status, TAKING)))
    .all();
  const held = db
    .select({ startAt: appointmentHolds.startAt })
    .from(appointmentHolds)
    .where(
      and(
        eq(appointmentHolds.hallId, hall.id),
        eq(appointmentHolds.serviceId, serviceId),
        within(appointmentHolds.startAt),
        gt(appointmentHolds.expiresAt, now),
        exceptHold ? ne(appointmentHolds.id, exceptHold) : undefined,
      ),
    )
    .all();
  return [...booked, ...held].map((r) => r.startAt);
}

/** Room left in the slot starting at `start`: its own, and its clock hour's. */
function roomAt(booking: ServiceBooking, taken: number[], start: number, hourStart: number): number {
  const inSlot = taken.filter((t) => t === start).length;
  const inHour = taken.filter((t) => t >= hourStart && t < hourStart + HOUR_MS).length;
  return Math.max(0, Math.min(booking.perSlot - inSlot, booking.perHour - inHour));
}

const hourStartOf = (start: number, hall: HallRow) => start - (localMinuteOfDay(start, hall.timeZone) % 60) * 60_000;

function inWindow(hall: HallRow, start: number, now: number): boolean {
  const { minLeadMinutes, windowDays } = hallAppointmentSettings(hall);
  return start >= now + minLeadMinutes * 60_000 && start <= now + windowDays * 24 * HOUR_MS;
}

/** `GET /api/appointments/slots`: the service's bookable slots on a day, each with its room left. */
export function appointmentSlots(conn: Connection, hallId: number, serviceId: number, day: string, now: number) {
  const hall = getHall(conn, hallId);
  const service = getService(conn, hallId, serviceId);
  const booking = bookingOf(conn, hall, service);
  if (service.closedOnDay === day || closureOn(conn, hallId, day)) return { slots: [] };
  const starts = slotMinutesOfDay(booking, day)
    .map((m) => localInstant(day, m, hall.timeZone))
    .filter((start) => inWindow(hall, start, now));
  if (starts.length === 0) return { slots: [] };
  const taken = takenBetween(conn, hall, serviceId, hourStartOf(starts[0]!, hall), starts.at(-1)! + HOUR_MS, now);
  return { slots: starts.map((start) => ({ start: isoInZone(start, hall.timeZone), free: roomAt(booking, taken, start, hourStartOf(start, hall)) })) };
}

/** Checks that `start` begins one of the service's slots, inside the window, with room; answers its day. */
function checkSlot(conn: Connection, hall: HallRow, service: ServiceRow, start: number, now: number, exceptHold?: string): string {
  const booking = bookingOf(conn, hall, service);
  const day = businessDay(start, hall.timeZone);
  const isSlot = slotMinutesOfDay(booking, day).some((m) => localInstant(day, m, hall.timeZone) === start);
  if (!isSlot) throw invalidField('start', 'not_a_slot', `is not the start of a slot of service ${service.code}`);
  if (!inWindow(hall, start, now)) {
    const { minLeadMinutes, windowDays } = hallAppointmentSettings(hall);
    throw new HallError('outside_booking_window', `start: slots are booked from ${minLeadMinutes} minutes to ${windowDays} days ahead`);
  }
  if (service.closedOnDay === day) throw new HallError('service_closed', `service ${service.code} is closed on ${day}`);
  refuseIfClosed(conn, hall.id, day);
  const hourStart = hourStartOf(start, hall);
  const taken = takenBetween(conn, hall, service.id, hourStart, hourStart + HOUR_MS, now, exceptHold);
  if (roomAt(booking, taken, start, hourStart) === 0) throw new HallError('slot_full', `the slot at ${isoInZone(start, hall.timeZone)} is full`);
  return day;
}

export interface SlotRequest {
  hallId: number;
  serviceId: number;
  /** The slot's start, epoch ms. */
  start: number;
}

/** `POST /api/appointments/hold`: keeps the slot's place 15 minutes while the citizen confirms. */
export function holdSlot(conn: Connection, now: number, req: SlotRequest): { holdId: string; expiresAt: string } {
  return inTransaction(conn, () => {
    const hall = getHall(conn, req.hallId);
    const service = getService(conn, hall.id, req.serviceId);
    conn.db.delete(appointmentHolds).where(and(eq(appointmentHolds.hallId, hall.id), lt(appointmentHolds.expiresAt, now))).run();
    checkSlot(conn, hall, service, req.start, now);
    const holdId = randomBytes(12).toString('base64url');
    const expiresAt = now + HOLD_MS;
    conn.db.insert(appointmentHolds).values({ id: holdId, hallId: hall.id, serviceId: service.id, startAt: req.start, expiresAt }).run();
    return { holdId, expiresAt: isoInZone(expiresAt, hall.timeZone) };
  });
}

export interface BookRequest extends SlotRequest {
  phone?: string;
  lang: Lang;
  holdId?: string;
}

/** 8 random digits, never given before. */
function newCode(conn: Connection): string {
  for (;;) {
    const code = String(randomInt(0, 100_000_000)).padStart(8, '0');
    if (!conn.db.select({ id: appointments.id }).from(appointments).where(eq(appointments.code, code)).get()) return code;
  }
}

function refuseSecondBooking(conn: Connection, hall: HallRow, serviceId: number, day: string, phone: string): void {
  const same = conn.db
    .select({ id: appointments.id })
    .from(appointmentContacts)
    .innerJoin(appointments, eq(appointments.id, appointmentContacts.appointmentId))
    .where(
      and(
        eq(appointmentContacts.hallId, hall.id),
        eq(appointmentContacts.phone, phone),
        eq(appointments.serviceId, serviceId),
        eq(appointments.day, day),
        inArray(appointments.status, TAKING),
      ),
    )
    .get();
  if (same) throw duplicate('phone', `this number already has an appointment for this service on ${day}`);
}

/** `POST /api/appointments`: the booking, with its contact apart, in one transaction. */
export function bookAppointment(conn: Connection, now: number, req: BookRequest, actor: Actor): AppointmentView {
  const phone = req.phone === undefined ? null : normalizePhone(req.phone);
  if (req.phone !== undefined && !phone) throw invalidField('phone', 'invalid_phone', 'is not a phone number (8 to 15 digits, optionally with a leading +)');
  return inTransaction(conn, () => {
    const hall = getHall(conn, req.hallId);
    const service = getService(conn, hall.id, req.serviceId);
    const hold = req.holdId ? conn.db.select().from(appointmentHolds).where(eq(appointmentHolds.id, req.holdId)).get() : undefined;
    if (hold && (hold.serviceId !== service.id || hold.startAt !== req.start)) {
      throw invalidField('holdId', 'other_slot', 'holds another slot than the one booked');
    }
    const day = checkSlot(conn, hall, service, req.start, now, hold?.id);
    if (phone) refuseSecondBooking(conn, hall, service.id, day, phone);
    if (hold) conn.db.delete(appointmentHolds).where(eq(appointmentHolds.id, hold.id)).run();
    const row = conn.db
      .insert(appointments)
      .values({
        hallId: hall.id,
        serviceId: service.id,
        code: newCode(conn),
        startAt: req.start,
        day,
        status: 'booked',
        lang: req.lang,
        userId: actor.userId ?? null,
        createdAt: now,
      })
      .returning()
      .get();
    if (phone) conn.db.insert(appointmentContacts).values({ appointmentId: row.id, hallId: hall.id, phone }).run();
    return appointmentView(row, hall);
  });
}

/** The hall's appointment with this code; a wrong code is a 404 like any other. */
export function getAppointment(conn: Connection, hallId: number, code: string): AppointmentRow {
  const row = conn.db
    .select()
    .from(appointments)
    .where(and(eq(appointments.hallId, hallId), eq(appointments.code, code)))
    .get();
  if (!row) throw new HallError('not_found', 'no appointment has this code');
  return row;
}

export function findAppointment(conn: Connection, hallId: number, code: string): AppointmentView {
  return appointmentView(getAppointment(conn, hallId, code), getHall(conn, hallId));
}

/** `DELETE /api/appointments/:code`: a booking not yet checked in is cancelled; its slot is free again, its number forgotten. */
export function cancelAppointment(conn: Connection, now: number, hallId: number, code: string): AppointmentView {
  return inTransaction(conn, () => {
    const row = getAppointment(conn, hallId, code);
    if (row.status === 'cancelled') return appointmentView(row, getHall(conn, hallId));
    if (row.status !== 'booked') throw new HallError('invalid_transition', `an appointment ${row.status} cannot be cancelled`);
    conn.db.delete(appointmentContacts).where(eq(appointmentContacts.appointmentId, row.id)).run();
    const cancelled = conn.db.update(appointments).set({ status: 'cancelled', cancelledAt: now }).where(eq(appointments.id, row.id)).returning().get()!;
    return appointmentView(cancelled, getHall(conn, hallId));
  });
}

/** `GET /api/appointments` (staff): the day's appointments in slot order, with the ticket of those checked in. */
export function dayAppointments(conn: Connection, hallId: number, day: string, serviceId?: number) {
  const hall = getHall(conn, hallId);
  return conn.db
    .select({ appointment: appointments, ticketNumber: tickets.number })
    .from(appointments)
    .leftJoin(tickets, eq(tickets.id, appointments.ticketId))
    .where(and(eq(appointments.hallId, hallId), eq(appointments.day, day), serviceId === undefined ? undefined : eq(appointments.serviceId, serviceId)))
    .orderBy(asc(appointments.startAt), asc(appointments.id))
    .all()
    .map(({ appointment, ticketNumber }) => ({ ...appointmentView(appointment, hall), ticketNumber: ticketNumber ?? undefined }));
}
