import { describe, expect, it } from 'vitest';
import { clipText, isClip } from '../../display-ui/src/voice/catalogue.js';
import { frenchNumberClips, numberClips } from '../../display-ui/src/voice/numbers.js';
import { sentenceClips } from '../../display-ui/src/voice/sequence.js';

// French numbers as clips: every number from 0 to 999 must join to the words of an independent
// spelling (traditional orthography, from the rules below and a table of the irregular forms),
// and a sample is checked against the spelling written out by hand.

const UNITS = ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize'];
const TENS: Record<number, string> = { 2: 'vingt', 3: 'trente', 4: 'quarante', 5: 'cinquante', 6: 'soixante' };

/** The French spelling of 0–999, by the grammar books' rules. */
function spell(n: number): string {
  if (n <= 16) return UNITS[n]!;
  if (n < 20) return `dix-${UNITS[n - 10]}`;
  if (n < 100) {
    const [tens, unit] = n < 70 ? [Math.floor(n / 10), n % 10] : n < 80 ? [6, n - 60] : [8, n - 80];
    const head = tens === 8 ? 'quatre-vingt' : TENS[tens]!;
    if (unit === 0) return tens === 8 ? 'quatre-vingts' : head;
    if ((unit === 1 || unit === 11) && tens !== 8) return `${head} et ${spell(unit)}`;
    return `${head}-${spell(unit)}`;
  }
  const [h, rest] = [Math.floor(n / 100), n % 100];
  const hundred = h === 1 ? 'cent' : `${UNITS[h]} cent${rest === 0 ? 's' : ''}`;
  return rest === 0 ? hundred : `${hundred} ${spell(rest)}`;
}

const words = (s: string) => s.replace(/-/g, ' ').split(' ');
const joined = (clips: string[]) => words(clips.map((id) => clipText(id)!).join(' '));

const BY_HAND: [number, string][] = [
  [0, 'zéro'],
  [1, 'un'],
  [17, 'dix-sept'],
  [21, 'vingt et un'],
  [22, 'vingt-deux'],
  [31, 'trente et un'],
  [61, 'soixante et un'],
  [70, 'soixante-dix'],
  [71, 'soixante et onze'],
  [72, 'soixante-douze'],
  [79, 'soixante-dix-neuf'],
  [80, 'quatre-vingts'],
  [81, 'quatre-vingt-un'],
  [90, 'quatre-vingt-dix'],
  [91, 'quatre-vingt-onze'],
  [99, 'quatre-vingt-dix-neuf'],
  [100, 'cent'],
  [101, 'cent un'],
  [180, 'cent quatre-vingts'],
  [200, 'deux cents'],
  [201, 'deux cent un'],
  [271, 'deux cent soixante et onze'],
  [580, 'cinq cent quatre-vingts'],
  [800, 'huit cents'],
  [999, 'neuf cent quatre-vingt-dix-neuf'],
];

const ALL = Array.from({ length: 1000 }, (_, n) => n);

describe('French numbers', () => {
  it.each(BY_HAND)('spells %i as « %s » (the test speller itself)', (n, text) => {
    expect(spell(n)).toBe(text);
  });

  it('says every number from 0 to 999 with clips that exist, in the words of its spelling', () => {
    for (const n of ALL) {
      const clips = frenchNumberClips(n);
      expect(clips.every(isClip), `${n}: ${clips}`).toBe(true);
      expect(joined(clips), `${n}`).toEqual(words(spell(n)));
    }
  });

  it('keeps the plural s of quatre-vingts and cents only at the end of the number', () => {
    for (const n of ALL) {
      const text = clipText(frenchNumberClips(n).at(-1)!)!;
      const ends = n % 100 === 80 || (n >= 200 && n % 100 === 0);
      expect(text.endsWith('vingts') || text.endsWith('cents'), `${n}: ${text}`).toBe(ends);
    }
  });

  it('refuses what is not a whole number from 0 to 999, and says a longer one digit by digit', () => {
    for (const bad of [-1, 1000, 2.5, NaN]) expect(() => frenchNumberClips(bad)).toThrow(RangeError);
    expect(numberClips(1071, 'fr')).toEqual(['fr/n1', 'fr/n0', 'fr/n7', 'fr/n1']);
  });

  it('says a call as « Numéro B vingt-trois, au guichet douze », letters by their French names', () => {
    expect(sentenceClips('B023', 12, 'fr')).toEqual(['fr/number', 'fr/latin-b', 'fr/n23', 'fr/to-counter', 'fr/n12']);
    expect(sentenceClips('B023', 12, 'fr').map(clipText).join(' ')).toBe('Numéro B vingt-trois au guichet douze');
    expect(sentenceClips('F171', 80, 'fr', true).map(clipText).join(' ')).toBe('F cent soixante et onze au guichet quatre-vingts');
    // An Arabic letter is said by its Arabic name in the French sentence too.
    expect(sentenceClips('ب012', 3, 'fr').slice(0, 3)).toEqual(['fr/number', 'ar/arabic-ba', 'fr/n12']);
  });
});
