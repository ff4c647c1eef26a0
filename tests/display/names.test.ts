import { describe, expect, it } from 'vitest';
import { alsoShown } from '../../display-ui/src/shared/Bi.js';

// A name on the TV in the page's language with the hall's other languages beneath: each text once,
// however few languages the admin typed it in (display-ui/src/shared/Bi.tsx).

describe('alsoShown', () => {
  const arFr = { ar: 'مركز باب الواد', fr: 'Centre Bab El Oued' };
  it('shows a name without English once in French, in a hall of Arabic, English and French', () => {
    expect(alsoShown(arFr, 'ar', ['en', 'fr'])).toEqual(['fr']);
    expect(alsoShown(arFr, 'fr', ['ar', 'en'])).toEqual(['ar']);
  });
  it('shows the French in place of the English in a hall of Arabic and English', () => {
    expect(alsoShown(arFr, 'ar', ['en'])).toEqual(['en']);
  });
  it('shows an Arabic-only name once, and a name in every language in every language', () => {
    expect(alsoShown({ ar: 'رخص' }, 'ar', ['en', 'fr'])).toEqual([]);
    expect(alsoShown({ ar: 'رخص', en: 'Permits', fr: 'Permis' }, 'ar', ['en', 'fr'])).toEqual(['en', 'fr']);
  });
});
