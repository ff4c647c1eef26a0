import type { HallInfo } from '../../../server/protocol/schemas.js';
import { useNow } from '../../../ui-kit/hooks.js';
import { dirOf, formatDates, pick } from '../../../ui-kit/i18n.js';
import { TEXT } from '../text.js';
import { useUi } from '../ui.js';

interface Props {
  hall: HallInfo | null;
  /** Server clock minus this device's: the hall's time, not a drifting kiosk's. */
  clockOffsetMs: number;
  onStart(): void;
}

/**
 * The idle screen: the whole screen is one button, in both languages, named by all it shows (the
 * spaces between its parts are for that name); the hall's name is the page's heading.
 */
export function Attract({ hall, clockOffsetMs, onStart }: Props) {
  const { lang, digits } = useUi();
  const now = useNow(1000, clockOffsetMs);
  const others = (hall?.languages ?? ['ar', 'en']).filter((l) => l !== lang);
  const dates = hall ? formatDates(now, lang, hall.timeZone, digits, hall.hijriCalendar) : null;
  return (
    <main class="kiosk">
      {hall && <h1 class="visually-hidden">{pick(hall.name, lang)}</h1>}
      <button type="button" class="screen attract" onClick={onStart}>
        {hall && <span class="attract-hall">{pick(hall.name, lang)}</span>}{' '}
        <span class="attract-call">{TEXT.touchToStart[lang]}</span>{' '}
        {others.map((other) => (
          <span key={other} class="attract-call-other" lang={other} dir={dirOf(other)}>
            {TEXT.touchToStart[other]}
          </span>
        ))}
        <span class="attract-hand" aria-hidden="true" />{' '}
        {dates && (
          <span class="attract-clock">
            <span class="attract-time">{dates.time}</span> <span>{dates.gregorian}</span> <span>{dates.hijri}</span>
          </span>
        )}
      </button>
    </main>
  );
}
