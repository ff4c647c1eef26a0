import { and, eq, sql } from 'drizzle-orm';
import { inTransaction, type Connection } from '../../db/connection.js';
import { dailySequences, idempotencyKeys, ticketEvents, tickets } from '../../db/schema.js';
import { businessDay } from '../engine/clock.js';
import { CLOSED_REASON_TEXT } from '../engine/hours.js';
import { ticketNumber } from '../engine/numbering.js';
import { newTrackingCode } from '../security.js';
import { availabilityNow } from './availability.js';
import type { Actor, Effect, Outcome } from './effects.js';
import { HallError } from './errors.js';
import { rollOver } from './rollover.js';
import { getHall, getService, type TicketRow } from './state.js';
import { knownWait, newTicketEstimator, type Forecast } from './views.js';

export interface IssueRequest {
  hallId: number;
  serviceId: number;
  priority: boolean;
  lang: 'ar' | 'en';
  /** The client's Idempotency-Key, scoped to the device or user that sent it. */
  idempotencyKey?: string;
}

export interface Issued {
  ticket: TicketRow;
  /** False when the idempotency key had already issued this ticket. */
  created: boolean;
  /** A new ticket's estimate as its views read it, so that they need no second forecast. */
  forecast?: Forecast;
}

/** One tap at the kiosk: a numbered ticket, its first event, in one transaction. */
export function issueTicket(conn: Connection, now: number, req: IssueRequest, actor: Actor): Outcome<Issued> {
  const scope = actor.deviceId ? `device:${actor.deviceId}` : `user:${actor.userId ?? 0}`;
  return inTransaction(conn, () => {
    const { db } = conn;
    if (req.idempotencyKey) {
      const seen = db
        .select({ ticket: tickets })
        .from(idempotencyKeys)
        .innerJoin(tickets, eq(tickets.id, idempotencyKeys.ticketId))
        .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, req.idempotencyKey)))
        .get();
      if (seen) {
        if (seen.ticket.serviceId !== req.serviceId || seen.ticket.priority !== req.priority) {
          throw new HallError('conflict', 'Idempotency-Key was already used for a different ticket request');
        }
        return { value: { ticket: seen.ticket, created: false }, effects: [] };
      }
    }

    const hall = getHall(conn, req.hallId);
    const service = getService(conn, req.hallId, req.serviceId);
    if (!service.active) throw new HallError('invalid_request', `serviceId ${service.id} is not active`);
    const availability = availabilityNow(conn, hall, now)(service);
    if (!availability.open) {
      const why = CLOSED_REASON_TEXT[availability.reason];
      throw new HallError('service_closed', `service ${service.code} is closed: ${why.en} (${why.ar})`);
    }

    const effects: Effect[] = rollOver(conn, hall, now, actor);
    const day = businessDay(now, hall.timeZone);
    const { last: sequence } = db
      .insert(dailySequences)
      .values({ hallId: hall.id, serviceId: service.id, day, last: 1 })
      .onConflictDoUpdate({
        target: [dailySequences.hallId, dailySequences.serviceId, dailySequences.day],
        set: { last: sql`${dailySequences.last} + 1` },
      })
      .returning({ last: dailySequences.last })
      .get();

    const estimateMs = newTicketEstimator(conn, hall, now)({ serviceId: service.id, priority: req.priority });

    const ticket = db
      .insert(tickets)
      .values({
        hallId: hall.id,
        serviceId: service.id,
        day,
        sequence,
        number: ticketNumber(service.code, sequence),
        status: 'waiting',
        priority: req.priority,
        lang: req.lang,
        issuedAt: now,
        estimatedWaitS: estimateMs == null ? null : Math.round(estimateMs / 1000),
        trackingCode: newTrackingCode(),
        deviceId: actor.deviceId ?? null,
        userId: actor.userId ?? null,
      })
      .returning()
      .get();

    db.insert(ticketEvents)
      .values({
        hallId: hall.id,
        ticketId: ticket.id,
        type: 'issue',
        toStatus: 'waiting',
        at: now,
        serviceId: service.id,
        userId: actor.userId ?? null,
        deviceId: actor.deviceId ?? null,
        details: { priority: req.priority, estimatedWaitS: ticket.estimatedWaitS },
      })
      .run();

    if (req.idempotencyKey) {
      db.insert(idempotencyKeys)
        .values({ hallId: hall.id, scope, key: req.idempotencyKey, ticketId: ticket.id, createdAt: now })
        .run();
    }
    effects.push({ kind: 'ticket', ticketId: ticket.id, waitMs: estimateMs }, { kind: 'waiting' });
    return { value: { ticket, created: true, forecast: knownWait(ticket.id, estimateMs) }, effects };
  });
}
