import { describe, expect, it } from 'vitest';
import { TEXT as BOOK } from '../../kiosk-ui/src/book/text.js';
import { backIn, TEXT as KIOSK } from '../../kiosk-ui/src/text.js';
import { atCounter, goToCounter, TEXT as PHONE } from '../../kiosk-ui/src/track/text.js';
import { TEXT as DISPLAY } from '../../display-ui/src/shared/text.js';
import { CLOSED_REASON_TEXT } from '../../server/engine/hours.js';
import { formatNumber, formatTime, frenchCount, labelled, pick } from '../../ui-kit/i18n.js';
import { PHRASES, peopleAhead, waitLine, waitLineText, waitWords } from '../../ui-kit/phrases.js';

// French as a Maghreb hall writes it: Latin digits, 0 and 1 in the singular, a no-break space
// before « : ; ? ! » and inside guillemets, the typographic apostrophe.

const wait = (minutes: number | null, range?: { low: number; high: number }) => ({ estimatedWaitMinutes: minutes, estimatedWaitRange: range, notStarted: null });

describe('French counts and waits', () => {
  it('says «0 personne», «1 personne», «2 personnes»', () => {
    expect(frenchCount(0, 'personne', 'personnes')).toBe('0\u00a0personne');
    expect(frenchCount(1, 'personne', 'personnes')).toBe('1\u00a0personne');
    expect(frenchCount(2, 'personne', 'personnes')).toBe('2\u00a0personnes');
    expect(frenchCount(101, 'personne', 'personnes')).toBe('101\u00a0personnes');
  });

  it('says who is ahead, in Latin digits whatever the hall writes in Arabic', () => {
    expect(peopleAhead(0, 'fr', 'arab')).toBe('Personne avant vous');
    expect(peopleAhead(1, 'fr', 'arab')).toBe('1\u00a0personne avant vous');
    expect(peopleAhead(12, 'fr', 'arab')).toBe('12\u00a0personnes avant vous');
  });

  it('says the wait: «Temps d’attente estimé : 12–20 min», «environ 14 min», «jusqu’à 3 min», «moins d’une minute»', () => {
    expect(waitLineText(waitLine(wait(15, { low: 12, high: 20 }), 'fr', 'arab')!, 'fr')).toBe('Temps d’attente estimé\u00a0: 12–20\u00a0min');
    expect(waitWords(wait(14), 'fr', 'arab')).toBe('environ 14\u00a0min');
    expect(waitWords(wait(2, { low: 0, high: 3 }), 'fr', 'arab')).toBe('jusqu’à 3\u00a0min');
    expect(waitWords(wait(0), 'fr', 'arab')).toBe('moins d’une minute');
    expect(waitWords({ estimatedWaitMinutes: 5, notStarted: { opensAt: '08:30' } }, 'fr', 'arab')).toBe('Ce service n’a pas encore commencé\u00a0: il ouvre à 08:30');
  });

  it('writes numbers, times and counters with Latin digits: «guichet 12», «10:02»', () => {
    expect(formatNumber(1234, 'fr', 'arab')).toBe('1234');
    expect(formatTime(new Date('2026-12-06T09:02:00Z'), 'fr', 'Africa/Algiers', 'arab')).toBe('10:02');
    expect(goToCounter(12, 'fr', 'arab')).toBe('présentez-vous au guichet 12');
    expect(atCounter(12, 'fr', 'arab')).toBe('au guichet 12');
    expect(backIn(15, 'fr', 'arab')).toBe('Retour au menu dans 15\u00a0s');
    expect(labelled('En attente', 'fr')).toBe('En attente\u00a0: ');
    expect(labelled('Waiting', 'en')).toBe('Waiting: ');
  });

  it('shows a name in French where given, else in English, else in Arabic', () => {
    expect(pick({ ar: 'رخص البناء', en: 'Building permits', fr: 'Permis de construire' }, 'fr')).toBe('Permis de construire');
    expect(pick({ ar: 'رخص البناء', en: 'Building permits' }, 'fr')).toBe('Building permits');
    expect(pick({ ar: 'سبب' }, 'fr')).toBe('سبب');
    expect(pick({ ar: 'رخص البناء', en: 'Building permits', fr: 'Permis de construire' }, 'ar')).toBe('رخص البناء');
  });

  it('shows the French name on an English page when the hall gave no English one, and Arabic only when it gave neither', () => {
    expect(pick({ ar: 'تراخيص المحلات', fr: 'Licences commerciales' }, 'en')).toBe('Licences commerciales');
    expect(pick({ ar: 'تراخيص المحلات', en: 'Shop licences', fr: 'Licences commerciales' }, 'en')).toBe('Shop licences');
    expect(pick({ ar: 'تراخيص المحلات' }, 'en')).toBe('تراخيص المحلات');
    expect(pick({ ar: ['الهوية'], fr: ['Pièce d’identité'] }, 'en')).toEqual(['Pièce d’identité']);
  });
});

describe('every French string of the kiosk, phone pages, displays and receipt', () => {
  const all = Object.entries({ KIOSK, PHONE, BOOK, DISPLAY, PHRASES, CLOSED_REASON_TEXT }).flatMap(([where, dict]) =>
    Object.entries(dict as Record<string, { fr: string }>).map(([key, text]) => [`${where}.${key}`, text.fr] as const),
  );

  it('is there, and not the English one', () => {
    expect(all.length).toBeGreaterThan(150);
    for (const [key, fr] of all) expect(fr, key).toBeTruthy();
    const copied = all.filter(([key, fr]) => {
      const [where, k] = key.split('.') as [string, string];
      const en = ({ KIOSK, PHONE, BOOK, DISPLAY, PHRASES, CLOSED_REASON_TEXT } as Record<string, Record<string, { en: string }>>)[where]![k]!.en;
      return fr === en && !['OK', 'Ticket'].includes(fr);
    });
    expect(copied).toEqual([]);
  });

  it('keeps a no-break space before « : ; ? ! » and inside guillemets, and uses the typographic apostrophe', () => {
    for (const [key, fr] of all) {
      expect(fr, key).not.toMatch(/ [:;?!](\s|$)/); // «?token=» in an address is not punctuation
      expect(fr, key).not.toMatch(/[^\s\u00a0\u202f][:;?!](\s|$)/);
      expect(fr, key).not.toMatch(/«(?!\u00a0)|(?<!\u00a0)»/);
      expect(fr, key).not.toMatch(/'/);
    }
  });
});
