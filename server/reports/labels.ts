import type { Connection } from '../../db/connection.js';
import type { Phrase } from '../../ui-kit/i18n.js';
import type { Grouping, ReportRow } from '../protocol/reports.js';
import type { HallRow } from '../hall/state.js';
import { namesOf, reportLabel } from '../hall/names.js';
import { prepared } from './sql.js';
import type { Key } from './day.js';

// What each row is called: the key the API names it by, and a label in every language (Arabic
// with the hall's digits); a name an admin typed has French where given.

export interface RowName {
  key: string | null;
  id: number | null;
  label: ReportRow['label'];
  /** Rows come in this order; null (no service, counter or clerk) last. */
  order: number | string | null;
}

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';
const withDigits = (text: string, hall: HallRow) =>
  hall.settings.digits === 'latn' ? text : text.replace(/[0-9]/g, (d) => ARABIC_INDIC[Number(d)]!);

export const NONE: Record<Grouping, Phrase> = {
  service: { ar: 'بلا خدمة', en: 'No service', fr: 'Aucun service' },
  counter: { ar: 'خارج الشبابيك', en: 'Not at a counter', fr: 'Hors guichet' },
  clerk: { ar: 'بلا موظف (الكشك أو النظام)', en: 'No clerk (kiosk or system)', fr: 'Aucun agent (borne ou système)' },
  hour: { ar: '—', en: '—', fr: '—' },
  day: { ar: '—', en: '—', fr: '—' },
};

export const TOTAL: Phrase = { ar: 'المجموع', en: 'Total', fr: 'Total' };

const pad = (n: number) => String(n).padStart(2, '0');

/** Names rows of one grouping: `name(key)`. */
export function rowNamer(conn: Connection, hall: HallRow, grouping: Grouping): (key: Key | string) => RowName {
  const { sqlite } = conn;
  const none = (): RowName => ({ key: null, id: null, label: NONE[grouping], order: null });
  switch (grouping) {
    case 'service': {
      const rows = prepared(sqlite, 'SELECT id, code, name_ar AS nameAr, name_en AS nameEn, name_fr AS nameFr, sort_order AS sortOrder FROM services WHERE hall_id = ?').all(hall.id) as {
        id: number; code: string; nameAr: string; nameEn: string | null; nameFr: string | null; sortOrder: number;
      }[];
      const byId = new Map(rows.map((s) => [s.id, s]));
      return (key) => {
        const s = byId.get(key as number);
        return s ? { key: s.code, id: s.id, label: reportLabel(namesOf(s)), order: s.sortOrder * 1e6 + s.id } : none();
      };
    }
    case 'counter': {
      const rows = prepared(sqlite, 'SELECT id, number, name FROM counters WHERE hall_id = ?').all(hall.id) as { id: number; number: number; name: string | null }[];
      const byId = new Map(rows.map((c) => [c.id, c]));
      return (key) => {
        const c = byId.get(key as number);
        if (!c) return none();
        const extra = c.name ? ` — ${c.name}` : '';
        const label = { ar: withDigits(`الشباك ${c.number}`, hall) + extra, en: `Counter ${c.number}${extra}`, fr: `Guichet ${c.number}${extra}` };
        return { key: String(c.number), id: c.id, label, order: c.number };
      };
    }
    case 'clerk': {
      const rows = prepared(sqlite, 'SELECT id, username, display_name AS displayName FROM users').all() as { id: number; username: string; displayName: string | null }[];
      const byId = new Map(rows.map((u) => [u.id, u]));
      return (key) => {
        const u = byId.get(key as number);
        return u ? { key: u.username, id: u.id, label: { ar: u.displayName ?? u.username, en: u.username }, order: u.username } : none();
      };
    }
    case 'hour':
      return (key) => {
        const h = key as number;
        const text = `${pad(h)}:00–${pad((h + 1) % 24)}:00`;
        return { key: pad(h), id: null, label: { ar: withDigits(text, hall), en: text, fr: text }, order: h };
      };
    case 'day': {
      const digits = hall.settings.digits === 'latn' ? 'latn' : 'arab';
      const ar = new Intl.DateTimeFormat(`ar-SY-u-nu-${digits}`, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
      const short = { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' } as const;
      const en = new Intl.DateTimeFormat('en-GB', short);
      const fr = new Intl.DateTimeFormat('fr-FR', short);
      return (key) => {
        const at = new Date(`${key as string}T00:00:00Z`);
        return { key: key as string, id: null, label: { ar: ar.format(at), en: en.format(at), fr: fr.format(at) }, order: key as string };
      };
    }
  }
}

export function byRowOrder(a: RowName, b: RowName): number {
  if (a.order === null || b.order === null) return a.order === null ? (b.order === null ? 0 : 1) : -1;
  if (typeof a.order === 'string' && typeof b.order === 'string') return a.order.localeCompare(b.order, 'en', { numeric: true });
  return a.order < b.order ? -1 : a.order > b.order ? 1 : 0;
}
