import { arabicCount, formatNumber, frenchCount, labelled, type Digits, type Lang, type Phrase } from './i18n.js';

// What a ticket says, and what taking one says, in one wording for the kiosk's screen, the
// printed receipt (the server's renderer imports this file) and the citizen's phone (/join).

export const PHRASES = {
  yourNumber: { ar: 'رقم دورك', en: 'Your number', fr: 'Votre numéro' },
  expectedWait: { ar: 'الانتظار المتوقع', en: 'Expected wait', fr: 'Temps d’attente estimé' },
  scanToFollow: {
    ar: 'امسح الرمز لمتابعة دورك على هاتفك',
    en: 'Scan to follow your turn on your phone',
    fr: 'Scannez le code pour suivre votre tour sur votre téléphone',
  },
  typeAddress: {
    ar: 'أو اكتب هذا العنوان في متصفح هاتفك',
    en: "Or type this address in your phone's browser",
    fr: 'Ou tapez cette adresse dans le navigateur de votre téléphone',
  },
  whatToBring: { ar: 'الأوراق المطلوبة', en: 'What to bring', fr: 'Documents à apporter' },
  priorityTag: { ar: 'دور أولوية', en: 'Priority ticket', fr: 'Ticket prioritaire' },
  chooseService: { ar: 'اختر الخدمة التي جئت من أجلها', en: 'Choose the service you came for', fr: 'Choisissez le service pour lequel vous êtes venu' },
  /** Before a service's count of people waiting. */
  waiting: { ar: 'في الانتظار:', en: 'Waiting:', fr: 'En attente\u00a0:' },
  issuing: { ar: 'جارٍ إصدار دورك…', en: 'Issuing your ticket…', fr: 'Édition de votre ticket…' },
} satisfies Record<string, Phrase>;

/** On the ticket and its receipt: «موعد ١٠:٤٠» / "Appointment 10:40" (a time in the hall's digits). */
export const appointmentTag = (time: string, lang: Lang) =>
  ({ ar: `موعد ${time}`, en: `Appointment ${time}`, fr: `Rendez-vous à ${time}` })[lang];

/** No counter serves the service now; `opensAt` ("08:30", the hall's time) when its hours say. */
export interface NotStarted {
  opensAt: string | null;
}

/** What a ticket, or a ticket taken now, knows of its wait. */
export interface WaitFacts {
  estimatedWaitMinutes: number | null;
  /** Around the estimate, meant to hold the wait 80% of the time: said instead of it. */
  estimatedWaitRange?: { low: number; high: number };
  notStarted: NotStarted | null;
}

/** «لا أحد أمامك» / «أمامك ٣ أشخاص» / "3 people ahead of you" / «3 personnes avant vous». */
export function peopleAhead(n: number, lang: Lang, digits: Digits): string {
  if (lang === 'fr') return n === 0 ? 'Personne avant vous' : `${frenchCount(n, 'personne', 'personnes')} avant vous`;
  if (lang === 'en') return n === 0 ? 'No one ahead of you' : `${n} ${n === 1 ? 'person' : 'people'} ahead of you`;
  if (n === 0) return 'لا أحد أمامك';
  return `أمامك ${arabicCount(n, digits, { one: 'شخص واحد', two: 'شخصان', few: 'أشخاص', many: 'شخصاً', other: 'شخص' })}`;
}

/**
 * The wait in a few words, for a line of its own or a service's button: «١٢–٢٠ دقيقة» or
 * «حتى ٣ دقائق» with a range, «نحو ١٢ دقيقة», «أقل من دقيقة», «الخدمة لم تبدأ بعد، وتبدأ الساعة
 * ٠٨:٣٠»; null when not known.
 */
export function waitWords(w: WaitFacts, lang: Lang, digits: Digits): string | null {
  if (w.notStarted) return notStarted(w.notStarted.opensAt, lang, digits);
  const range = w.estimatedWaitRange;
  if (range && range.high > range.low) return rangeWords(range.low, range.high, lang, digits);
  const minutes = w.estimatedWaitMinutes;
  if (minutes == null) return null;
  if (minutes <= 0) return { ar: 'أقل من دقيقة', en: 'under a minute', fr: 'moins d’une minute' }[lang];
  if (lang === 'en') return `about ${minutes} min`;
  if (lang === 'fr') return `environ ${minutes}\u00a0min`;
  // After «نحو»: genitive, «نحو دقيقتين».
  return `نحو ${arabicCount(minutes, digits, { one: 'دقيقة واحدة', two: 'دقيقتين', few: 'دقائق', many: 'دقيقة', other: 'دقيقة' })}`;
}

/**
 * «١٢–٢٠ دقيقة», «٣–٥ دقائق» (the noun agrees with the last number), «حتى دقيقتين» from 0;
 * "12–20 min", "up to 2 min"; «12–20 min», «jusqu’à 2 min».
 */
function rangeWords(low: number, high: number, lang: Lang, digits: Digits): string {
  if (lang === 'en') return low === 0 ? `up to ${high} min` : `${low}–${high} min`;
  if (lang === 'fr') return low === 0 ? `jusqu’à ${high}\u00a0min` : `${low}–${high}\u00a0min`;
  if (low === 0) return `حتى ${arabicCount(high, digits, { one: 'دقيقة واحدة', two: 'دقيقتين', few: 'دقائق', many: 'دقيقة', other: 'دقيقة' })}`;
  const noun = high >= 3 && high <= 10 ? 'دقائق' : 'دقيقة';
  return `${formatNumber(low, 'ar', digits)}–${formatNumber(high, 'ar', digits)} ${noun}`;
}

/** A ticket's wait line: «الانتظار المتوقع: نحو ١٢ دقيقة», or «الخدمة لم تبدأ بعد» alone; null when not known. */
export function waitLine(w: WaitFacts, lang: Lang, digits: Digits): { label: string | null; words: string } | null {
  const words = waitWords(w, lang, digits);
  if (words == null) return null;
  return { label: w.notStarted ? null : PHRASES.expectedWait[lang], words };
}

export const waitLineText = (line: NonNullable<ReturnType<typeof waitLine>>, lang: Lang) =>
  line.label ? labelled(line.label, lang) + line.words : line.words;

function notStarted(opensAt: string | null, lang: Lang, digits: Digits): string {
  if (lang === 'en') return opensAt ? `Service not started yet: it starts at ${opensAt}` : 'Service not started yet';
  if (lang === 'fr') return opensAt ? `Ce service n’a pas encore commencé\u00a0: il ouvre à ${opensAt}` : 'Ce service n’a pas encore commencé';
  const time = opensAt?.replace(/\d/g, (d) => formatNumber(Number(d), 'ar', digits));
  return time ? `الخدمة لم تبدأ بعد، وتبدأ الساعة ${time}` : 'الخدمة لم تبدأ بعد';
}
