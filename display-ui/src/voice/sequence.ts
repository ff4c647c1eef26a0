import { CHIME, clipText } from './catalogue.js';
import { letterClip } from './letters.js';
import { numberClips } from './numbers.js';

// What a display says for one call: chime; «الرقم» + letter + number + «إلى الشباك رقم» +
// counter; then "Ticket" + letter + number + "please go to counter" + counter. A brief one, for
// calls that queue up, leaves out «الرقم» / "Ticket". Pure: the UI plays it and the tests read it.

/** A breath between the Arabic and the English sentence (not a clip: the player waits). */
export const PAUSE = 'pause';
export const PAUSE_SECONDS = 0.45;

export interface AnnounceOptions {
  chime: boolean;
  ar: boolean;
  en: boolean;
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
  speech: { lang: 'ar' | 'en'; text: string }[];
  chime: boolean;
}

/** `B007` → letters `B` and number 7 (leading zeros are not said). */
export function splitTicketNumber(number: string): { letters: string[]; value: number | null } {
  const match = /^(.*?)(\d+)$/u.exec(number.trim());
  if (!match) return { letters: [...number.trim()], value: null };
  return { letters: [...match[1]!], value: Number(match[2]) };
}

export function sentenceClips(ticketNumber: string, counterNumber: number, lang: 'ar' | 'en', brief = false): string[] {
  const { letters, value } = splitTicketNumber(ticketNumber);
  const say = letters.map((l) => letterClip(l, lang)).filter((id): id is string => id !== null);
  if (value !== null) say.push(...numberClips(value, lang));
  const intro = brief ? [] : [lang === 'ar' ? 'ar/the-number' : 'en/ticket'];
  return lang === 'ar'
    ? [...intro, ...say, 'ar/to-counter', ...numberClips(counterNumber, 'ar')]
    : [...intro, ...say, 'en/go-to-counter', ...numberClips(counterNumber, 'en')];
}

const sentenceText = (clips: string[]) => clips.map((id) => clipText(id) ?? '').filter(Boolean).join(' ');

export function announcement(
  call: { id: number; ticket: { number: string }; counter: { number: number } },
  opts: AnnounceOptions,
): Announcement {
  const clips: string[] = opts.chime ? [CHIME] : [];
  const speech: Announcement['speech'] = [];
  for (const lang of ['ar', 'en'] as const) {
    if (!opts[lang]) continue;
    const sentence = sentenceClips(call.ticket.number, call.counter.number, lang, opts.brief);
    if (speech.length) clips.push(PAUSE);
    clips.push(...sentence);
    speech.push({ lang, text: sentenceText(sentence) });
  }
  return { callId: call.id, ticketNumber: call.ticket.number, counterNumber: call.counter.number, clips, speech, chime: opts.chime };
}
