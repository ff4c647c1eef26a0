import { LANGS } from '../../../ui-kit/i18n.js';
import { CHIME, CLIPS, clipText, type VoiceLang } from './catalogue.js';
import { letterClip } from './letters.js';
import { numberClips } from './numbers.js';

// What a display says for one call: chime; «الرقم» + letter + number + «إلى الشباك رقم» +
// counter; then "Ticket" + letter + number + "please go to counter" + counter, or in French
// « Numéro » + letter + number + « au guichet » + counter. A brief one, for calls that queue up,
// leaves out «الرقم» / "Ticket" / « Numéro ». Pure: the UI plays it and the tests read it.

/** A breath between the Arabic and the English sentence (not a clip: the player waits). */
export const PAUSE = 'pause';
export const PAUSE_SECONDS = 0.45;

export interface AnnounceOptions {
  chime: boolean;
  ar: boolean;
  en: boolean;
  fr?: boolean;
  /** Number and counter only: no «الرقم» / "Ticket" before the number. */
  brief?: boolean;
}

export interface Announcement {
  callId: number;
  ticketNumber: string;
  counterNumber: number;
  /** Clip ids in playing order, with PAUSE marks. */
  clips: string[];
  /** The same sentences as text, for speechSynthesis. */
  speech: { lang: VoiceLang; text: string }[];
  chime: boolean;
}

/** `B007` → letters `B` and number 7 (leading zeros are not said). */
export function splitTicketNumber(number: string): { letters: string[]; value: number | null } {
  const match = /^(.*?)(\d+)$/u.exec(number.trim());
  if (!match) return { letters: [...number.trim()], value: null };
  return { letters: [...match[1]!], value: Number(match[2]) };
}

/** The languages in the order they are spoken: Arabic first. */
export const VOICE_LANGS: readonly VoiceLang[] = LANGS;

const PHRASES: Record<VoiceLang, { intro: string; toCounter: string }> = {
  ar: { intro: 'ar/the-number', toCounter: 'ar/to-counter' },
  en: { intro: 'en/ticket', toCounter: 'en/go-to-counter' },
  fr: { intro: 'fr/number', toCounter: 'fr/to-counter' },
};

export function sentenceClips(ticketNumber: string, counterNumber: number, lang: VoiceLang, brief = false): string[] {
  const { letters, value } = splitTicketNumber(ticketNumber);
  const say = letters.map((l) => letterClip(l, lang)).filter((id): id is string => id !== null);
  if (value !== null) say.push(...numberClips(value, lang));
  const { intro, toCounter } = PHRASES[lang];
  return [...(brief ? [] : [intro]), ...say, toCounter, ...numberClips(counterNumber, lang)];
}

/**
 * Which languages a hall's display speaks: Arabic, then English unless the hall has French and not
 * English, then French in a hall that has it; each unless the hall switched it off.
 */
export function spokenLanguages(
  hallLanguages: readonly string[],
  display: { chime: boolean; announceAr: boolean; announceEn: boolean; announceFr: boolean },
): AnnounceOptions {
  const fr = hallLanguages.includes('fr');
  return {
    chime: display.chime,
    ar: display.announceAr,
    en: display.announceEn && (!fr || hallLanguages.includes('en')),
    fr: fr && display.announceFr,
  };
}

/** The clips a display loads ahead: the chime and every clip of the languages it speaks. */
export const clipsToPreload = (opts: AnnounceOptions) => CLIPS.filter((c) => (c.lang === 'common' ? opts.chime : opts[c.lang] === true)).map((c) => c.id);

const sentenceText = (clips: string[]) => clips.map((id) => clipText(id) ?? '').filter(Boolean).join(' ');

export function announcement(
  call: { id: number; ticket: { number: string }; counter: { number: number } },
  opts: AnnounceOptions,
): Announcement {
  const clips: string[] = opts.chime ? [CHIME] : [];
  const speech: Announcement['speech'] = [];
  for (const lang of VOICE_LANGS) {
    if (!opts[lang]) continue;
    const sentence = sentenceClips(call.ticket.number, call.counter.number, lang, opts.brief);
    if (speech.length) clips.push(PAUSE);
    clips.push(...sentence);
    speech.push({ lang, text: sentenceText(sentence) });
  }
  return { callId: call.id, ticketNumber: call.ticket.number, counterNumber: call.counter.number, clips, speech, chime: opts.chime };
}
