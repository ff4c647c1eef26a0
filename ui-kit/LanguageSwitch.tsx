import { dirOf, LANG_NAMES, type Lang } from './i18n.js';

/** One button for each other language of the hall, named in that language («Français»). */
export function LanguageSwitch({ languages, lang, onChoose, class: cls }: { languages: readonly Lang[]; lang: Lang; onChoose(lang: Lang): void; class: string }) {
  return (
    <>
      {languages
        .filter((other) => other !== lang)
        .map((other) => (
          <button key={other} type="button" class={cls} lang={other} dir={dirOf(other)} onClick={() => onChoose(other)}>
            {LANG_NAMES[other]}
          </button>
        ))}
    </>
  );
}
