import { arabicCount, formatNumber, type Digits, type Lang } from './i18n.js';

// What a ticket says, in one wording for the kiosk's screen, the printed receipt (the server's
// renderer imports this file) and the citizen's phone.

export const PHRASES = {
  yourNumber: { ar: 'رقم دورك', en: 'Your number' },
  expectedWait: { ar: 'الانتظار المتوقع', en: 'Expected wait' },
  scanToFollow: { ar: 'امسح الرمز لمتابعة دورك على هاتفك', en: 'Scan to follow your turn on your phone' },
  typeAddress: { ar: 'أو اكتب هذا العنوان في متصفح هاتفك', en: "Or type this address in your phone's browser" },
  whatToBring: { ar: 'الأوراق المطلوبة', en: 'What to bring' },
  priorityTag: { ar: 'دور أولوية', en: 'Priority ticket' },
} as const;

/** On the ticket and its receipt: «موعد ١٠:٤٠» / "Appointment 10:40" (a time in the hall's digits). */
export const appointmentTag = (time: string, lang: Lang) => (lang === 'ar' ? `موعد ${time}` : `Appointment ${time}`);

/** No counter serves the service now; `opensAt` ("08:30", the hall's time) when its hours say. */
export interface NotStarted {
  opensAt: string | null;
}

/** What a ticket, or a ticket taken now, knows of its wait. */
export interface WaitFacts {
  estimatedWaitMinutes: number | null;
  notStarted: NotStarted | null;
}

/** «لا أحد أمامك» / «أمامك ٣ أشخاص» / "3 people ahead of you". */
export function peopleAhead(n: number, lang: Lang, digits: Digits): string {
  if (lang === 'en') return n === 0 ? 'No one ahead of you' : `${n} ${n === 1 ? 'person' : 'people'} ahead of you`;
  if (n === 0) return 'لا أحد أمامك';
  return `أمامك ${arabicCount(n, digits, { one: 'شخص واحد', two: 'شخصان', few: 'أشخاص', many: 'شخصاً', other: 'شخص' })}`;
}

/**
 * The wait in a few words, for a line of its own or a service's button: «نحو ١٢ دقيقة»,
 * «أقل من دقيقة», «الخدمة لم تبدأ بعد، وتبدأ الساعة ٠٨:٣٠»; null when not known.
 */
export function waitWords(w: WaitFacts, lang: Lang, digits: Digits): string | null {
  if (w.notStarted) return notStarted(w.notStarted.opensAt, lang, digits);
  const minutes = w.estimatedWaitMinutes;
  if (minutes == null) return null;
  if (minutes <= 0) return lang === 'ar' ? 'أقل من دقيقة' : 'under a minute';
  if (lang === 'en') return `about ${minutes} min`;
  // After «نحو»: genitive, «نحو دقيقتين».
  return `نحو ${arabicCount(minutes, digits, { one: 'دقيقة واحدة', two: 'دقيقتين', few: 'دقائق', many: 'دقيقة', other: 'دقيقة' })}`;
}

/** A ticket's wait line: «الانتظار المتوقع: نحو ١٢ دقيقة», or «الخدمة لم تبدأ بعد» alone; null when not known. */
export function waitLine(w: WaitFacts, lang: Lang, digits: Digits): { label: string | null; words: string } | null {
  const words = waitWords(w, lang, digits);
  if (words == null) return null;
  return { label: w.notStarted ? null : PHRASES.expectedWait[lang], words };
}

export const waitLineText = (line: NonNullable<ReturnType<typeof waitLine>>) => (line.label ? `${line.label}: ${line.words}` : line.words);

function notStarted(opensAt: string | null, lang: Lang, digits: Digits): string {
  if (lang === 'en') return opensAt ? `Service not started yet: it starts at ${opensAt}` : 'Service not started yet';
  const time = opensAt?.replace(/\d/g, (d) => formatNumber(Number(d), 'ar', digits));
  return time ? `الخدمة لم تبدأ بعد، وتبدأ الساعة ${time}` : 'الخدمة لم تبدأ بعد';
}
