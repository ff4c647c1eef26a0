// What a ticket says, in its language and the hall's digits: the same rules as the kiosk's
// screen (the letter of a ticket number stays Latin, its digits follow the hall's setting).

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

export function ticketTexts(f: TicketFacts): TicketTexts {
  const number = formatTicketNumber(f.number, f.lang, f.digits);
  const wait = f.estimatedWaitMinutes;
  if (f.lang === 'ar') {
    const people = { one: 'شخص واحد', two: 'شخصان', few: 'أشخاص', many: 'شخصًا', other: 'شخص' };
    // After «نحو»: genitive, «نحو دقيقتين».
    const minutes = { one: 'دقيقة واحدة', two: 'دقيقتين', few: 'دقائق', many: 'دقيقة', other: 'دقيقة' };
    return {
      hall: f.hallName,
      service: f.serviceName,
      numberLabel: 'رقم دورك',
      number,
      priority: f.priority ? 'دور ذو أولوية' : null,
      ahead: f.ahead === 0 ? 'لا أحد قبلك' : `قبلك: ${arabicCount(f.ahead, f.digits, people)}`,
      wait: wait == null ? 'الانتظار المتوقع: غير معروف بعد' : wait === 0 ? 'الانتظار المتوقع: أقل من دقيقة' : `الانتظار المتوقع: نحو ${arabicCount(wait, f.digits, minutes)}`,
      ...dates(f),
      scan: 'امسح الرمز لتتابع دورك على هاتفك',
      footer: f.footer,
    };
  }
  return {
    hall: f.hallName,
    service: f.serviceName,
    numberLabel: 'Your number',
    number,
    priority: f.priority ? 'Priority ticket' : null,
    ahead: f.ahead === 0 ? 'Nobody is ahead of you' : `People ahead of you: ${f.ahead}`,
    wait: wait == null ? 'Estimated wait: not known yet' : wait === 0 ? 'Estimated wait: under a minute' : `Estimated wait: about ${wait} min`,
    ...dates(f),
    scan: 'Scan to follow your turn on your phone',
    footer: f.footer,
  };
}
