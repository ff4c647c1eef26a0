import { and, count, eq } from 'drizzle-orm';
import { inTransaction, type Connection } from '../../db/connection.js';
import { idempotencyKeys, tickets } from '../../db/schema.js';
import { businessDay } from '../engine/clock.js';
import { CLOSED_REASON_TEXT, type Availability, type ClosedReason } from '../engine/hours.js';
import type * as P from '../protocol/schemas.js';
import { availabilityNow, hallOpenNow } from './availability.js';
import { closureToday, hallClosedText, refuseIfClosed } from './closures.js';
import type { Outcome } from './effects.js';
import { HallError } from './errors.js';
import { issueTicket, type Issued } from './issue-ticket.js';
import { remoteJoinSettings } from './phone-settings.js';
import { getHall, getService, type HallRow, type ServiceRow } from './state.js';
import { serviceList } from './views.js';
import type { Lang } from '../../ui-kit/i18n.js';

// A ticket taken on a phone after scanning the QR code at the entrance (a hall setting, off by
// default). Only while the hall is really open: a hall that takes kiosk tickets at any hour (the
// demo) still gives phone tickets only within its hours, since the citizen must be there when
// called. Each service gives at most `dailyCapPerService` of them a day.

const CAP_REACHED = {
  ar: 'اكتملت أدوار الحجز بالهاتف لهذا اليوم. يمكنك أخذ دور من جهاز الأدوار في الصالة.',
  en: "Today's phone tickets are all taken. You can still take one at the ticket machine in the hall.",
};

function remoteIssuedToday(conn: Connection, hall: HallRow, serviceId: number, now: number): number {
  const day = businessDay(now, hall.timeZone);
  const where = and(eq(tickets.hallId, hall.id), eq(tickets.day, day), eq(tickets.serviceId, serviceId), eq(tickets.remote, true));
  return conn.db.select({ n: count() }).from(tickets).where(where).get()?.n ?? 0;
}

type RemoteAvailability = Availability | { open: false; reason: 'remote_cap' };

/** Whether each service gives a phone ticket now: hall and service hours (always enforced), daily limit, remote cap. */
function remoteAvailability(conn: Connection, hall: HallRow, now: number): (s: ServiceRow) => RemoteAvailability {
  const strictHall: HallRow = { ...hall, settings: { ...hall.settings, enforceHours: true } };
  const hallOpen = hallOpenNow(strictHall, now);
  const service = availabilityNow(conn, strictHall, now);
  const { dailyCapPerService } = remoteJoinSettings(hall);
  return (s) => {
    if (!hallOpen) return { open: false, reason: 'outside_hours' };
    const a = service(s);
    if (!a.open) return a;
    if (remoteIssuedToday(conn, hall, s.id, now) >= dailyCapPerService) return { open: false, reason: 'remote_cap' };
    return a;
  };
}

const closedText = (reason: ClosedReason | 'remote_cap'): P.ClosedReason =>
  reason === 'remote_cap' ? { code: 'daily_limit', ...CAP_REACHED } : { code: reason, ...CLOSED_REASON_TEXT[reason] };

function requireEnabled(hall: HallRow): void {
  if (!remoteJoinSettings(hall).enabled) throw new HallError('not_found', 'this hall does not give tickets on phones');
}

/** The menu of /join: active services, open when they give a phone ticket now. */
export function remoteServices(conn: Connection, hallId: number, now: number): P.Service[] {
  const hall = getHall(conn, hallId);
  requireEnabled(hall);
  const available = remoteAvailability(conn, hall, now);
  const closure = closureToday(conn, hall, now);
  return serviceList(conn, hallId, now).map((s) => {
    if (closure) return { ...s, open: false, closedReason: hallClosedText(closure) };
    const a = available(getService(conn, hallId, s.id));
    return a.open ? { ...s, open: true, closedReason: undefined } : { ...s, open: false, closedReason: closedText(a.reason) };
  });
}

export interface RemoteRequest {
  hallId: number;
  serviceId: number;
  lang: Lang;
  idempotencyKey?: string;
  /** Who sent the key: `ip:<addr>`. */
  idempotencyScope: string;
}

/** A normal ticket, flagged remote, in one transaction with the checks that allow it. */
export function issueRemoteTicket(conn: Connection, now: number, req: RemoteRequest): Outcome<Issued> {
  return inTransaction(conn, () => {
    const hall = getHall(conn, req.hallId);
    requireEnabled(hall);
    const service = getService(conn, hall.id, req.serviceId);
    // A retried request (same key) gets its ticket back, even once the cap is reached.
    if (!isReplay(conn, req)) {
      refuseIfClosed(conn, hall.id, businessDay(now, hall.timeZone));
      const a = remoteAvailability(conn, hall, now)(service);
      if (!a.open) {
        const why = closedText(a.reason);
        throw new HallError('service_closed', `service ${service.code} gives no phone ticket now: ${why.en} (${why.ar})`);
      }
    }
    const issued = issueTicket(conn, now, { ...req, priority: false }, {});
    if (!issued.value.created) return issued;
    const ticket = conn.db.update(tickets).set({ remote: true }).where(eq(tickets.id, issued.value.ticket.id)).returning().get()!;
    return { ...issued, value: { ...issued.value, ticket } };
  });
}

function isReplay(conn: Connection, req: RemoteRequest): boolean {
  if (!req.idempotencyKey) return false;
  const where = and(eq(idempotencyKeys.scope, req.idempotencyScope), eq(idempotencyKeys.key, req.idempotencyKey));
  return conn.db.select({ id: idempotencyKeys.ticketId }).from(idempotencyKeys).where(where).get() !== undefined;
}
