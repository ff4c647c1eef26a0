import { describe, expect, it } from 'vitest';
import { ticketTexts } from '../../server/printing/texts.js';
import { peopleAhead, waitLine, waitLineText, waitWords, type WaitFacts } from '../../ui-kit/phrases.js';
import { sampleFacts } from '../printing/samples.js';

// One wording for what a ticket says, on the kiosk, the receipt and the phone.

const wait = (estimatedWaitMinutes: number | null, notStarted: WaitFacts['notStarted'] = null): WaitFacts => ({ estimatedWaitMinutes, notStarted });

describe('the wait', () => {
  it('says «نحو دقيقتين» after «نحو», under a minute when none is left, nothing when not known', () => {
    expect(waitWords(wait(2), 'ar', 'arab')).toBe('نحو دقيقتين');
    expect(waitWords(wait(11), 'ar', 'arab')).toBe('نحو ١١ دقيقة');
    expect(waitWords(wait(0), 'ar', 'arab')).toBe('أقل من دقيقة');
    expect(waitWords(wait(0), 'en', 'arab')).toBe('under a minute');
    expect(waitWords(wait(14), 'en', 'arab')).toBe('about 14 min');
    expect(waitWords(wait(null), 'ar', 'arab')).toBeNull();
    expect(waitLine(wait(null), 'ar', 'arab')).toBeNull();
  });

  it('when no counter serves the service, says it has not started (with its opening time), never a short wait', () => {
    for (const minutes of [0, 14, null]) {
      expect(waitWords(wait(minutes, { opensAt: null }), 'ar', 'arab')).toBe('الخدمة لم تبدأ بعد');
      expect(waitWords(wait(minutes, { opensAt: null }), 'en', 'arab')).toBe('Service not started yet');
    }
    expect(waitWords(wait(0, { opensAt: '08:30' }), 'ar', 'arab')).toBe('الخدمة لم تبدأ بعد، وتبدأ الساعة ٠٨:٣٠');
    expect(waitWords(wait(0, { opensAt: '08:30' }), 'ar', 'latn')).toBe('الخدمة لم تبدأ بعد، وتبدأ الساعة 08:30');
    expect(waitWords(wait(0, { opensAt: '08:30' }), 'en', 'arab')).toBe('Service not started yet: it starts at 08:30');
    // Not after «الانتظار المتوقع:»: it is not a wait.
    expect(waitLine(wait(3, { opensAt: null }), 'ar', 'arab')).toEqual({ label: null, words: 'الخدمة لم تبدأ بعد' });
    expect(waitLineText(waitLine(wait(3), 'ar', 'arab')!, 'ar')).toBe('الانتظار المتوقع: نحو ٣ دقائق');
  });
});

describe('the range around the wait', () => {
  const ranged = (low: number, high: number, estimatedWaitMinutes = low): WaitFacts => ({ estimatedWaitMinutes, estimatedWaitRange: { low, high }, notStarted: null });

  it('says «١٢–٢٠ دقيقة», the noun agreeing with the last number, in the hall digits', () => {
    expect(waitWords(ranged(12, 20), 'ar', 'arab')).toBe('١٢–٢٠ دقيقة');
    expect(waitWords(ranged(12, 20), 'ar', 'latn')).toBe('12–20 دقيقة');
    expect(waitWords(ranged(3, 5), 'ar', 'arab')).toBe('٣–٥ دقائق');
    expect(waitWords(ranged(8, 10), 'ar', 'arab')).toBe('٨–١٠ دقائق');
    expect(waitWords(ranged(8, 11), 'ar', 'arab')).toBe('٨–١١ دقيقة');
    expect(waitWords(ranged(12, 20), 'en', 'arab')).toBe('12–20 min');
    expect(waitLineText(waitLine(ranged(12, 20, 15), 'ar', 'arab')!, 'ar')).toBe('الانتظار المتوقع: ١٢–٢٠ دقيقة');
    expect(waitLineText(waitLine(ranged(12, 20, 15), 'en', 'arab')!, 'en')).toBe('Expected wait: 12–20 min');
  });

  it('from 0 says «حتى ٣ دقائق», «حتى دقيقتين» (genitive after «حتى») / "up to 3 min"', () => {
    expect(waitWords(ranged(0, 3), 'ar', 'arab')).toBe('حتى ٣ دقائق');
    expect(waitWords(ranged(0, 2), 'ar', 'arab')).toBe('حتى دقيقتين');
    expect(waitWords(ranged(0, 1), 'ar', 'arab')).toBe('حتى دقيقة واحدة');
    expect(waitWords(ranged(0, 14), 'ar', 'arab')).toBe('حتى ١٤ دقيقة');
    expect(waitWords(ranged(0, 3), 'en', 'arab')).toBe('up to 3 min');
  });

  it('an empty range says the estimate alone, and not started stays not started', () => {
    expect(waitWords(ranged(0, 0, 0), 'ar', 'arab')).toBe('أقل من دقيقة');
    expect(waitWords(ranged(4, 4, 4), 'en', 'arab')).toBe('about 4 min');
    expect(waitWords({ ...ranged(12, 20), notStarted: { opensAt: null } }, 'ar', 'arab')).toBe('الخدمة لم تبدأ بعد');
  });
});

describe('people ahead', () => {
  it('counts them as Arabic does, in the hall digits', () => {
    expect(peopleAhead(0, 'ar', 'arab')).toBe('لا أحد أمامك');
    expect(peopleAhead(1, 'ar', 'arab')).toBe('أمامك شخص واحد');
    expect(peopleAhead(2, 'ar', 'arab')).toBe('أمامك شخصان');
    expect(peopleAhead(11, 'ar', 'latn')).toBe('أمامك 11 شخصاً');
    expect(peopleAhead(100, 'ar', 'arab')).toBe('أمامك ١٠٠ شخص');
    expect(peopleAhead(1, 'en', 'arab')).toBe('1 person ahead of you');
  });
});

describe('the receipt', () => {
  it('says what the screens say, in the same words', () => {
    for (const lang of ['ar', 'en'] as const) {
      for (const digits of ['arab', 'latn'] as const) {
        for (const [ahead, estimatedWaitMinutes, notStarted] of [
          [0, 0, null],
          [1, 0, null],
          [1, 0, { opensAt: null }],
          [0, 14, { opensAt: '08:00' }],
          [3, 2, null],
          [11, 25, null],
        ] as const) {
          const estimatedWaitRange = { low: Math.floor(estimatedWaitMinutes / 2), high: estimatedWaitMinutes * 2 };
          const facts = sampleFacts(lang, { digits, ahead, estimatedWaitMinutes, estimatedWaitRange, notStarted });
          const printed = ticketTexts(facts);
          expect(printed.ahead).toBe(peopleAhead(ahead, lang, digits));
          expect(printed.wait).toBe(waitLineText(waitLine(facts, lang, digits)!, lang));
        }
      }
    }
  });
});
