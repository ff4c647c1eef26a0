import type { VoiceLang } from './catalogue.js';

// How the letters of ticket codes are said. Codes are Latin letters (B007); a hall may also use
// Arabic letters (ب007). Latin letters are said in Arabic as Syrians say them in everyday
// speech; P is said with a real /p/ (پي) so that it is never heard as B (بي).

export interface LetterClip {
  /** The clip's name, without its language folder. */
  name: string;
  /** What the voice says (Arabic with its vowels, or English). */
  text: string;
  /** A spelling that espeak-ng pronounces better, when it differs. */
  espeak?: string;
}

const LATIN_IN_ARABIC: Record<string, string> = {
  A: 'إيه', B: 'بي', C: 'سي', D: 'دي', E: 'إي', F: 'إف', G: 'جي', H: 'إتش', I: 'آي', J: 'جيه',
  K: 'كيه', L: 'إل', M: 'إم', N: 'إن', O: 'أو', P: 'پي', Q: 'كيو', R: 'آر', S: 'إس', T: 'تي',
  U: 'يو', V: 'ڤي', W: 'دبليو', X: 'إكس', Y: 'واي', Z: 'زِد',
};
// espeak-ng's Arabic voice has no ڤ.
const ESPEAK_LATIN_IN_ARABIC: Record<string, string> = { V: 'فِي', Y: 'وَايْ' };

/** Arabic code letters: the letter → its clip name and its name as said. */
const ARABIC_LETTERS: [letters: string, name: string, text: string][] = [
  ['أاإآ', 'alif', 'أَلِف'], ['ب', 'ba', 'باء'], ['ت', 'ta', 'تاء'], ['ث', 'tha', 'ثاء'],
  ['ج', 'jim', 'جِيم'], ['ح', 'hha', 'حاء'], ['خ', 'kha', 'خاء'], ['د', 'dal', 'دال'],
  ['ذ', 'dhal', 'ذال'], ['ر', 'ra', 'راء'], ['ز', 'zay', 'زاي'], ['س', 'sin', 'سِين'],
  ['ش', 'shin', 'شِين'], ['ص', 'sad', 'صاد'], ['ض', 'dad', 'ضاد'], ['ط', 'tta', 'طاء'],
  ['ظ', 'zza', 'ظاء'], ['ع', 'ain', 'عَيْن'], ['غ', 'ghain', 'غَيْن'], ['ف', 'fa', 'فاء'],
  ['ق', 'qaf', 'قاف'], ['ك', 'kaf', 'كاف'], ['ل', 'lam', 'لام'], ['م', 'mim', 'مِيم'],
  ['ن', 'nun', 'نُون'], ['ه', 'ha', 'هاء'], ['و', 'waw', 'واو'], ['ي', 'ya', 'ياء'],
];

const LATIN = Object.keys(LATIN_IN_ARABIC);

/** Latin letters said in Arabic: `latin-b` → «بي». */
export const arabicLatinLetters: LetterClip[] = LATIN.map((l) => ({
  name: `latin-${l.toLowerCase()}`,
  text: LATIN_IN_ARABIC[l]!,
  espeak: ESPEAK_LATIN_IN_ARABIC[l],
}));

/** Latin letters said in English or French, each voice by its own names: `latin-b` → "B". */
export const latinLetters: LetterClip[] = LATIN.map((l) => ({ name: `latin-${l.toLowerCase()}`, text: l }));

/** Arabic letters by their names: `arabic-ba` → «باء». */
export const arabicLetters: LetterClip[] = ARABIC_LETTERS.map(([, name, text]) => ({ name: `arabic-${name}`, text }));

/**
 * The clip that says one code letter in `lang`, or null for a character no clip says. Arabic
 * letters have Arabic clips only: their names are Arabic in an English or French sentence too.
 */
export function letterClip(char: string, lang: VoiceLang): string | null {
  const upper = char.toUpperCase();
  if (upper in LATIN_IN_ARABIC) return `${lang}/latin-${upper.toLowerCase()}`;
  const arabic = ARABIC_LETTERS.find(([letters]) => letters.includes(char));
  return arabic ? `ar/arabic-${arabic[1]}` : null;
}
