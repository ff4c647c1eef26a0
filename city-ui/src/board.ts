import { STALE_AFTER_MS, type BoardRow } from '../../server/protocol/city.js';
import { formatNumber, formatTime, localeOf, type Digits, type Lang } from '../../ui-kit/i18n.js';
import { minutes } from '../../clerk-ui/src/text.js';
import { localDay } from '../../ui-kit/days.js';
import { noContactSince, T } from './text.js';

// The board's rows as they are shown: a hall not heard from for a minute is stale, and then none
// of its figures is shown as current, whatever the last row said. Pure, so it is tested alone.

export interface Fmt {
  lang: Lang;
  digits: Digits;
  timeZone: string;
}

/** Stale by the city's word, or because the city's clock (`now`) has passed the limit since. */
export function isStale(row: BoardRow, now: number): boolean {
  return row.stale || row.lastHeardAt === null || now - Date.parse(row.lastHeardAt) > STALE_AFTER_MS;
}

/** «الآن», «قبل ٣ دقائق», «قبل ساعتين», «أمس» / "now", "3 minutes ago" / « maintenant », « il y a 3 minutes »; null: never heard. */
export function heardAgo(at: string | null, now: number, lang: Lang, digits: Digits): string | null {
  if (at === null) return null;
  const format = new Intl.RelativeTimeFormat(localeOf(lang, digits), { numeric: 'auto' });
  const s = Math.max(0, (now - Date.parse(at)) / 1000);
  if (s < 60) return format.format(s < 15 ? 0 : -Math.floor(s), 'second');
  // Rounded, as people say it: the city's clock is known here to the second at best.
  const minutes = Math.round(s / 60);
  if (minutes < 60) return format.format(-minutes, 'minute');
  const hours = Math.round(s / 3600);
  if (hours < 24) return format.format(-hours, 'hour');
  return format.format(-Math.round(s / 86_400), 'day');
}

/** The last contact's time, with its date when it was not today: what a stale hall's badge says. */
function since(at: string, now: number, f: Fmt): string {
  const clock = formatTime(new Date(at), f.lang, f.timeZone, f.digits);
  const time = f.lang === 'ar' ? `الساعة ${clock}` : clock;
  if (localDay(Date.parse(at), f.timeZone) === localDay(now, f.timeZone)) return time;
  const day = new Intl.DateTimeFormat(localeOf(f.lang, f.digits), { timeZone: f.timeZone, day: 'numeric', month: 'long' }).format(new Date(at));
  return { ar: `${day}، ${time}`, en: `${day}, ${time}`, fr: `le ${day} à ${time}` }[f.lang];
}

export interface RowView {
  stale: boolean;
  waiting: string;
  /** The longest wait against its target; `over` when past it. */
  longest: { text: string; over: boolean };
  countersOpen: string;
  issued: string;
  served: string;
  heard: string;
  /** A stale hall's badge: «لا اتصال منذ الساعة ١٠:٠٢», or «لم يتصل بعد». */
  badge: string | null;
}

const DASH = '—';

export function rowView(row: BoardRow, now: number, f: Fmt): RowView {
  const stale = isStale(row, now);
  const n = (v: number | null) => (stale || v === null ? DASH : formatNumber(v, f.lang, f.digits));
  const mins = (s: number) => minutes(Math.floor(s / 60), f.lang, f.digits);
  const wait = row.longestWaitS;
  const target = row.longestWaitTargetS;
  const longest =
    stale || wait === null
      ? { text: DASH, over: false }
      : { text: target === null ? mins(wait) : `${mins(wait)} / ${mins(target)}`, over: target !== null && wait > target };
  return {
    stale,
    waiting: n(row.waiting),
    longest,
    countersOpen: n(row.countersOpen),
    issued: n(row.issuedToday),
    served: n(row.servedToday),
    heard: heardAgo(row.lastHeardAt, now, f.lang, f.digits) ?? T.neverHeard[f.lang],
    badge: !stale ? null : row.lastHeardAt === null ? T.neverHeard[f.lang] : noContactSince(since(row.lastHeardAt, now, f), f.lang),
  };
}

/** How many halls are in contact and how many are stale. */
export function contact(rows: BoardRow[], now: number): { live: number; stale: number } {
  const stale = rows.filter((r) => isStale(r, now)).length;
  return { live: rows.length - stale, stale };
}

/** A `hall` event: the row replaces the hall's, or joins the board (a hall just created). */
export function withRow(rows: BoardRow[], row: BoardRow): BoardRow[] {
  return rows.some((r) => r.id === row.id) ? rows.map((r) => (r.id === row.id ? row : r)) : [...rows, row];
}
