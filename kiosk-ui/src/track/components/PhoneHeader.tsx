import { pick, type Bilingual, type Lang } from '../../../../ui-kit/i18n.js';
import { LanguageSwitch } from '../../../../ui-kit/LanguageSwitch.js';
import { usePhoneUi } from '../ui.js';

/** The hall's name, and a button for each other language of the hall. */
export function PhoneHeader({ hallName, languages, onLanguage }: { hallName: Bilingual | null; languages: Lang[]; onLanguage(lang: Lang): void }) {
  const { lang } = usePhoneUi();
  return (
    <header class="p-bar">
      <span class="p-hall">{hallName ? pick(hallName, lang) : ''}</span>
      <LanguageSwitch class="p-lang" languages={languages} lang={lang} onChoose={onLanguage} />
    </header>
  );
}
