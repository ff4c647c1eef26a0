import { eq } from 'drizzle-orm';
import { inTransaction, type Connection } from '../../db/connection.js';
import { appointments } from '../../db/schema.js';
import { isoInZone } from '../engine/clock.js';
import { getAppointment } from './appointments.js';
import { hallAppointmentSettings } from './appointments-settings.js';
import type { Actor, Outcome } from './effects.js';
import { HallError } from './errors.js';
import { issueTicket, keyScope, type Issued } from './issue-ticket.js';
import { statements } from './prepared.js';
import { getHall } from './state.js';

// On the day, at the kiosk: the booking becomes a ticket of the same line as walk-ins, its wait
// counted from its slot (tickets.slot_at) by the engine.

export interface CheckInRequest {
  hallId: number;
  code: string;
  idempotencyKey?: string;
}

export function checkIn(conn: Connection, now: number, req: CheckInRequest, actor: Actor): Outcome<Issued> {
  return inTransaction(conn, () => {
    const hall = getHall(conn, req.hallId);
    const booked = getAppointment(conn, hall.id, req.code);
    if (booked.status === 'checked_in' && req.idempotencyKey) {
      const seen = statements(conn).issue.seen.get({ scope: keyScope(actor), key: req.idempotencyKey });
      if (seen?.ticket.id === booked.ticketId) return { value: { ticket: seen.ticket, created: false }, effects: [] };
    }
    if (booked.status !== 'booked') throw new HallError('invalid_transition', `this appointment is ${booked.status.replace('_', ' ')}`);
    const { checkInEarlyMinutes, checkInLateMinutes } = hallAppointmentSettings(hall);
    const opens = booked.startAt - checkInEarlyMinutes * 60_000;
    const closes = booked.startAt + checkInLateMinutes * 60_000;
    const at = (ms: number) => isoInZone(ms, hall.timeZone).slice(11, 16);
    if (now < opens) throw new HallError('outside_check_in_window', `too early: check-in opens at ${at(opens)}`);
    if (now > closes) throw new HallError('outside_check_in_window', `too late: check-in closed at ${at(closes)}`);

    const appointment = { id: booked.id, slotAt: booked.startAt };
    const issued = issueTicket(conn, now, { hallId: hall.id, serviceId: booked.serviceId, priority: false, lang: booked.lang, idempotencyKey: req.idempotencyKey, appointment }, actor);
    conn.db.update(appointments).set({ status: 'checked_in', ticketId: issued.value.ticket.id, checkedInAt: now }).where(eq(appointments.id, booked.id)).run();
    return issued;
  });
}
