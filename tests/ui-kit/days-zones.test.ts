import { describe, expect, it } from 'vitest';
import { localDay } from '../../ui-kit/days.js';
import { formatDates } from '../../ui-kit/i18n.js';

// One instant, four halls: 22:30 UTC on Sunday 6 December 2026 is already Monday in Riyadh and
// Djibouti (UTC+3) but still Sunday in Algiers and Casablanca (UTC+1). Each hall's day, and its
// Hijri date in either calendar (Umm al-Qura runs a day ahead of the civil one this month).

const AT = new Date('2026-12-06T22:30:00Z');

const HALLS: [zone: string, day: string, umalqura: string, civil: string][] = [
  ['Asia/Riyadh', '2026-12-07', '٢٧ جمادى الآخرة ١٤٤٨ هـ', '٢٦ جمادى الآخرة ١٤٤٨ هـ'],
  ['Africa/Djibouti', '2026-12-07', '٢٧ جمادى الآخرة ١٤٤٨ هـ', '٢٦ جمادى الآخرة ١٤٤٨ هـ'],
  ['Africa/Algiers', '2026-12-06', '٢٦ جمادى الآخرة ١٤٤٨ هـ', '٢٥ جمادى الآخرة ١٤٤٨ هـ'],
  ['Africa/Casablanca', '2026-12-06', '٢٦ جمادى الآخرة ١٤٤٨ هـ', '٢٥ جمادى الآخرة ١٤٤٨ هـ'],
];

describe('days and Hijri dates in other zones', () => {
  it.each(HALLS)('%s: day %s, Hijri «%s» (Umm al-Qura) or «%s» (civil)', (zone, day, umalqura, civil) => {
    expect(localDay(AT.getTime(), zone)).toBe(day);
    expect(formatDates(AT, 'ar', zone, 'arab').hijri).toBe(umalqura); // the default
    expect(formatDates(AT, 'ar', zone, 'arab', 'islamic-umalqura').hijri).toBe(umalqura);
    expect(formatDates(AT, 'ar', zone, 'arab', 'islamic-civil').hijri).toBe(civil);
  });

  it('writes the Hijri date with Latin digits where the hall does (the Maghreb)', () => {
    expect(formatDates(AT, 'ar', 'Africa/Casablanca', 'latn', 'islamic-civil').hijri).toBe('25 جمادى الآخرة 1448 هـ');
    expect(formatDates(AT, 'en', 'Africa/Algiers', 'latn', 'islamic-civil').hijri).toBe('25 Jumada II 1448 AH');
  });
});
