import { and, count, eq } from 'drizzle-orm';
import type { Connection } from '../../db/connection.js';
import { counterServices, counters, type HallAppointmentSettings, type OpeningHours } from '../../db/schema.js';
import { zoneOffsetMinutes } from '../engine/clock.js';
import { HALL_SETTING_DEFAULTS } from '../protocol/admin.js';
import type { HallRow, ServiceRow } from './state.js';

// The appointments' settings with their defaults, and a service's bookable slots on one day.

export const hallAppointmentSettings = (hall: HallRow): HallAppointmentSettings => ({ ...HALL_SETTING_DEFAULTS.appointments, ...hall.settings.appointments });

export interface ServiceBooking {
  slotMinutes: number;
  perSlot: number;
  hours: OpeningHours;
  /** Bookings that may start in one clock hour: the hall's share of the service's counter-minutes. */
  perHour: number;
}

/** Active counters that serve the service. */
function countersServing({ db }: Connection, serviceId: number): number {
  const where = and(eq(counterServices.serviceId, serviceId), eq(counters.active, true));
  return db.select({ n: count() }).from(counterServices).innerJoin(counters, eq(counters.id, counterServices.counterId)).where(where).get()?.n ?? 0;
}

/** How the service takes bookings, or null when it takes none. */
export function serviceBooking(conn: Connection, hall: HallRow, service: ServiceRow): ServiceBooking | null {
  const own = service.appointments;
  if (!own?.enabled || !service.active) return null;
  const staffed = countersServing(conn, service.id);
  const slotMinutes = own.slotMinutes ?? Math.max(1, Math.round(service.avgServiceS / 60));
  const perHour = Math.floor((hallAppointmentSettings(hall).maxBookableShare * staffed * 60) / slotMinutes);
  return { slotMinutes, perSlot: own.perSlot ?? staffed, hours: own.hours ?? service.hours ?? hall.openingHours, perHour };
}

/** The instant a local wall-clock minute of `day` (`YYYY-MM-DD`) falls on in the zone. */
export function localInstant(day: string, minuteOfDay: number, timeZone: string): number {
  const wall = Date.parse(`${day}T00:00:00Z`) + minuteOfDay * 60_000;
  const guess = wall - zoneOffsetMinutes(wall, timeZone) * 60_000;
  return wall - zoneOffsetMinutes(guess, timeZone) * 60_000;
}

/** The starts (local minutes) of the day's slots: each fits whole inside one interval of the hours. */
export function slotMinutesOfDay(booking: ServiceBooking, day: string): number[] {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  const out: number[] = [];
  for (const [open, close] of booking.hours[String(weekday)] ?? []) {
    for (let m = open; m + booking.slotMinutes <= close; m += booking.slotMinutes) out.push(m);
  }
  return out;
}
