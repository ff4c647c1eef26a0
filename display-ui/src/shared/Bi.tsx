import { dirOf, pick, type Bilingual, type Lang } from '../../../ui-kit/i18n.js';

/** A text in the page's language, with the hall's other languages (`also`) beneath it, smaller. */
export function Bi({ text, lang, also, class: cls }: { text: Bilingual; lang: Lang; also: readonly Lang[]; class?: string }) {
  return (
    <span class={`bi ${cls ?? ''}`}>
      <span class="bi-main" lang={lang}>
        {pick(text, lang)}
      </span>
      {alsoShown(text, lang, also).map((other) => (
        <span key={other} class="bi-sub" lang={other} dir={dirOf(other)}>
          {pick(text, other)}
        </span>
      ))}
    </span>
  );
}

/**
 * Which of `also` a name is shown in beneath the page's language: each text once. A language the
 * name lacks shows its fallback (pick) only when no other line shows that text already: a name in
 * Arabic and French, in a hall of all three languages, shows its French once, not for English too.
 */
export const alsoShown = (text: Bilingual, lang: Lang, also: readonly Lang[]) =>
  also.filter((l) => {
    const shown = pick(text, l);
    return shown !== pick(text, lang) && (text[l] !== undefined || !also.some((o) => text[o] === shown));
  });

/** The hall's languages but the page's: what a bilingual line shows beneath. */
export const alsoOf = (languages: readonly Lang[], lang: Lang) => languages.filter((l) => l !== lang);

/** Before the hall is known (not paired, not connected yet): Arabic, and English beneath, or the page's language and Arabic. */
export const beforeHallKnown = (lang: Lang): Lang[] => [lang === 'ar' ? 'en' : 'ar'];
