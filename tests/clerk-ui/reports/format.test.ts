import { describe, expect, it } from 'vitest';
import { duration, hijriDay, longDay, percent, rating, weekdayName } from '../../../clerk-ui/src/reports/format.js';

// The reports' figures in French: a decimal comma, a no-break space before «%», Latin digits.

const NBSP = '\u00a0';

describe('the reports’ figures in French', () => {
  const fr = { lang: 'fr' as const, digits: 'arab' as const };

  it('write percentages and ratings the French way, in Latin digits', () => {
    expect(percent(12.5, fr)).toBe(`12,5${NBSP}%`);
    expect(rating(2.5, fr)).toBe('2,50');
    expect(duration(3725, fr)).toBe('1:02:05');
  });

  it('name days and weekdays in French', () => {
    expect(longDay('2026-12-07', fr)).toBe('lundi 7 décembre 2026');
    expect(weekdayName(0, fr)).toBe('dimanche');
  });

  it('date the day in the hall’s Hijri calendar, Umm al-Qura unless it says otherwise', () => {
    // The Hijri new year 1448: a day earlier by Umm al-Qura than by the tabular calendar.
    expect(hijriDay('2026-06-17', fr)).toBe('2 mouharram 1448 AH');
    expect(hijriDay('2026-06-17', fr, 'islamic-civil')).toBe('1 mouharram 1448 AH');
    expect(hijriDay('2026-06-17', { lang: 'ar', digits: 'arab' }, 'islamic-civil')).toBe('١ محرم ١٤٤٨ هـ');
  });
});
