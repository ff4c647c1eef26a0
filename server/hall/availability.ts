import { and, eq } from 'drizzle-orm';
import type { Connection } from '../../db/connection.js';
import { dailySequences } from '../../db/schema.js';
import { businessDay, localMinuteOfDay, localWeekday } from '../engine/clock.js';
import { isWithinHours, serviceAvailability, type Availability } from '../engine/hours.js';
import { closureOn } from './closures.js';
import type { HallRow, ServiceRow } from './state.js';

// Reads what the engine's hours check needs: the hall's settings, the local time, and how many
// tickets each service issued today (the day's last sequence number).

export const DEFAULT_KIOSK_RETURN_SECONDS = 20;

const enforcesHours = (hall: HallRow) => hall.settings.enforceHours ?? true;

/** Does the hall take tickets now, as far as its own opening hours go? */
export function hallOpenNow(hall: HallRow, now: number): boolean {
  if (!enforcesHours(hall)) return true;
  return isWithinHours(hall.openingHours, localWeekday(now, hall.timeZone), localMinuteOfDay(now, hall.timeZone));
}

/** Whether each service takes tickets now; today's counts are read once, on the first call.
 *  On a day the whole hall is closed (`closures.ts`) every service is closed today. */
export function availabilityNow(conn: Connection, hall: HallRow, now: number): (s: ServiceRow) => Availability {
  const weekday = localWeekday(now, hall.timeZone);
  const minuteOfDay = localMinuteOfDay(now, hall.timeZone);
  const today = businessDay(now, hall.timeZone);
  let issued: Map<number, number> | undefined;
  const hallClosed = closureOn(conn, hall.id, today) !== null;
  return (s) =>
    serviceAvailability({
      hours: s.hours ?? hall.openingHours,
      enforceHours: enforcesHours(hall),
      weekday,
      minuteOfDay,
      dailyLimit: s.dailyLimit,
      // Read only for a service with a daily limit: the only one it matters to.
      issuedToday: s.dailyLimit == null ? 0 : ((issued ??= issuedToday(conn, hall, now)).get(s.id) ?? 0),
      closedToday: hallClosed || s.closedOnDay === today,
    });
}

/** serviceId → tickets issued in the hall's current business day. */
function issuedToday({ db }: Connection, hall: HallRow, now: number): Map<number, number> {
  const rows = db
    .select({ serviceId: dailySequences.serviceId, last: dailySequences.last })
    .from(dailySequences)
    .where(and(eq(dailySequences.hallId, hall.id), eq(dailySequences.day, businessDay(now, hall.timeZone))))
    .all();
  return new Map(rows.map((r) => [r.serviceId, r.last]));
}
