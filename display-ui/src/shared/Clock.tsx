import { useEffect, useState } from 'preact/hooks';
import { formatDates, type Digits, type Lang } from '../../../ui-kit/i18n.js';

/** The hall's time, Gregorian and Hijri dates, by the server's clock (a TV's own may be wrong). */
export function Clock({ lang, timeZone, digits, skewMs }: { lang: Lang; timeZone: string; digits: Digits; skewMs: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 5000);
    return () => clearInterval(timer);
  }, []);
  const { time, gregorian, hijri } = formatDates(new Date(now + skewMs), lang, timeZone, digits);
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
