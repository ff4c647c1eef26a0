import type { Lang } from '../../../ui-kit/i18n.js';
import { arabicLatinLetters, arabicLetters, latinLetters, type LetterClip } from './letters.js';

// Every clip of the voice pack: its id (`<folder>/<name>`, the file assets/voice/<folder>/<name>.ogg
// and the address /voice/<folder>/<name>), what the voice says, and a spelling for espeak-ng
// where it reads another one better. scripts/voice-build.ts makes the pack from this list and
// docs/voice-clips.md gives it to a voice artist.

/** The languages a call is spoken in: every language of the UIs. */
export type VoiceLang = Lang;

export interface Clip {
  id: string;
  lang: VoiceLang | 'common';
  text: string;
  espeak?: string;
  group: string;
}

const AR_UNITS = ['صِفْر', 'واحِد', 'اِثْنان', 'ثَلاثَة', 'أَرْبَعَة', 'خَمْسَة', 'سِتَّة', 'سَبْعَة', 'ثَمانِيَة', 'تِسْعَة', 'عَشَرَة'];
const AR_TEENS = ['أَحَدَ عَشَر', 'اِثْنا عَشَر', 'ثَلاثَةَ عَشَر', 'أَرْبَعَةَ عَشَر', 'خَمْسَةَ عَشَر', 'سِتَّةَ عَشَر', 'سَبْعَةَ عَشَر', 'ثَمانِيَةَ عَشَر', 'تِسْعَةَ عَشَر'];
const AR_TENS = ['عِشْرُون', 'ثَلاثُون', 'أَرْبَعُون', 'خَمْسُون', 'سِتُّون', 'سَبْعُون', 'ثَمانُون', 'تِسْعُون'];
const AR_HUNDREDS = ['مِئَة', 'مِئَتان', 'ثَلاثُمِئَة', 'أَرْبَعُمِئَة', 'خَمْسُمِئَة', 'سِتُّمِئَة', 'سَبْعُمِئَة', 'ثَمانُمِئَة', 'تِسْعُمِئَة'];

const EN_BELOW_20 = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

const FR_BELOW_30 = [
  'zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf',
  'dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize', 'dix-sept', 'dix-huit', 'dix-neuf',
  'vingt', 'vingt et un', 'vingt-deux', 'vingt-trois', 'vingt-quatre', 'vingt-cinq', 'vingt-six', 'vingt-sept', 'vingt-huit', 'vingt-neuf',
];
const FR_TENS: [number, string][] = [[30, 'trente'], [40, 'quarante'], [50, 'cinquante'], [60, 'soixante']];

/** «و» joined to a word: «وَ» before a hamza-initial or alif-wasl word keeps its written form. */
const andAr = (word: string) => `وَ${word}`;

function arabicClips(): Clip[] {
  const clip = (name: string, text: string, group: string, espeak?: string): Clip => ({ id: `ar/${name}`, lang: 'ar', text, group, espeak });
  const out: Clip[] = [
    clip('the-number', 'الرَّقْم', 'phrases'),
    clip('to-counter', 'إِلى الشُّبّاك رَقْم', 'phrases'),
  ];
  AR_UNITS.forEach((w, n) => out.push(clip(`n${n}`, w, 'numbers')));
  AR_TEENS.forEach((w, i) => out.push(clip(`n${11 + i}`, w, 'numbers')));
  AR_TENS.forEach((w, i) => out.push(clip(`n${20 + 10 * i}`, w, 'numbers')));
  AR_HUNDREDS.forEach((w, i) => out.push(clip(`n${100 * (i + 1)}`, w, 'numbers')));
  AR_UNITS.slice(1).forEach((w, i) => out.push(clip(`and-n${i + 1}`, andAr(w), 'numbers joined by «و»')));
  AR_TEENS.forEach((w, i) => out.push(clip(`and-n${11 + i}`, andAr(w), 'numbers joined by «و»')));
  AR_TENS.forEach((w, i) => out.push(clip(`and-n${20 + 10 * i}`, andAr(w), 'numbers joined by «و»')));
  const letters = (list: LetterClip[], group: string) => list.forEach((l) => out.push(clip(l.name, l.text, group, l.espeak)));
  letters(arabicLatinLetters, 'Latin letters');
  letters(arabicLetters, 'Arabic letters');
  return out;
}

function englishClips(): Clip[] {
  const clip = (name: string, text: string, group: string): Clip => ({ id: `en/${name}`, lang: 'en', text, group });
  const out: Clip[] = [clip('ticket', 'Ticket', 'phrases'), clip('go-to-counter', 'please go to counter', 'phrases')];
  EN_BELOW_20.forEach((w, n) => out.push(clip(`n${n}`, w, 'numbers')));
  EN_TENS.forEach((w, i) => out.push(clip(`n${20 + 10 * i}`, w, 'numbers')));
  EN_BELOW_20.slice(1, 10).forEach((w, i) => out.push(clip(`n${100 * (i + 1)}`, `${w} hundred`, 'numbers')));
  out.push(clip('and', 'and', 'numbers'));
  latinLetters.forEach((l) => out.push(clip(l.name, l.text, 'Latin letters')));
  return out;
}

/** French: composed as numbers.ts says them (soixante + et onze, quatre-vingt + un, deux cent + un). */
function frenchClips(): Clip[] {
  const clip = (name: string, text: string, group: string): Clip => ({ id: `fr/${name}`, lang: 'fr', text, group });
  const out: Clip[] = [clip('number', 'Numéro', 'phrases'), clip('to-counter', 'au guichet', 'phrases')];
  FR_BELOW_30.forEach((w, n) => out.push(clip(`n${n}`, w, 'numbers')));
  FR_TENS.forEach(([n, w]) => out.push(clip(`n${n}`, w, 'numbers')));
  out.push(clip('and-n1', 'et un', 'numbers'), clip('and-n11', 'et onze', 'numbers'));
  out.push(clip('n80', 'quatre-vingts', 'numbers'), clip('n80-followed', 'quatre-vingt', 'numbers before another'));
  out.push(clip('n100', 'cent', 'numbers'));
  FR_BELOW_30.slice(2, 10).forEach((w, i) => {
    out.push(clip(`n${100 * (i + 2)}`, `${w} cents`, 'numbers'));
    out.push(clip(`n${100 * (i + 2)}-followed`, `${w} cent`, 'numbers before another'));
  });
  latinLetters.forEach((l) => out.push(clip(l.name, l.text, 'Latin letters')));
  return out;
}

export const CHIME = 'common/chime';

export const CLIPS: Clip[] = [
  { id: CHIME, lang: 'common', text: '(a two-note chime with its fade, about a second and a half)', group: 'chime' },
  ...arabicClips(),
  ...englishClips(),
  ...frenchClips(),
];

const BY_ID = new Map(CLIPS.map((c) => [c.id, c]));

export const clipText = (id: string): string | undefined => BY_ID.get(id)?.text;
export const isClip = (id: string): boolean => BY_ID.has(id);
