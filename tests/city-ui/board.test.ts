import { describe, expect, it } from 'vitest';
import { STALE_AFTER_MS, type BoardRow } from '../../server/protocol/city.js';
import { contact, heardAgo, isStale, rowView, withRow } from '../../city-ui/src/board.js';

// The city board's rows as shown: a hall silent for a minute is greyed and none of its figures is
// shown as current, even when the row the city last sent still said "not stale".

const now = Date.parse('2026-12-07T08:00:00Z'); // 11:00 in Damascus
const ago = (ms: number) => new Date(now - ms).toISOString();
const AR = { lang: 'ar' as const, digits: 'arab' as const, timeZone: 'Asia/Damascus' };
const EN = { ...AR, lang: 'en' as const };
const FR = { ...AR, lang: 'fr' as const };

const row = (patch: Partial<BoardRow> = {}): BoardRow => ({
  id: 1,
  name: { ar: 'مركز المزة', en: 'Mezzeh hall' },
  lastHeardAt: ago(5_000),
  stale: false,
  waiting: 12,
  longestWaitS: 18 * 60,
  longestWaitTargetS: 15 * 60,
  countersOpen: 4,
  issuedToday: 230,
  servedToday: 201,
  configVersion: 3,
  ...patch,
});

describe('a hall on the board', () => {
  it('in contact shows its figures, in the hall UIs digits, and its wait against the target in words too', () => {
    const v = rowView(row(), now, AR);
    expect(v).toMatchObject({ stale: false, waiting: '١٢', countersOpen: '٤', issued: '٢٣٠', served: '٢٠١', heard: 'الآن', badge: null });
    expect(v.longest).toEqual({ text: '١٨ دقيقة / ١٥ دقيقة', over: true });
    expect(rowView(row({ longestWaitS: 10 * 60 }), now, EN).longest).toEqual({ text: '10 min / 15 min', over: false });
    expect(rowView(row({ longestWaitS: null, longestWaitTargetS: null }), now, AR).longest).toEqual({ text: '—', over: false });
  });

  it('silent past the limit is stale by the clock, though the last row said otherwise: no figure, a badge since when', () => {
    const silent = row({ lastHeardAt: ago(STALE_AFTER_MS + 1_000) });
    expect(isStale(silent, now)).toBe(true);
    expect(isStale(row({ lastHeardAt: ago(STALE_AFTER_MS - 1_000) }), now)).toBe(false);
    const v = rowView(silent, now, AR);
    expect(v).toMatchObject({ stale: true, waiting: '—', countersOpen: '—', issued: '—', served: '—', heard: 'قبل دقيقة واحدة' });
    expect(v.longest).toEqual({ text: '—', over: false });
    expect(v.badge).toBe('لا اتصال منذ الساعة ١٠:٥٨');
    expect(rowView(silent, now, EN).badge).toBe('No contact since 10:58');
  });

  it('stale by the city is stale whatever its time says; never heard is stale too', () => {
    expect(rowView(row({ stale: true }), now, AR).waiting).toBe('—');
    const never = rowView(row({ lastHeardAt: null, waiting: null }), now, AR);
    expect(never).toMatchObject({ stale: true, heard: 'لم يتصل بعد', badge: 'لم يتصل بعد' });
  });

  it('silent since an earlier day says the day too', () => {
    expect(rowView(row({ lastHeardAt: '2026-12-05T15:30:00Z' }), now, AR).badge).toBe('لا اتصال منذ ٥ كانون الأول، الساعة ١٨:٣٠');
    expect(rowView(row({ lastHeardAt: '2026-12-05T15:30:00Z' }), now, EN).badge).toBe('No contact since 5 December, 18:30');
    expect(rowView(row({ lastHeardAt: '2026-12-05T15:30:00Z' }), now, FR).badge).toBe('Pas de contact depuis le 5 décembre à 18:30');
    expect(rowView(row({ lastHeardAt: ago(STALE_AFTER_MS + 1_000) }), now, FR).badge).toBe('Pas de contact depuis 10:58');
  });
});

describe('last heard', () => {
  it('is a relative time as Arabic says it', () => {
    expect(heardAgo(ago(3 * 60_000), now, 'ar', 'arab')).toBe('قبل ٣ دقائق');
    expect(heardAgo(ago(2 * 60_000), now, 'ar', 'arab')).toBe('قبل دقيقتين');
    expect(heardAgo(ago(11 * 60_000), now, 'ar', 'latn')).toBe('قبل 11 دقيقة');
    expect(heardAgo(ago(2 * 3_600_000), now, 'ar', 'arab')).toBe('قبل ساعتين');
    expect(heardAgo(ago(3 * 86_400_000), now, 'ar', 'arab')).toBe('قبل ٣ أيام');
    expect(heardAgo(ago(3 * 60_000), now, 'en', 'arab')).toBe('3 minutes ago');
    expect(heardAgo(ago(3 * 60_000), now, 'fr', 'arab')).toBe('il y a 3 minutes');
    expect(heardAgo(ago(86_400_000), now, 'fr', 'arab')).toBe('hier');
    expect(heardAgo(null, now, 'ar', 'arab')).toBeNull();
  });
});

describe('the board', () => {
  it('counts halls in contact and stale', () => {
    expect(contact([row(), row({ id: 2, lastHeardAt: ago(120_000) }), row({ id: 3, stale: true })], now)).toEqual({ live: 1, stale: 2 });
  });

  it('takes a `hall` event as the row of its hall, or a new hall at the end', () => {
    const rows = [row(), row({ id: 2 })];
    expect(withRow(rows, row({ id: 2, waiting: 0 })).map((r) => [r.id, r.waiting])).toEqual([[1, 12], [2, 0]]);
    expect(withRow(rows, row({ id: 3 })).map((r) => r.id)).toEqual([1, 2, 3]);
  });
});
