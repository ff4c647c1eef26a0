import { networkInterfaces } from 'node:os';
import type { Connection } from '../../db/connection.js';
import { statements } from '../hall/prepared.js';
import { getHall } from '../hall/state.js';
import { hijriCalendarOf } from '../protocol/admin.js';
import type { Ticket } from '../protocol/schemas.js';
import type { TicketFacts } from './texts.js';
import { namesOf, papersOf } from '../hall/names.js';
import { pick } from '../../ui-kit/i18n.js';

// What a ticket prints, from the database and the ticket's view (the same `ahead` and estimate
// the kiosk's screen shows).

export function ticketFacts(conn: Connection, hallId: number, ticket: Ticket, publicBase: string): TicketFacts {
  const hall = getHall(conn, hallId);
  const service = statements(conn).service.get({ id: ticket.serviceId, hallId });
  const lang = ticket.lang;
  return {
    lang,
    digits: hall.settings.digits,
    timeZone: hall.timeZone,
    hijriCalendar: hijriCalendarOf(hall.settings),
    hallName: pick(namesOf(hall), lang),
    serviceName: service ? pick(namesOf(service), lang) : '',
    number: ticket.number,
    priority: ticket.priority,
    appointmentAt: ticket.appointment ? Date.parse(ticket.appointment.start) : null,
    issuedAt: Date.parse(ticket.issuedAt),
    ahead: ticket.ahead,
    estimatedWaitMinutes: ticket.estimatedWaitMinutes,
    estimatedWaitRange: ticket.estimatedWaitRange,
    notStarted: ticket.notStarted,
    trackingUrl: `${publicBase.replace(/\/+$/, '')}/t/${ticket.trackingCode}`,
    whatToBring: service && (hall.settings.printWhatToBring ?? true) ? pick(papersOf(service), lang) : [],
    footer: hall.settings.ticketFooter ? pick(hall.settings.ticketFooter, lang) : '',
  };
}

/** The printer a kiosk's tickets print on, if it has an active one. */
export function kioskPrinter(conn: Connection, kioskId: number) {
  return statements(conn).kioskPrinter.get({ kioskId });
}

const LAN_ADDRESS_FOR_MS = 60_000;
let lan: { address: string; until: number } | undefined;

/** The first IPv4 address of this machine on a network, for phones in the hall to reach (looked up once a minute). */
export function lanAddress(): string {
  const now = Date.now();
  if (!lan || now >= lan.until) lan = { address: firstIPv4() ?? 'localhost', until: now + LAN_ADDRESS_FOR_MS };
  return lan.address;
}

function firstIPv4(): string | undefined {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const a of addresses ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return undefined;
}

/**
 * The address printed in a ticket's QR code: the hall setting `publicUrl` when an admin set one
 * (a name behind a reverse proxy, say), else this server on the hall's network.
 */
export function publicBase(conn: Connection, hallId: number, port: number): string {
  const configured = getHall(conn, hallId).settings.publicUrl;
  return configured ? configured.replace(/\/+$/, '') : `http://${lanAddress()}:${port}`;
}
