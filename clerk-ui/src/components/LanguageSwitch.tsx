import { LANG_NAMES, type Lang } from '../../../ui-kit/i18n.js';
import { useUi } from '../ui.js';

interface Props {
  /** The languages offered (the hall's, or all of them in the city's app); the page's own is left out. */
  offered: readonly Lang[];
  onLanguage(lang: Lang): void;
  class?: string;
}

/** One button per other language, each named in its own language: «العربية», "English", « Français ». */
export function LanguageSwitch({ offered, onLanguage, class: className = '' }: Props) {
  const { lang } = useUi();
  return (
    <span class={`lang-switch ${className}`}>
      {offered
        .filter((l) => l !== lang)
        .map((l) => (
          <button key={l} type="button" class="btn lang-button" lang={l} onClick={() => onLanguage(l)}>
            {LANG_NAMES[l]}
          </button>
        ))}
    </span>
  );
}
