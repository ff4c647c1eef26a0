import { describe, expect, it } from 'vitest';
import { clipText, isClip } from '../../display-ui/src/voice/catalogue.js';
import { arabicNumberClips, englishNumberClips, numberClips } from '../../display-ui/src/voice/numbers.js';

// Numbers as clips: an independent table of spellings for a sample, and structural checks for
// every number from 0 to 999.

const stripVowels = (s: string) => s.replace(/[\u064B-\u0652\u0670]/g, '');
const spoken = (clips: string[]) => stripVowels(clips.map((id) => clipText(id)!).join(' '));

const ARABIC: [number, string][] = [
  [0, 'صفر'],
  [1, 'واحد'],
  [2, 'اثنان'],
  [7, 'سبعة'],
  [10, 'عشرة'],
  [11, 'أحد عشر'],
  [12, 'اثنا عشر'],
  [19, 'تسعة عشر'],
  [20, 'عشرون'],
  [21, 'واحد وعشرون'],
  [23, 'ثلاثة وعشرون'],
  [58, 'ثمانية وخمسون'],
  [99, 'تسعة وتسعون'],
  [100, 'مئة'],
  [101, 'مئة وواحد'],
  [105, 'مئة وخمسة'],
  [110, 'مئة وعشرة'],
  [111, 'مئة وأحد عشر'],
  [120, 'مئة وعشرون'],
  [123, 'مئة وثلاثة وعشرون'],
  [200, 'مئتان'],
  [202, 'مئتان واثنان'],
  [211, 'مئتان وأحد عشر'],
  [300, 'ثلاثمئة'],
  [345, 'ثلاثمئة وخمسة وأربعون'],
  [470, 'أربعمئة وسبعون'],
  [612, 'ستمئة واثنا عشر'],
  [808, 'ثمانمئة وثمانية'],
  [999, 'تسعمئة وتسعة وتسعون'],
];

const ENGLISH: [number, string][] = [
  [0, 'zero'],
  [7, 'seven'],
  [13, 'thirteen'],
  [20, 'twenty'],
  [23, 'twenty three'],
  [100, 'one hundred'],
  [105, 'one hundred and five'],
  [211, 'two hundred and eleven'],
  [540, 'five hundred and forty'],
  [999, 'nine hundred and ninety nine'],
];

/** The value a clip stands for: `ar/and-n20` → 20, `en/n300` → 300, `en/and` → 0. */
const valueOf = (id: string) => Number(/n(\d+)$/.exec(id)?.[1] ?? 0);
const ALL = Array.from({ length: 1000 }, (_, n) => n);

describe('Arabic numbers', () => {
  it.each(ARABIC)('says %i as «%s»', (n, words) => {
    expect(spoken(arabicNumberClips(n))).toBe(words);
  });

  it('composes every number from 0 to 999 from clips that exist, adding up to it', () => {
    for (const n of ALL) {
      const clips = arabicNumberClips(n);
      expect(clips.every(isClip), `${n}: ${clips}`).toBe(true);
      expect(clips.reduce((sum, id) => sum + valueOf(id), 0), `${n}`).toBe(n);
      expect(clips.length).toBeLessThanOrEqual(3);
      // The first word stands alone; every later one is joined to it by «و».
      expect(clips[0]!.startsWith('ar/and-'), `${n}`).toBe(false);
      expect(clips.slice(1).every((id) => id.startsWith('ar/and-')), `${n}`).toBe(true);
    }
  });

  it('says units before tens, as Arabic does', () => {
    for (const n of ALL.filter((n) => n % 100 > 20 && n % 10 !== 0)) {
      const clips = arabicNumberClips(n);
      expect(valueOf(clips.at(-1)!) % 10, `${n}`).toBe(0);
      expect(valueOf(clips.at(-2)!), `${n}`).toBe(n % 10);
    }
  });
});

describe('English numbers', () => {
  it.each(ENGLISH)('says %i as "%s"', (n, words) => {
    expect(englishNumberClips(n).map((id) => clipText(id)).join(' ')).toBe(words);
  });

  it('composes every number from 0 to 999 from clips that exist, adding up to it', () => {
    for (const n of ALL) {
      const clips = englishNumberClips(n);
      expect(clips.every(isClip), `${n}: ${clips}`).toBe(true);
      expect(clips.reduce((sum, id) => sum + valueOf(id), 0), `${n}`).toBe(n);
      expect(clips.includes('en/and'), `${n}`).toBe(n > 100 && n % 100 !== 0);
    }
  });
});

describe('numbers beyond the clips', () => {
  it('refuses what is not a whole number from 0 to 999', () => {
    for (const bad of [-1, 1000, 2.5, NaN]) expect(() => arabicNumberClips(bad)).toThrow(RangeError);
  });

  it('says a number above 999 digit by digit', () => {
    expect(numberClips(1024, 'en')).toEqual(['en/n1', 'en/n0', 'en/n2', 'en/n4']);
    expect(numberClips(1024, 'ar')).toEqual(['ar/n1', 'ar/n0', 'ar/n2', 'ar/n4']);
  });
});
