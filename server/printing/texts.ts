// What a ticket says, in its language and the hall's digits: the same rules as the kiosk's
// screen (the letter of a ticket number stays Latin, its digits follow the hall's setting).

export type Lang = 'ar' | 'en';
export type Digits = 'arab' | 'latn';

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

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';

function locale(lang: Lang, digits: Digits, calendar?: string): string {
  const base = lang === 'ar' ? `ar-SY` : 'en-GB';
  const nu = lang === 'ar' ? digits : 'latn';
  return `${base}-u-${calendar ? `ca-${calendar}-` : ''}nu-${nu}`;
}

export function formatNumber(n: number, lang: Lang, digits: Digits): string {
  return new Intl.NumberFormat(locale(lang, digits), { useGrouping: false }).format(n);
}

export function formatTicketNumber(number: string, lang: Lang, digits: Digits): string {
  if (lang !== 'ar' || digits !== 'arab') return number;
  return number.replace(/\d/g, (d) => ARABIC_INDIC[Number(d)]!);
}

/** Arabic counted nouns: 1 and 2 have their own forms, 3–10 take the plural, 11+ the singular. */
function arabicCount(n: number, digits: Digits, forms: { one: string; two: string; few: string; many: string }): string {
  if (n === 1) return forms.one;
  if (n === 2) return forms.two;
  const num = formatNumber(n, 'ar', digits);
  return n >= 3 && n <= 10 ? `${num} ${forms.few}` : `${num} ${forms.many}`;
}

function dates(f: TicketFacts) {
  const at = new Date(f.issuedAt);
  const tz = f.timeZone;
  return {
    date: new Intl.DateTimeFormat(locale(f.lang, f.digits), { timeZone: tz, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(at),
    hijri: new Intl.DateTimeFormat(locale(f.lang, f.digits, 'islamic-umalqura'), { timeZone: tz, day: 'numeric', month: 'long', year: 'numeric' }).format(at),
    time: new Intl.DateTimeFormat(locale(f.lang, f.digits), { timeZone: tz, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at),
  };
}

export function ticketTexts(f: TicketFacts): TicketTexts {
  const number = formatTicketNumber(f.number, f.lang, f.digits);
  const wait = f.estimatedWaitMinutes;
  if (f.lang === 'ar') {
    const people = { one: 'شخص واحد', two: 'شخصان', few: 'أشخاص', many: 'شخصًا' };
    const minutes = { one: 'دقيقة واحدة', two: 'دقيقتان', few: 'دقائق', many: 'دقيقة' };
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
