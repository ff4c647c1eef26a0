import type { Bilingual } from '../../../../ui-kit/i18n.js';
import { usePhoneUi } from '../ui.js';

/** The hall's name and the language button. */
export function PhoneHeader({ hallName, bilingual, onLanguage }: { hallName: Bilingual | null; bilingual: boolean; onLanguage(): void }) {
  const { lang, t } = usePhoneUi();
  return (
    <header class="p-bar">
      <span class="p-hall">{hallName?.[lang] ?? ''}</span>
      {bilingual && (
        <button type="button" class="p-lang" lang={lang === 'ar' ? 'en' : 'ar'} onClick={onLanguage}>
          {t('language')}
        </button>
      )}
    </header>
  );
}
