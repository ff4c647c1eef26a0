import { formatDates, formatNumber, localeOf, type Digits, type HijriCalendar, type Lang } from '../../../ui-kit/i18n.js';

// Numbers, durations and days as the reports page writes them, in the hall's digits.

export interface Fmt {
  lang: Lang;
  digits: Digits;
}

/** Digits of a string in the hall's style (Arabic-Indic in Arabic unless the hall says Latin). */
export const inDigits = (text: string, { lang, digits }: Fmt) =>
  lang === 'ar' && digits === 'arab' ? text.replace(/[0-9]/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]!) : text;

/** The locale that writes numbers and dates in the hall's digits. */
const locale = (f: Fmt) => localeOf(f.lang, f.digits);

export const num = (n: number | null, f: Fmt) => (n === null ? '—' : formatNumber(n, f.lang, f.digits));

export function percent(n: number | null, f: Fmt): string {
  if (n === null) return '—';
  const text = new Intl.NumberFormat(locale(f), { maximumFractionDigits: 1 }).format(n);
  return text + { ar: '٪', en: '%', fr: '\u00a0%' }[f.lang];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Seconds as m:ss, or h:mm:ss from an hour up. */
export function duration(s: number | null, f: Fmt): string {
  if (s === null) return '—';
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const text = h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
  return inDigits(text, f);
}

export function rating(r: number | null, f: Fmt): string {
  if (r === null) return '—';
  return new Intl.NumberFormat(locale(f), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(r);
}

export { addDays, localDay } from '../../../ui-kit/days.js';

/** A local day as the hall reads it, e.g. «الأحد، ٨ آذار ٢٠٢٦». */
export function longDay(day: string, f: Fmt): string {
  return new Intl.DateTimeFormat(locale(f), { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(`${day}T12:00:00Z`),
  );
}

/** The same day in the hall's Hijri calendar. */
export const hijriDay = (day: string, f: Fmt, calendar?: HijriCalendar) =>
  formatDates(new Date(`${day}T12:00:00Z`), f.lang, 'UTC', f.digits, calendar).hijri;

export const weekdayName = (weekday: number, f: Fmt) =>
  new Intl.DateTimeFormat(locale(f), { timeZone: 'UTC', weekday: 'long' }).format(
    new Date(Date.UTC(2026, 2, 1 + weekday)), // 1 March 2026 was a Sunday
  );
