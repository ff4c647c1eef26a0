import { describe, expect, it } from 'vitest';
import { arabicCount, formatDates, type ArabicForms } from '../../ui-kit/i18n.js';

// The Arabic every screen and the printed ticket share (ui-kit/i18n.ts).

const PEOPLE: ArabicForms = { one: 'شخص واحد', two: 'شخصان', few: 'أشخاص', many: 'شخصاً', other: 'شخص' };

describe('arabicCount', () => {
  it('says one and two in the noun, 3–10 with the plural, 11–99 with the accusative singular, 100 with the genitive', () => {
    const say = (n: number) => arabicCount(n, 'arab', PEOPLE);
    expect(say(1)).toBe('شخص واحد');
    expect(say(2)).toBe('شخصان');
    expect(say(3)).toBe('٣ أشخاص');
    expect(say(10)).toBe('١٠ أشخاص');
    expect(say(11)).toBe('١١ شخصاً');
    expect(say(99)).toBe('٩٩ شخصاً');
    expect(say(100)).toBe('١٠٠ شخص');
    expect(say(102)).toBe('١٠٢ شخص');
    expect(say(103)).toBe('١٠٣ أشخاص');
    expect(say(111)).toBe('١١١ شخصاً');
  });

  it("writes the number in the hall's digits", () => {
    expect(arabicCount(12, 'latn', PEOPLE)).toBe('12 شخصاً');
  });
});

describe('formatDates', () => {
  it('writes a minute to one at night as 00:59, not 24:59', () => {
    const at = new Date(Date.UTC(2026, 2, 1, 21, 59)); // 00:59 in Damascus (UTC+3)
    expect(formatDates(at, 'ar', 'Asia/Damascus', 'latn').time).toBe('00:59');
    expect(formatDates(at, 'ar', 'Asia/Damascus', 'arab').time).toBe('٠٠:٥٩');
    expect(formatDates(at, 'en', 'Asia/Damascus').time).toBe('00:59');
  });
});
