import { useNow } from '../../../ui-kit/hooks.js';
import { formatDates, type Digits, type HijriCalendar, type Lang } from '../../../ui-kit/i18n.js';

/** The hall's time, Gregorian and Hijri dates, by the server's clock (a TV's own may be wrong). */
export function Clock({ lang, timeZone, digits, calendar, skewMs }: { lang: Lang; timeZone: string; digits: Digits; calendar: HijriCalendar; skewMs: number }) {
  const now = useNow(5000, skewMs);
  const { time, gregorian, hijri } = formatDates(now, lang, timeZone, digits, calendar);
  return (
    <div class="clock">
      <div class="clock-time">{time}</div>
      <div class="clock-dates">
        <span>{gregorian}</span>
        <span>{hijri}</span>
      </div>
    </div>
  );
}
