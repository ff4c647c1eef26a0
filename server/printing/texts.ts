// What a ticket says, in its language and the hall's digits: the words of the kiosk's screen and
// the phone page (ui-kit/phrases.ts); the ticket number is written as on every screen
// (formatTicketNumber).

import { formatDates, formatTicketNumber, formatTime, type Digits, type HijriCalendar, type Lang } from '../../ui-kit/i18n.js';
import { appointmentTag, PHRASES, peopleAhead, waitLine, waitLineText, type NotStarted } from '../../ui-kit/phrases.js';

export type { Digits, Lang };

/** Everything a printed ticket shows, read from the database once. */
export interface TicketFacts {
  lang: Lang;
  digits: Digits;
  timeZone: string;
  hijriCalendar: HijriCalendar;
  hallName: string;
  serviceName: string;
  number: string;
  priority: boolean;
  /** A checked-in appointment's slot (epoch ms); null for a walk-in. */
  appointmentAt: number | null;
  /** Epoch ms. */
  issuedAt: number;
  ahead: number;
  estimatedWaitMinutes: number | null;
  /** The range given at issue (the kiosk's screen shows the same). */
  estimatedWaitRange?: { low: number; high: number };
  /** No counter serves the service now. */
  notStarted: NotStarted | null;
  /** The citizen's phone page, in the QR code and written under it. */
  trackingUrl: string;
  /** The service's papers, in the ticket's language; empty when none or the hall prints none. */
  whatToBring: string[];
  footer: string;
}

export interface TicketTexts {
  hall: string;
  service: string;
  numberLabel: string;
  number: string;
  priority: string | null;
  appointment: string | null;
  ahead: string;
  wait: string | null;
  date: string;
  hijri: string;
  time: string;
  scan: string;
  /** Under the QR code, for a phone that cannot scan: the words, then the address in two lines. */
  typeIt: string;
  address: [string, string];
  whatToBring: string | null;
  footer: string;
}

export function ticketTexts(f: TicketFacts): TicketTexts {
  const { gregorian: date, hijri, time } = formatDates(new Date(f.issuedAt), f.lang, f.timeZone, f.digits, f.hijriCalendar);
  const wait = waitLine(f, f.lang, f.digits);
  const cut = f.trackingUrl.lastIndexOf('/') + 1;
  return {
    hall: f.hallName,
    service: f.serviceName,
    numberLabel: PHRASES.yourNumber[f.lang],
    number: formatTicketNumber(f.number, f.digits),
    priority: f.priority ? PHRASES.priorityTag[f.lang] : null,
    appointment: f.appointmentAt == null ? null : appointmentTag(formatTime(new Date(f.appointmentAt), f.lang, f.timeZone, f.digits), f.lang),
    ahead: peopleAhead(f.ahead, f.lang, f.digits),
    wait: wait && waitLineText(wait, f.lang),
    date,
    hijri,
    time,
    scan: PHRASES.scanToFollow[f.lang],
    typeIt: PHRASES.typeAddress[f.lang],
    address: [f.trackingUrl.slice(0, cut), f.trackingUrl.slice(cut)],
    whatToBring: f.whatToBring.length > 0 ? PHRASES.whatToBring[f.lang] : null,
    footer: f.footer,
  };
}
