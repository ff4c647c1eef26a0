import { eq } from 'drizzle-orm';
import type { Connection } from '../../db/connection.js';
import { ratings, ticketContacts, tickets } from '../../db/schema.js';
import { businessDay } from '../engine/clock.js';
import { isFinal } from '../engine/tickets.js';
import { getHall, type TicketRow } from './state.js';

// What a tracking code opens. A code lives as long as its ticket matters: a finished ticket of an
// ended business day is gone (404), a waiting one carried over to the next day is not.

/** The ticket of `code`, or null: unknown, of another hall, or finished on an earlier day. */
export function findTracked(conn: Connection, code: string, now: number, hallId?: number): TicketRow | null {
  const ticket = conn.db.select().from(tickets).where(eq(tickets.trackingCode, code)).get();
  if (!ticket || (hallId !== undefined && ticket.hallId !== hallId)) return null;
  const hall = getHall(conn, ticket.hallId);
  if (isFinal(ticket.status) && ticket.day < businessDay(now, hall.timeZone)) return null;
  return ticket;
}

export function isRated(conn: Connection, ticketId: number): boolean {
  return conn.db.select({ id: ratings.id }).from(ratings).where(eq(ratings.ticketId, ticketId)).get() !== undefined;
}

export function hasContact(conn: Connection, ticketId: number): boolean {
  const row = conn.db.select({ phone: ticketContacts.phone }).from(ticketContacts).where(eq(ticketContacts.ticketId, ticketId)).get();
  return row?.phone != null;
}
