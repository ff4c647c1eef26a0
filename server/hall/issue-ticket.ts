import { inTransaction, type Connection, type GroupMemo } from '../../db/connection.js';
import { businessDay } from '../engine/clock.js';
import { CLOSED_REASON_TEXT } from '../engine/hours.js';
import { ticketNumber } from '../engine/numbering.js';
import type { JobRow } from '../printing/queue.js';
import { newTrackingCode } from '../security.js';
import { availabilityNow } from './availability.js';
import { refuseIfClosed } from './closures.js';
import type { Actor, Effect, Outcome } from './effects.js';
import { HallError } from './errors.js';
import { statements } from './prepared.js';
import { rollOver } from './rollover.js';
import { bookingTicketId, carriedReading, carryReading, getHall, getActiveService, readHall, totalChanges, type HallReading, type TicketRow } from './state.js';
import { knownWait, newTicketEstimator, type Forecast } from './views.js';
import type { Lang } from '../../ui-kit/i18n.js';

export interface IssueRequest {
  hallId: number;
  serviceId: number;
  priority: boolean;
  lang: Lang;
  /** The client's Idempotency-Key, scoped to the device or user that sent it. */
  idempotencyKey?: string;
  /** Who sent the key when it is neither a device nor a user (a phone at /join: `ip:<addr>`). */
  idempotencyScope?: string;
  /** A checked-in booking: its ticket waits from its slot (tickets.slot_at). */
  appointment?: { id: number; slotAt: number };
}

export interface Issued {
  ticket: TicketRow;
  /** False when the idempotency key had already issued this ticket. */
  created: boolean;
  /** A new ticket's estimate as its views read it, so that they need no second forecast. */
  forecast?: Forecast;
  /** A new ticket's print job, when its kiosk has a printer: written with it, so a 201 prints. */
  printJob?: JobRow;
}

/** Whose Idempotency-Key it is, so that two kiosks never collide. */
export const keyScope = (actor: Actor) => (actor.deviceId ? `device:${actor.deviceId}` : `user:${actor.userId ?? 0}`);

/**
 * One tap at the kiosk: a numbered ticket, its first event and its print job, in one transaction.
 * In a group commit (`memo`), tickets issued one after the other read the hall's state once.
 */
export function issueTicket(conn: Connection, now: number, req: IssueRequest, actor: Actor, memo?: GroupMemo): Outcome<Issued> {
  const scope = req.idempotencyScope ?? keyScope(actor);
  return inTransaction(conn, () => {
    const prepared = statements(conn);
    const write = prepared.issue;
    const changesBefore = memo ? totalChanges(conn) : 0;
    if (req.idempotencyKey) {
      const seen = write.seen.get({ scope, key: req.idempotencyKey });
      if (seen) {
        if (seen.ticket.serviceId !== req.serviceId || seen.ticket.priority !== req.priority) {
          throw new HallError('conflict', 'Idempotency-Key was already used for a different ticket request');
        }
        return { value: { ticket: seen.ticket, created: false }, effects: [] };
      }
    }

    const hall = getHall(conn, req.hallId);
    refuseIfClosed(conn, hall.id, businessDay(now, hall.timeZone));
    const service = getActiveService(conn, req.hallId, req.serviceId);
    const availability = availabilityNow(conn, hall, now)(service);
    if (!availability.open) {
      const why = CLOSED_REASON_TEXT[availability.reason];
      throw new HallError('service_closed', `service ${service.code} is closed: ${why.en} (${why.ar})`);
    }

    const effects: Effect[] = rollOver(conn, hall, now, actor);
    const day = businessDay(now, hall.timeZone);
    const { last: sequence } = write.nextSequence.get({ hallId: hall.id, serviceId: service.id, day })!;

    // Rollover cancelled tickets: what the group's previous ticket read is stale.
    const carried = memo && effects.length === 0 ? carriedReading(memo, hall.id, now, changesBefore) : undefined;
    const reading = withoutBooking(carried ?? readHall(conn, hall, now), req.appointment);
    const estimateMs = newTicketEstimator(conn, hall, now, reading)({ serviceId: service.id, priority: req.priority, slotAt: req.appointment?.slotAt });

    const ticket = write.ticket.get({
      hallId: hall.id,
      serviceId: service.id,
      day,
      sequence,
      number: ticketNumber(service.code, sequence),
      priority: req.priority,
      lang: req.lang,
      issuedAt: now,
      estimatedWaitS: estimateMs == null ? null : Math.round(estimateMs / 1000),
      trackingCode: newTrackingCode(),
      deviceId: actor.deviceId ?? null,
      userId: actor.userId ?? null,
      slotAt: req.appointment?.slotAt ?? null,
      appointmentId: req.appointment?.id ?? null,
    })!;

    write.event.run({
      hallId: hall.id,
      ticketId: ticket.id,
      at: now,
      serviceId: service.id,
      userId: actor.userId ?? null,
      deviceId: actor.deviceId ?? null,
      details: { priority: req.priority, estimatedWaitS: ticket.estimatedWaitS },
    });

    if (req.idempotencyKey) {
      write.key.run({ hallId: hall.id, scope, key: req.idempotencyKey, ticketId: ticket.id, createdAt: now });
    }
    const printer = actor.deviceId == null ? undefined : prepared.kioskPrinter.get({ kioskId: actor.deviceId });
    const printJob = printer && write.printJob.get({ hallId: hall.id, printerId: printer.id, ticketId: ticket.id, at: now });
    if (memo) {
      const { id, serviceId, priority, issuedAt, targetCounterId } = ticket;
      carryReading(conn, memo, hall.id, reading, { id, serviceId, priority, issuedAt, targetCounterId, slotAt: ticket.slotAt });
    }
    effects.push({ kind: 'ticket', ticketId: ticket.id, waitMs: estimateMs }, { kind: 'waiting' });
    return { value: { ticket, created: true, forecast: knownWait(ticket.id, estimateMs, reading), printJob }, effects };
  });
}

/** A booking checking in is a ticket from now on, no longer one still to come. */
function withoutBooking(reading: HallReading, appointment: IssueRequest['appointment']): HallReading {
  if (!appointment) return reading;
  const id = bookingTicketId(appointment.id);
  return { ...reading, bookings: reading.bookings.filter((b) => b.id !== id) };
}
