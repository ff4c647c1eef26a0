import { formatNumber, labelled, localeOf, type Digits, type Phrase, type Lang } from '../../../ui-kit/i18n.js';

// Dates and times picked with the hall's words and digits. A native <input type=date|time>
// speaks the browser's locale («12/07/2026», «08:00 AM») whatever the page's language.

interface Common {
  /** The field's name, also the start of each part's accessible name: «من تاريخ: الشهر». */
  label: string;
  lang: Lang;
  digits: Digits;
}

const PART: Record<'day' | 'month' | 'year' | 'hour' | 'minute', Phrase> = {
  day: { ar: 'اليوم', en: 'Day', fr: 'Jour' },
  month: { ar: 'الشهر', en: 'Month', fr: 'Mois' },
  year: { ar: 'السنة', en: 'Year', fr: 'Année' },
  hour: { ar: 'الساعة', en: 'Hour', fr: 'Heure' },
  minute: { ar: 'الدقيقة', en: 'Minute', fr: 'Minute' },
};

const pad = (n: number) => String(n).padStart(2, '0');
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** «كانون الثاني» / "January" / « janvier », as the hall's calendars name the months. */
const monthName = (month: number, lang: Lang) =>
  new Intl.DateTimeFormat(localeOf(lang, 'arab'), { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, month - 1, 1));

interface DateProps extends Common {
  /** `YYYY-MM-DD`; '' for none when `optional`. */
  value: string;
  /**
   * The hall's today: the last day that may be chosen (the first, when `ahead`), the newest year
   * offered (the oldest), and the day a field that was empty starts from when one of its parts is chosen.
   */
  today: string;
  optional?: boolean;
  /** Today and the days to come (a closure day), rather than today and before. */
  ahead?: boolean;
  onChange(value: string): void;
}

/** Day, month and year as three lists. */
export function DateField({ label, lang, digits, value, today, optional = false, ahead = false, onChange }: DateProps) {
  const [y, m, d] = (value || today).split('-').map(Number) as [number, number, number];
  const thisYear = Number(today.slice(0, 4));
  const years = ahead ? range(Math.min(y, thisYear), Math.max(y, thisYear + 1)) : range(Math.min(y, thisYear - 5), Math.max(y, thisYear));
  const set = (part: 'y' | 'm' | 'd', raw: string) => {
    if (raw === '') return onChange('');
    const next = { y, m, d, [part]: Number(raw) };
    const day = Math.min(next.d, daysIn(next.y, next.m));
    const date = `${next.y}-${pad(next.m)}-${pad(day)}`;
    onChange((ahead ? date < today : date > today) ? today : date);
  };
  const none = optional && <option value="">—</option>;
  const shown = (part: number) => (value ? String(part) : '');
  const num = (n: number) => formatNumber(n, lang, digits);
  return (
    <span class="date-field" role="group" aria-label={label}>
      <select aria-label={labelled(label, lang) + PART.day[lang]} value={shown(d)} onChange={(e) => set('d', e.currentTarget.value)}>
        {none}
        {range(1, daysIn(y, m)).map((n) => (
          <option key={n} value={String(n)}>
            {num(n)}
          </option>
        ))}
      </select>
      <select aria-label={labelled(label, lang) + PART.month[lang]} value={shown(m)} onChange={(e) => set('m', e.currentTarget.value)}>
        {none}
        {range(1, 12).map((n) => (
          <option key={n} value={String(n)}>
            {monthName(n, lang)}
          </option>
        ))}
      </select>
      <select aria-label={labelled(label, lang) + PART.year[lang]} value={shown(y)} onChange={(e) => set('y', e.currentTarget.value)}>
        {none}
        {years.map((n) => (
          <option key={n} value={String(n)}>
            {num(n)}
          </option>
        ))}
      </select>
    </span>
  );
}

interface TimeProps extends Common {
  /** `HH:MM`, 24-hour. */
  value: string;
  onChange(value: string): void;
  invalid?: boolean;
  describedBy?: string;
}

/** Hour (00–23) and minute as two lists, on the 24-hour clock the hall's notices use. */
export function TimeField({ label, lang, digits, value, onChange, invalid, describedBy }: TimeProps) {
  const [h = '00', m = '00'] = value.split(':');
  const two = (n: number) => formatNumber(n, lang, digits).padStart(2, formatNumber(0, lang, digits));
  const attrs = { 'aria-invalid': invalid ? ('true' as const) : undefined, 'aria-describedby': describedBy };
  return (
    <span class="time-field" role="group" aria-label={label} dir="ltr">
      <select aria-label={labelled(label, lang) + PART.hour[lang]} value={h} {...attrs} onChange={(e) => onChange(`${e.currentTarget.value}:${m}`)}>
        {range(0, 23).map((n) => (
          <option key={n} value={pad(n)}>
            {two(n)}
          </option>
        ))}
      </select>
      <span aria-hidden="true">:</span>
      <select aria-label={labelled(label, lang) + PART.minute[lang]} value={m} {...attrs} onChange={(e) => onChange(`${h}:${e.currentTarget.value}`)}>
        {range(0, 59).map((n) => (
          <option key={n} value={pad(n)}>
            {two(n)}
          </option>
        ))}
      </select>
    </span>
  );
}
