import { describe, expect, it } from 'vitest';
import { CHIME, isClip } from '../../display-ui/src/voice/catalogue.js';
import { letterClip } from '../../display-ui/src/voice/letters.js';
import { PAUSE, announcement, clipsToPreload, sentenceClips, spokenLanguages, splitTicketNumber } from '../../display-ui/src/voice/sequence.js';

// What a display says for a call, in both languages.

const call = (number: string, counter: number, id = 1) => ({ id, ticket: { number }, counter: { number: counter } });
const ALL = { chime: true, ar: true, en: true };

describe('the announcement of a call', () => {
  it('chimes, then says it in Arabic, then in English', () => {
    expect(announcement(call('B007', 5), ALL).clips).toEqual([
      CHIME,
      'ar/the-number', 'ar/latin-b', 'ar/n7', 'ar/to-counter', 'ar/n5',
      PAUSE,
      'en/ticket', 'en/latin-b', 'en/n7', 'en/go-to-counter', 'en/n5',
    ]);
  });

  it('reads the number as a cardinal, without its leading zeros', () => {
    expect(sentenceClips('F123', 12, 'ar')).toEqual([
      'ar/the-number', 'ar/latin-f', 'ar/n100', 'ar/and-n3', 'ar/and-n20', 'ar/to-counter', 'ar/n12',
    ]);
    expect(sentenceClips('F123', 12, 'en')).toEqual([
      'en/ticket', 'en/latin-f', 'en/n100', 'en/and', 'en/n20', 'en/n3', 'en/go-to-counter', 'en/n12',
    ]);
    expect(sentenceClips('E211', 8, 'ar').slice(2, 4)).toEqual(['ar/n200', 'ar/and-n11']);
  });

  it('says every letter of a longer code, and Arabic letter codes by their names', () => {
    expect(sentenceClips('AB010', 3, 'ar').slice(0, 4)).toEqual(['ar/the-number', 'ar/latin-a', 'ar/latin-b', 'ar/n10']);
    expect(sentenceClips('ب012', 3, 'ar').slice(0, 3)).toEqual(['ar/the-number', 'ar/arabic-ba', 'ar/n12']);
    // An Arabic letter's name is Arabic in the English sentence too.
    expect(sentenceClips('ب012', 3, 'en').slice(0, 3)).toEqual(['en/ticket', 'ar/arabic-ba', 'en/n12']);
  });

  it('says the number and the counter only in a brief announcement (calls queued up)', () => {
    expect(announcement(call('B007', 5), { chime: false, ar: true, en: false, brief: true }).clips).toEqual(['ar/latin-b', 'ar/n7', 'ar/to-counter', 'ar/n5']);
    expect(sentenceClips('B007', 5, 'en', true)).toEqual(['en/latin-b', 'en/n7', 'en/go-to-counter', 'en/n5']);
  });

  it('keeps B and P apart in Arabic', () => {
    expect(letterClip('B', 'ar')).toBe('ar/latin-b');
    expect(letterClip('P', 'ar')).toBe('ar/latin-p');
    expect(letterClip('b', 'en')).toBe('en/latin-b');
    expect(letterClip('#', 'ar')).toBeNull();
  });

  it('leaves out what the hall switched off', () => {
    expect(announcement(call('B007', 5), { chime: false, ar: true, en: false }).clips).toEqual(
      sentenceClips('B007', 5, 'ar'),
    );
    const onlyEnglish = announcement(call('B007', 5), { chime: true, ar: false, en: true });
    expect(onlyEnglish.clips).toEqual([CHIME, ...sentenceClips('B007', 5, 'en')]);
    expect(announcement(call('B007', 5), { chime: false, ar: false, en: false }).clips).toEqual([]);
  });

  it('gives the same sentences as text for the browser voice', () => {
    const { speech } = announcement(call('B023', 4), ALL);
    const plain = (s: string) => s.replace(/[\u064B-\u0652\u0670]/g, '');
    expect(speech.map((s) => s.lang)).toEqual(['ar', 'en']);
    expect(plain(speech[0]!.text)).toBe('الرقم بي ثلاثة وعشرون إلى الشباك رقم أربعة');
    expect(speech[1]!.text).toBe('Ticket B twenty three please go to counter four');
  });

  it('uses only clips of the pack for every number and counter', () => {
    for (let n = 0; n <= 999; n += 7) {
      const { clips } = announcement(call(`C${String(n).padStart(3, '0')}`, (n % 40) + 1), ALL);
      expect(clips.filter((id) => id !== PAUSE).every(isClip), clips.join()).toBe(true);
    }
  });

  it('splits ticket numbers', () => {
    expect(splitTicketNumber('B007')).toEqual({ letters: ['B'], value: 7 });
    expect(splitTicketNumber('AB1024')).toEqual({ letters: ['A', 'B'], value: 1024 });
    expect(splitTicketNumber('XYZ')).toEqual({ letters: ['X', 'Y', 'Z'], value: null });
  });
});

describe('the languages a hall speaks', () => {
  const display = { chime: true, announceAr: true, announceEn: true, announceFr: true };

  it('says a call in Arabic, then in French, in a hall of Arabic and French', () => {
    const o = spokenLanguages(['ar', 'fr'], display);
    expect(o).toEqual({ chime: true, ar: true, en: false, fr: true });
    expect(announcement(call('B023', 12), o).clips).toEqual([
      CHIME,
      'ar/the-number', 'ar/latin-b', 'ar/n3', 'ar/and-n20', 'ar/to-counter', 'ar/n12',
      PAUSE,
      'fr/number', 'fr/latin-b', 'fr/n23', 'fr/to-counter', 'fr/n12',
    ]);
    expect(announcement(call('B023', 12), o).speech.map((s) => s.lang)).toEqual(['ar', 'fr']);
  });

  it('keeps Arabic and English where the hall has no French', () => {
    expect(spokenLanguages(['ar', 'en'], display)).toEqual({ chime: true, ar: true, en: true, fr: false });
    expect(spokenLanguages(['ar'], display)).toEqual({ chime: true, ar: true, en: true, fr: false });
    expect(spokenLanguages(['ar', 'en'], { ...display, announceEn: false })).toEqual({ chime: true, ar: true, en: false, fr: false });
  });

  it("turns each language's voice on or off by its own switch", () => {
    expect(spokenLanguages(['ar', 'fr'], { ...display, announceFr: false })).toEqual({ chime: true, ar: true, en: false, fr: false });
    expect(spokenLanguages(['ar', 'fr'], { ...display, announceEn: false })).toEqual({ chime: true, ar: true, en: false, fr: true });
    expect(spokenLanguages(['ar', 'fr'], { ...display, announceAr: false, chime: false })).toEqual({ chime: false, ar: false, en: false, fr: true });
    expect(spokenLanguages(['ar', 'en', 'fr'], display)).toEqual({ chime: true, ar: true, en: true, fr: true });
    expect(spokenLanguages(['ar', 'en', 'fr'], { ...display, announceEn: false })).toEqual({ chime: true, ar: true, en: false, fr: true });
    expect(spokenLanguages(['ar', 'en', 'fr'], { ...display, announceFr: false })).toEqual({ chime: true, ar: true, en: true, fr: false });
  });

  it('loads ahead the clips of the languages it speaks, French among them', () => {
    const folders = (settings: typeof display) => new Set(clipsToPreload(spokenLanguages(['ar', 'fr'], settings)).map((id) => id.split('/')[0]));
    expect(folders(display)).toEqual(new Set(['common', 'ar', 'fr']));
    expect(folders({ ...display, announceFr: false, chime: false })).toEqual(new Set(['ar']));
  });
});
