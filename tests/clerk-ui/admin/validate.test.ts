import { describe, expect, it } from 'vitest';
import { Checks } from '../../../clerk-ui/src/admin/validate.js';

// A name in the hall's languages: Arabic always, English where the hall speaks it, French where
// given; what is empty is not sent, so that clearing a French name removes it.

describe("a form's names", () => {
  it('need English only in a hall that speaks it', () => {
    const withEnglish = new Checks();
    expect(withEnglish.names('name', { ar: 'جوازات', en: ' ', fr: '' }, { max: 200, english: true })).toEqual({ ar: 'جوازات' });
    expect(withEnglish.issues.map((i) => [i.path, i.code])).toEqual([['name.en', 'required']]);

    const without = new Checks();
    expect(without.names('name', { ar: 'جوازات', en: '', fr: 'Passeports' }, { max: 200, english: false })).toEqual({ ar: 'جوازات', fr: 'Passeports' });
    expect(without.issues).toEqual([]);
  });

  it('always need Arabic, and check each language’s length', () => {
    const c = new Checks();
    expect(c.names('settings.ticketFooter', { ar: '', en: 'Thank you', fr: 'x'.repeat(201) }, { max: 200, english: false })).toEqual({ ar: '', en: 'Thank you', fr: 'x'.repeat(201) });
    expect(c.issues.map((i) => [i.path, i.code, i.limit])).toEqual([
      ['settings.ticketFooter.ar', 'required', undefined],
      ['settings.ticketFooter.fr', 'too_long', 200],
    ]);
  });
});
