import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { inTransaction, type Connection } from '../../db/connection.js';
import { services, ticketContacts, tickets } from '../../db/schema.js';
import { HallError } from './errors.js';
import { countAhead } from './views.js';
import { notifySettings } from './phone-settings.js';
import { statements } from './prepared.js';
import { getHall } from './state.js';
import { namesOf } from './names.js';
import { pick, type Lang } from '../../ui-kit/i18n.js';

// The notification hook: a citizen may leave a phone number so that an SMS or WhatsApp gateway
// (the hall's webhook) tells them when their turn comes near. The number is kept only for that:
// it goes when the ticket ends, and at the end of the business day whatever happens.

const ARABIC_INDIC = /[٠-٩]/g;
const EASTERN_ARABIC = /[۰-۹]/g;

/** Arabic-Indic and Eastern Arabic digits as Latin ones (a phone may type either). */
export const latinDigits = (s: string) =>
  s.replace(ARABIC_INDIC, (d) => String(d.charCodeAt(0) - 0x660)).replace(EASTERN_ARABIC, (d) => String(d.charCodeAt(0) - 0x6f0));

/** `+963 944-123 456`, `00963944123456`, `٠٩٤٤١٢٣٤٥٦` → `+963944123456`, `0944123456`; null when not a number. */
export function normalizePhone(input: string): string | null {
  let phone = latinDigits(input).replace(/[\s\-().]/g, '');
  if (phone.startsWith('00')) phone = '+' + phone.slice(2);
  return /^\+?[0-9]{8,15}$/.test(phone) ? phone : null;
}

/** A ticket takes this many numbers at most: each new one could otherwise mean a new message. */
export const MAX_NUMBERS_PER_TICKET = 3;

/**
 * Keeps the citizen's number for this waiting ticket (replacing an earlier one). A ticket is told
 * once: after that, and after MAX_NUMBERS_PER_TICKET numbers, a new number is refused.
 */
export function savePhone(conn: Connection, now: number, ticketId: number, input: string): void {
  const phone = normalizePhone(input);
  if (!phone) throw new HallError('invalid_request', 'phone: not a phone number (8 to 15 digits, optionally with a leading +)');
  inTransaction(conn, () => {
    const t = conn.db.select().from(tickets).where(eq(tickets.id, ticketId)).get();
    if (!t || t.status !== 'waiting') throw new HallError('invalid_transition', 'a phone number is taken only while the ticket waits');
    if (!notifySettings(getHall(conn, t.hallId)).enabled) throw new HallError('not_found', 'this hall sends no messages');
    const known = conn.db.select().from(ticketContacts).where(eq(ticketContacts.ticketId, ticketId)).get();
    if (!known) {
      conn.db.insert(ticketContacts).values({ ticketId, hallId: t.hallId, phone, createdAt: now }).run();
      return;
    }
    if (known.phone === phone) return;
    if (known.notifiedAt !== null) throw new HallError('already_notified', 'this ticket has had its message; it takes no other number');
    if (known.numbersSaved >= MAX_NUMBERS_PER_TICKET) {
      throw new HallError('too_many_changes', `a ticket takes at most ${MAX_NUMBERS_PER_TICKET} phone numbers`);
    }
    conn.db
      .update(ticketContacts)
      .set({ phone, numbersSaved: known.numbersSaved + 1, createdAt: now })
      .where(eq(ticketContacts.ticketId, ticketId))
      .run();
  });
}

/** The number goes; the row stays until the ticket ends, so that taking a number back and giving another counts. */
export function forgetPhone(conn: Connection, ticketId: number): void {
  conn.db.update(ticketContacts).set({ phone: null }).where(eq(ticketContacts.ticketId, ticketId)).run();
}

/** Deletes the numbers of these tickets that have ended. */
export function forgetEnded(conn: Connection, ticketIds: number[]): void {
  if (ticketIds.length === 0) return;
  // A read first: most tickets have no number, and this runs after every change (for one
  // ticket, the usual case, from a prepared statement).
  const ended =
    ticketIds.length === 1
      ? statements(conn).contacts.endedOne.all({ ticketId: ticketIds[0]! })
      : conn.db
          .select({ id: ticketContacts.ticketId })
          .from(ticketContacts)
          .innerJoin(tickets, eq(tickets.id, ticketContacts.ticketId))
          .where(and(inArray(ticketContacts.ticketId, ticketIds), inArray(tickets.status, ['done', 'no_show', 'cancelled'])))
          .all();
  if (ended.length === 0) return;
  conn.db.delete(ticketContacts).where(inArray(ticketContacts.ticketId, ended.map((r) => r.id))).run();
}

/** What the webhook receives. The phone number leaves the hall only here. */
export interface NotifyMessage {
  ticketNumber: string;
  position: number;
  phone: string;
  serviceName: string;
  hallName: string;
  trackingUrl: string;
  lang: Lang;
}

/**
 * Waiting tickets with a number, not told yet, now at the hall's position or closer: each is
 * marked told (once per ticket) and answered as a message to send. `base`: where phones reach
 * the hall (as in the ticket's QR code).
 */
export function claimDueMessages(conn: Connection, hallId: number, now: number, base: string): NotifyMessage[] {
  return inTransaction(conn, () => {
    const hall = getHall(conn, hallId);
    const settings = notifySettings(hall);
    if (!settings.enabled) return [];
    const rows = conn.db
      .select({ ticket: tickets, phone: ticketContacts.phone, nameAr: services.nameAr, nameEn: services.nameEn, nameFr: services.nameFr })
      .from(ticketContacts)
      .innerJoin(tickets, eq(tickets.id, ticketContacts.ticketId))
      .innerJoin(services, eq(services.id, tickets.serviceId))
      .where(and(eq(ticketContacts.hallId, hallId), isNull(ticketContacts.notifiedAt), isNotNull(ticketContacts.phone), eq(tickets.status, 'waiting')))
      .all();
    const out: NotifyMessage[] = [];
    for (const r of rows) {
      const position = countAhead(conn, r.ticket) + 1;
      if (position > settings.position) continue;
      conn.db.update(ticketContacts).set({ notifiedAt: now }).where(eq(ticketContacts.ticketId, r.ticket.id)).run();
      out.push({
        ticketNumber: r.ticket.number,
        position,
        phone: r.phone!,
        serviceName: pick(namesOf(r), r.ticket.lang),
        hallName: pick(namesOf(hall), r.ticket.lang),
        trackingUrl: `${base}/t/${r.ticket.trackingCode}`,
        lang: r.ticket.lang,
      });
    }
    return out;
  });
}

/** Does any ticket of the hall wait for a message? (Most halls, most of the time: no.) */
export function hasPendingContacts(conn: Connection, hallId: number): boolean {
  return statements(conn).contacts.pending.get({ hallId }) !== undefined;
}
