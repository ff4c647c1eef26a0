import { describe, expect, it } from 'vitest';
import { ago, calledAtTime, counterName, minutes, noShowQuestion, noShowTooSoon, TEXT } from '../../clerk-ui/src/text.js';
import { GROUPING_TEXT, T as REPORTS } from '../../clerk-ui/src/reports/text.js';
import { T as CITY } from '../../city-ui/src/text.js';
import { W as WAITS } from '../../city-ui/src/waits/text.js';

// The clerk's French where numbers meet words: a no-break space before « : ? », the singular for 1,
// Latin digits whatever the hall writes in Arabic.

const NBSP = '\u00a0';
/** A plain space (or none) before « : ; ? ! » (not in «m:ss»), or « » without their no-break spaces. */
const BAD_FRENCH_SPACING = / [:;?!]|[^\s\u00a0][:;?!](\s|$)|«(?!\u00a0)|(?<!\u00a0)»/;

describe('every French text of the staff app and the city pages', () => {
  it('exists, in French typography, with the typographic apostrophe', () => {
    const dictionaries = { TEXT, REPORTS, GROUPING_TEXT, CITY, WAITS };
    for (const [name, dictionary] of Object.entries(dictionaries)) {
      for (const [key, text] of Object.entries(dictionary as Record<string, { en: string; fr: string }>)) {
        expect(text.fr, `${name}.${key}`).toMatch(/\S/);
        expect(text.fr, `${name}.${key}`).not.toMatch(BAD_FRENCH_SPACING);
        expect(text.fr, `${name}.${key}`).not.toMatch(/'/); // the typographic apostrophe ’
      }
    }
  });
});

describe('the clerk’s words in French', () => {
  it('counts minutes and seconds, the singular for one', () => {
    expect(minutes(0, 'fr', 'arab')).toBe('moins d’une minute');
    expect(minutes(18, 'fr', 'arab')).toBe(`18${NBSP}min`);
    expect(noShowTooSoon(1, 'fr', 'arab')).toBe(`Appelé il y a 1${NBSP}seconde sans rappel${NBSP}: l’usager est peut-être encore en chemin vers le guichet.`);
    expect(noShowTooSoon(20, 'fr', 'arab')).toMatch(/^Appelé il y a 20\u00a0secondes sans rappel/);
    expect(ago(new Date(0).toISOString(), 5 * 60_000, 'fr', 'arab')).toBe(`il y a 5${NBSP}min`);
  });

  it('names the counter and asks before a no-show, with the no-break space before « ? »', () => {
    expect(counterName(3, 'fr', 'arab')).toBe('Guichet 3');
    expect(noShowQuestion('B007', 'fr')).toBe(`Marquer B007 comme absent${NBSP}?`);
    expect(calledAtTime('10:02', 'fr')).toBe('appelé à 10:02');
  });
});
