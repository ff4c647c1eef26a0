import type { HallInfo } from '../../../server/protocol/schemas.js';
import { useNow } from '../../../ui-kit/hooks.js';
import { formatTime, pick } from '../../../ui-kit/i18n.js';
import { useUi } from '../ui.js';

interface Props {
  hall: HallInfo | null;
  /** Server clock minus this device's: the hall's time, not a drifting kiosk's. */
  clockOffsetMs: number;
  onLanguage(): void;
}

/** The hall's name, the time, and the language button. */
export function Header({ hall, clockOffsetMs, onLanguage }: Props) {
  const { lang, digits, t } = useUi();
  // The clock ticks here, not in the App: a tick re-renders the bar, not the whole screen.
  const now = useNow(1000, clockOffsetMs);
  const time = hall ? formatTime(now, lang, hall.timeZone, digits) : '';
  const bilingual = !hall || hall.languages.length > 1;
  return (
    <header class="bar">
      <span class="bar-hall">{hall ? pick(hall.name, lang) : ''}</span>
      <span class="bar-time">{time}</span>
      {bilingual && (
        <button type="button" class="lang-button" lang={lang === 'ar' ? 'en' : 'ar'} onClick={onLanguage}>
          {t('language')}
        </button>
      )}
    </header>
  );
}
