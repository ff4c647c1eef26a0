// What a ticket says, in its language and the hall's digits: the same rules as the kiosk's
// screen (the ticket number is written as on every screen: formatTicketNumber).

import { arabicCount, formatDates, formatTicketNumber, type Digits, type Lang } from '../../ui-kit/i18n.js';

export type { Digits, Lang };

/** Everything a printed ticket shows, read from the database once. */
export interface TicketFacts {
  lang: Lang;
  digits: Digits;
  timeZone: string;
  hallName: string;
  serviceName: string;
  number: string;
  priority: boolean;
  /** Epoch ms. */
  issuedAt: number;
  ahead: number;
  estimatedWaitMinutes: number | null;
  /** The citizen's phone page, in the QR code. */
  trackingUrl: string;
  footer: string;
}

export interface TicketTexts {
  hall: string;
  service: string;
  numberLabel: string;
  number: string;
  priority: string | null;
  ahead: string;
  wait: string;
  date: string;
  hijri: string;
  time: string;
  scan: string;
  footer: string;
}

function dates(f: TicketFacts) {
  const { gregorian: date, hijri, time } = formatDates(new Date(f.issuedAt), f.lang, f.timeZone, f.digits);
  return { date, hijri, time };
}

/** The words of a ticket that depend on its language. */
function words(f: TicketFacts): Pick<TicketTexts, 'numberLabel' | 'priority' | 'ahead' | 'wait' | 'scan'> {
  const wait = f.estimatedWaitMinutes;
  if (f.lang === 'ar') {
    const people = { one: 'شخص واحد', two: 'شخصان', few: 'أشخاص', many: 'شخصًا', other: 'شخص' };
    // After «نحو»: genitive, «نحو دقيقتين».
    const minutes = { one: 'دقيقة واحدة', two: 'دقيقتين', few: 'دقائق', many: 'دقيقة', other: 'دقيقة' };
    return {
      numberLabel: 'رقم دورك',
      priority: f.priority ? 'دور ذو أولوية' : null,
      ahead: f.ahead === 0 ? 'لا أحد قبلك' : `قبلك: ${arabicCount(f.ahead, f.digits, people)}`,
      wait: wait == null ? 'الانتظار المتوقع: غير معروف بعد' : wait === 0 ? 'الانتظار المتوقع: أقل من دقيقة' : `الانتظار المتوقع: نحو ${arabicCount(wait, f.digits, minutes)}`,
      scan: 'امسح الرمز لتتابع دورك على هاتفك',
    };
  }
  return {
    numberLabel: 'Your number',
    priority: f.priority ? 'Priority ticket' : null,
    ahead: f.ahead === 0 ? 'Nobody is ahead of you' : `People ahead of you: ${f.ahead}`,
    wait: wait == null ? 'Estimated wait: not known yet' : wait === 0 ? 'Estimated wait: under a minute' : `Estimated wait: about ${wait} min`,
    scan: 'Scan to follow your turn on your phone',
  };
}

export function ticketTexts(f: TicketFacts): TicketTexts {
  const w = words(f);
  return {
    hall: f.hallName,
    service: f.serviceName,
    numberLabel: w.numberLabel,
    number: formatTicketNumber(f.number, f.digits),
    priority: w.priority,
    ahead: w.ahead,
    wait: w.wait,
    ...dates(f),
    scan: w.scan,
    footer: f.footer,
  };
}
