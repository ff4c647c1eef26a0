// Language, direction and numbers. Arabic is the default; `?lang=en` or `?lang=fr` switches.

import type { HijriCalendar } from '../server/protocol/schemas.js';
export type { HijriCalendar };

export const LANGS = ['ar', 'en', 'fr'] as const;
export type Lang = (typeof LANGS)[number];
export type Digits = 'arab' | 'latn';
/** A text of the UIs, in every language: a missing French string is a compile error. */
export type Phrase = Record<Lang, string>;
/** A name an admin typed (hall, service, footer): Arabic, English and French where given. */
export interface Bilingual {
  ar: string;
  en?: string;
  fr?: string;
}

/** Each language's name in itself, for the language switch. */
export const LANG_NAMES: Phrase = { ar: 'العربية', en: 'English', fr: 'Français' };

export const dirOf = (lang: Lang) => (lang === 'ar' ? 'rtl' : 'ltr');

export function initialLang(): Lang {
  const asked = new URL(location.href).searchParams.get('lang');
  return asked === 'en' || asked === 'fr' ? asked : 'ar';
}

/** Sets `lang` and `dir` on <html>; every layout uses logical CSS properties, so this flips it. */
export function applyLang(lang: Lang): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = dirOf(lang);
}

/** Keeps the page's language in its address (`?lang=`; none for Arabic), so a reload keeps it. */
export function setLangInAddress(lang: Lang): void {
  const url = new URL(location.href);
  if (lang === 'ar') url.searchParams.delete('lang');
  else url.searchParams.set('lang', lang);
  history.replaceState(null, '', url.pathname + url.search + url.hash);
}

/**
 * A name (or a list) in a language where given, else in the other Latin-script one (English for
 * French, French for English: a reader of either is likelier to read the other than Arabic
 * script, and many names are nearly the same words), else Arabic, which always exists.
 */
export const pick = <T,>(text: { ar: T; en?: T; fr?: T }, lang: Lang): T => inScriptOf(text, lang) ?? text.ar;

/** The same without the last step: a text in the language's own script (for Arabic, the Arabic), if there is one. */
export const inScriptOf = <T,>(text: { ar: T; en?: T; fr?: T }, lang: Lang): T | undefined =>
  lang === 'ar' ? text.ar : (text[lang] ?? text[lang === 'en' ? 'fr' : 'en']);

/** A label before what it names: «الانتظار: », "Wait: ", « Attente : » (French keeps a no-break space before the colon). */
export const labelled = (label: string, lang: Lang) => `${label}${lang === 'fr' ? '\u00a0: ' : ': '}`;

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';

const LOCALES: Phrase = { ar: 'ar-SY', en: 'en-GB', fr: 'fr-FR' };

/** The language's locale with the digits it writes: the hall's in Arabic, Latin in English and French. */
export const localeOf = (lang: Lang, digits: Digits) => `${LOCALES[lang]}-u-nu-${lang === 'ar' ? digits : 'latn'}`;

/** Numbers in the hall's digits: Arabic-Indic (٠١٢…) or Latin in Arabic; Latin in English and French. */
export function formatNumber(n: number, lang: Lang, digits: Digits = 'arab'): string {
  return new Intl.NumberFormat(localeOf(lang, digits), { useGrouping: false }).format(n);
}

const arPlural = new Intl.PluralRules('ar');

/** An Arabic noun's forms after a number: 1, 2, 3–10 (few), 11–99 (many), 100 and the like (other). */
export interface ArabicForms {
  one: string;
  two: string;
  few: string;
  many: string;
  other: string;
}

/**
 * A counted noun as Arabic says it: «شخص واحد», «شخصان», «٣ أشخاص», «١١ شخصاً», «١٠٠ شخص» (one
 * and two say the number in the noun). The case of the forms is the caller's: «نحو دقيقتين».
 */
export function arabicCount(n: number, digits: Digits, forms: ArabicForms): string {
  const rule = arPlural.select(n);
  if (rule === 'one' || rule === 'two') return forms[rule];
  return `${formatNumber(n, 'ar', digits)} ${rule === 'few' || rule === 'many' ? forms[rule] : forms.other}`;
}

const frPlural = new Intl.PluralRules('fr');

/** A counted noun as French says it: 0 and 1 take the singular («0 personne», «1 personne», «2 personnes»). */
export const frenchCount = (n: number, singular: string, plural: string) =>
  `${formatNumber(n, 'fr')}\u00a0${frPlural.select(n) === 'one' ? singular : plural}`;

/**
 * How a ticket's number is written, on every screen in either language and on the receipt: as one
 * code, its digits in the script of its letter. A Latin letter takes Latin digits (B007, never
 * «B٠٠٧»); an Arabic letter, or no letter, takes the hall's digits (ب٠٠٧, or ب007 in a hall that
 * writes Latin digits). The language of the page does not change it, so the citizen's ticket, the
 * TV and the clerk's screen always show the same string.
 */
export function formatTicketNumber(number: string, digits: Digits): string {
  if (/[A-Za-z]/.test(number) || digits === 'latn') return number;
  return number.replace(/\d/g, (d) => ARABIC_INDIC[Number(d)]!);
}

/** The time of an instant on the hall's 24-hour clock: «١٠:٠٢» / "10:02". */
export function formatTime(at: Date, lang: Lang, timeZone: string, digits: Digits = 'arab'): string {
  // hourCycle, not hour12: false, which gives «٢٤:٥٩» for a minute to one in Arabic.
  return new Intl.DateTimeFormat(localeOf(lang, digits), { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}

/** Gregorian and Hijri dates of an instant in the hall's time zone (Hijri in the hall's calendar), and its time. */
export function formatDates(at: Date, lang: Lang, timeZone: string, digits: Digits = 'arab', calendar: HijriCalendar = 'islamic-umalqura') {
  const locale = localeOf(lang, digits);
  const gregorian = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(at);
  const hijri = new Intl.DateTimeFormat(`${locale.replace('-u-', `-u-ca-${calendar}-`)}`, {
    timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(at);
  return { gregorian, hijri, time: formatTime(at, lang, timeZone, digits) };
}
