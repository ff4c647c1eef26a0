import { describe, expect, it } from 'vitest';
import { shorterWaitWords } from '../../kiosk-ui/src/components/ShorterWait.js';

const midan = (estimatedWaitMinutes: number) => ({ name: { ar: 'مركز الميدان', en: 'Midan centre' }, estimatedWaitMinutes });

describe('shorterWaitWords', () => {
  it('says where the wait is shorter and about how long, in Arabic as it is written', () => {
    expect(shorterWaitWords(midan(12), 'ar', 'arab')).toBe('انتظار أقصر الآن في: مركز الميدان، نحو ١٢ دقيقة');
    expect(shorterWaitWords(midan(2), 'ar', 'arab')).toBe('انتظار أقصر الآن في: مركز الميدان، نحو دقيقتين');
    expect(shorterWaitWords(midan(5), 'ar', 'latn')).toBe('انتظار أقصر الآن في: مركز الميدان، نحو 5 دقائق');
    expect(shorterWaitWords(midan(0), 'ar', 'arab')).toBe('انتظار أقصر الآن في: مركز الميدان، أقل من دقيقة');
  });
  it('and in English', () => {
    expect(shorterWaitWords(midan(12), 'en', 'arab')).toBe('Shorter wait now at: Midan centre, ~12 min');
    expect(shorterWaitWords(midan(0), 'en', 'arab')).toBe('Shorter wait now at: Midan centre, under a minute');
    // A centre the city named without English: its French name, never "undefined".
    expect(shorterWaitWords({ name: { ar: 'مركز الميدان', fr: 'Centre Midan' }, estimatedWaitMinutes: 12 }, 'en', 'arab')).toBe('Shorter wait now at: Centre Midan, ~12 min');
  });
  it('and in French, with the name in French where the city gives one, else in English', () => {
    expect(shorterWaitWords(midan(12), 'fr', 'arab')).toBe('Attente plus courte en ce moment à Midan centre\u00a0: environ 12\u00a0min');
    const named = { name: { ar: 'مركز الميدان', en: 'Midan centre', fr: 'Centre Midan' }, estimatedWaitMinutes: 0 };
    expect(shorterWaitWords(named, 'fr', 'latn')).toBe('Attente plus courte en ce moment à Centre Midan\u00a0: moins d’une minute');
  });
});
