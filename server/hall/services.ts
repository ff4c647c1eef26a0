import { eq } from 'drizzle-orm';
import { inTransaction, type Connection } from '../../db/connection.js';
import { services } from '../../db/schema.js';
import { businessDay } from '../engine/clock.js';
import { cancelDayBookings, type AppointmentMessage } from './appointments-sweep.js';
import type { Effect, Outcome } from './effects.js';
import { getActiveService, getHall, type ServiceRow } from './state.js';

/**
 * A supervisor closes a service for the rest of the business day (it takes no new tickets; those
 * waiting are still served; the day's bookings not checked in are cancelled), or reopens it. The
 * next business day it is open again by itself. `notices`: what to tell those who booked.
 */
export function closeServiceToday(
  conn: Connection,
  now: number,
  hallId: number,
  serviceId: number,
  closed: boolean,
  base: string,
): Outcome<ServiceRow> & { notices: AppointmentMessage[] } {
  return inTransaction(conn, () => {
    const hall = getHall(conn, hallId);
    getActiveService(conn, hallId, serviceId);
    const closedOnDay = closed ? businessDay(now, hall.timeZone) : null;
    const row = conn.db.update(services).set({ closedOnDay }).where(eq(services.id, serviceId)).returning().get()!;
    const notices = closedOnDay ? cancelDayBookings(conn, hall, serviceId, closedOnDay, now, base) : [];
    // Displays and staff hear the counts again; kiosks read the menu on their next refresh.
    const effects: Effect[] = [{ kind: 'waiting' }];
    return { value: row, effects, notices };
  });
}
