import { describe, expect, it } from 'vitest';
import { ticketTexts } from '../../server/printing/texts.js';
import { arabicCount, formatDates, formatTicketNumber, type ArabicForms } from '../../ui-kit/i18n.js';
import { sampleFacts } from '../printing/samples.js';

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

describe('formatTicketNumber: one way to write a ticket number, on every surface', () => {
  it('writes a Latin letter with Latin digits, whatever the hall writes numbers in', () => {
    expect(formatTicketNumber('B007', 'arab')).toBe('B007');
    expect(formatTicketNumber('B007', 'latn')).toBe('B007');
  });

  it("writes an Arabic letter, or no letter, with the hall's digits", () => {
    expect(formatTicketNumber('ب007', 'arab')).toBe('ب٠٠٧');
    expect(formatTicketNumber('ب007', 'latn')).toBe('ب007');
    expect(formatTicketNumber('042', 'arab')).toBe('٠٤٢');
  });
});

describe('the printed ticket', () => {
  it('prints the number as the screens write it, in either language', () => {
    for (const lang of ['ar', 'en'] as const) {
      expect(ticketTexts(sampleFacts(lang, { number: 'B007', digits: 'arab' })).number).toBe('B007');
      expect(ticketTexts(sampleFacts(lang, { number: 'ب007', digits: 'arab' })).number).toBe('ب٠٠٧');
    }
  });

});
