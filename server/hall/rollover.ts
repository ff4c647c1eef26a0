import { and, eq, lt } from 'drizzle-orm';
import type { Connection } from '../../db/connection.js';
import { halls, idempotencyKeys, ticketContacts, ticketEvents, tickets } from '../../db/schema.js';
import { businessDay } from '../engine/clock.js';
import { ticketsToCloseAtRollover } from '../engine/numbering.js';
import type { Actor, Effect } from './effects.js';
import type { HallRow } from './state.js';

const KEEP_KEYS_MS = 2 * 24 * 3600_000;

/**
 * Moves the hall into the business day of `now` if it is still in an earlier one: tickets left
 * waiting from a closed day are cancelled (unless the hall carries them over). History stays.
 * Call inside a transaction.
 */
export function rollOver(conn: Connection, hall: HallRow, now: number, actor: Actor = {}): Effect[] {
  const today = businessDay(now, hall.timeZone);
  if (hall.currentDay === today) return [];
  const { db } = conn;
  const stale = db
    .select({ id: tickets.id, status: tickets.status, day: tickets.day, serviceId: tickets.serviceId })
    .from(tickets)
    .where(and(eq(tickets.hallId, hall.id), eq(tickets.status, 'waiting'), lt(tickets.day, today)))
    .all();
  const effects: Effect[] = [];
  for (const t of ticketsToCloseAtRollover(stale, today, hall.settings.carryOverWaiting)) {
    db.update(tickets).set({ status: 'cancelled', endedAt: now }).where(eq(tickets.id, t.id)).run();
    db.insert(ticketEvents)
      .values({
        hallId: hall.id,
        ticketId: t.id,
        type: 'cancel',
        fromStatus: 'waiting',
        toStatus: 'cancelled',
        at: now,
        serviceId: t.serviceId,
        userId: actor.userId ?? null,
        deviceId: actor.deviceId ?? null,
        details: { reason: 'day_closed', day: t.day },
      })
      .run();
    effects.push({ kind: 'ticket', ticketId: t.id });
  }
  // A retried tap comes within seconds; two days of keys is ample.
  db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.hallId, hall.id), lt(idempotencyKeys.createdAt, now - KEEP_KEYS_MS))).run();
  // Phone numbers for the notification hook live one business day at most.
  db.delete(ticketContacts).where(eq(ticketContacts.hallId, hall.id)).run();
  db.update(halls).set({ currentDay: today }).where(eq(halls.id, hall.id)).run();
  hall.currentDay = today;
  if (effects.length) effects.push({ kind: 'waiting' });
  return effects;
}
