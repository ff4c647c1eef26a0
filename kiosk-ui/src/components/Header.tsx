import type { HallInfo } from '../../../server/protocol/schemas.js';
import { useNow } from '../../../ui-kit/hooks.js';
import { formatTime, pick, type Lang } from '../../../ui-kit/i18n.js';
import { LanguageSwitch } from '../../../ui-kit/LanguageSwitch.js';
import { useUi } from '../ui.js';

interface Props {
  hall: HallInfo | null;
  /** Server clock minus this device's: the hall's time, not a drifting kiosk's. */
  clockOffsetMs: number;
  onLanguage(lang: Lang): void;
}

/** The hall's name, the time, and a button for each other language of the hall. */
export function Header({ hall, clockOffsetMs, onLanguage }: Props) {
  const { lang, digits } = useUi();
  // The clock ticks here, not in the App: a tick re-renders the bar, not the whole screen.
  const now = useNow(1000, clockOffsetMs);
  const time = hall ? formatTime(now, lang, hall.timeZone, digits) : '';
  return (
    <header class="bar">
      <span class="bar-hall">{hall ? pick(hall.name, lang) : ''}</span>
      <span class="bar-time">{time}</span>
      <LanguageSwitch class="lang-button" languages={hall?.languages ?? ['ar', 'en']} lang={lang} onChoose={onLanguage} />
    </header>
  );
}
