import type { Bilingual, Lang } from '../../../ui-kit/i18n.js';

/** A text in the page's language, with the other one beneath it, smaller, when the hall uses both. */
export function Bi({ text, lang, both, class: cls }: { text: Bilingual; lang: Lang; both: boolean; class?: string }) {
  const other: Lang = lang === 'ar' ? 'en' : 'ar';
  return (
    <span class={`bi ${cls ?? ''}`}>
      <span class="bi-main" lang={lang}>
        {text[lang]}
      </span>
      {both && (
        <span class="bi-sub" lang={other} dir={other === 'ar' ? 'rtl' : 'ltr'}>
          {text[other]}
        </span>
      )}
    </span>
  );
}
