import type { WeeklyHours } from '../../../server/protocol/schemas.js';
import type { Phrase } from '../../../ui-kit/i18n.js';
import { TimeField } from '../components/DateTime.js';
import { useAdmin } from './context.js';
import type { Checks } from './validate.js';

// Opening hours per weekday, each day with its periods (add / remove). The week is shown from
// Saturday, as Syrian calendars print it.

export type Day = '0' | '1' | '2' | '3' | '4' | '5' | '6';
export interface Period {
  open: string;
  close: string;
}
export type WeekDraft = Record<Day, Period[]>;

const DAYS: Day[] = ['6', '0', '1', '2', '3', '4', '5'];
const DAY_NAMES: Record<Day, Phrase> = {
  '0': { ar: 'الأحد', en: 'Sunday', fr: 'Dimanche' },
  '1': { ar: 'الاثنين', en: 'Monday', fr: 'Lundi' },
  '2': { ar: 'الثلاثاء', en: 'Tuesday', fr: 'Mardi' },
  '3': { ar: 'الأربعاء', en: 'Wednesday', fr: 'Mercredi' },
  '4': { ar: 'الخميس', en: 'Thursday', fr: 'Jeudi' },
  '5': { ar: 'الجمعة', en: 'Friday', fr: 'Vendredi' },
  '6': { ar: 'السبت', en: 'Saturday', fr: 'Samedi' },
};

const pad = (n: number) => String(n).padStart(2, '0');
const toClock = (minutes: number) => `${pad(Math.floor(minutes / 60) % 24)}:${pad(minutes % 60)}`;
/** `HH:MM` → minutes; a period closing at 00:00 closes at midnight (1440). */
function toMinutes(clock: string, closing: boolean): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(clock);
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return closing && minutes === 0 ? 24 * 60 : minutes;
}

export function draftOf(hours: WeeklyHours | null | undefined): WeekDraft {
  const week = {} as WeekDraft;
  for (const day of DAYS) week[day] = (hours?.[day] ?? []).map(([o, c]) => ({ open: toClock(o), close: toClock(c) }));
  return week;
}

/** The draft as the API's hours, problems added to `checks` under `path.<day>.<i>`. */
export function hoursOf(week: WeekDraft, path: string, checks: Checks): WeeklyHours {
  const out: WeeklyHours = {};
  for (const day of DAYS) {
    const periods = week[day].map((p, i) => {
      const open = toMinutes(p.open, false);
      const close = toMinutes(p.close, true);
      if (open === null || close === null) checks.add(`${path}.${day}.${i}`, 'required');
      else if (open >= close) checks.add(`${path}.${day}.${i}`, 'open_after_close');
      return [open ?? 0, close ?? 0] as [number, number];
    });
    periods.forEach(([open], i) => {
      if (i > 0 && open < periods[i - 1]![1]) checks.add(`${path}.${day}.${i}`, 'overlap');
    });
    if (periods.length > 6) checks.add(`${path}.${day}`, 'too_many', 6);
    out[day] = periods;
  }
  return out;
}

interface Props {
  week: WeekDraft;
  onChange(week: WeekDraft): void;
  /** The error of `path.<day>.<i>`, or (exact) of a day as a whole. */
  errorAt(path: string, exact?: boolean): string | null;
  path: string;
  label: string;
  hint?: string;
}

export function HoursEditor({ week, onChange, errorAt, path, label, hint }: Props) {
  const ui = useAdmin();
  const setDay = (day: Day, periods: Period[]) => onChange({ ...week, [day]: periods });
  return (
    <fieldset class="hours">
      <legend>{label}</legend>
      {hint && <p class="hint">{hint}</p>}
      {DAYS.map((day) => {
        const name = DAY_NAMES[day][ui.lang];
        const dayError = errorAt(`${path}.${day}`, true);
        return (
          <div class="hours-day" key={day} role="group" aria-label={name}>
            <span class="day-name">{name}</span>
            <div class="periods">
              {week[day].length === 0 && <span class="closed-day">{ui.t('closedDay')}</span>}
              {week[day].map((p, i) => {
                const error = errorAt(`${path}.${day}.${i}`);
                const errorId = `${path}-${day}-${i}-error`;
                const field = { lang: ui.lang, digits: ui.digits, invalid: !!error, describedBy: error ? errorId : undefined };
                const edit = (change: Partial<Period>) => setDay(day, week[day].map((q, j) => (j === i ? { ...q, ...change } : q)));
                return (
                  <div class={`period${error ? ' invalid' : ''}`} key={i}>
                    <span class="period-time">
                      <span aria-hidden="true">{ui.t('opens')}</span>
                      <TimeField label={`${name}: ${ui.t('opens')} ${ui.num(i + 1)}`} value={p.open} {...field} onChange={(open) => edit({ open })} />
                    </span>
                    <span class="period-time">
                      <span aria-hidden="true">{ui.t('closes')}</span>
                      <TimeField label={`${name}: ${ui.t('closes')} ${ui.num(i + 1)}`} value={p.close} {...field} onChange={(close) => edit({ close })} />
                    </span>
                    <button type="button" class="icon" aria-label={`${ui.t('removePeriod')}: ${name} ${ui.num(i + 1)}`} onClick={() => setDay(day, week[day].filter((_, j) => j !== i))}>
                      ×
                    </button>
                    {error && (
                      <p class="error" id={errorId}>
                        {error}
                      </p>
                    )}
                  </div>
                );
              })}
              {dayError && <p class="error">{dayError}</p>}
            </div>
            <button
              type="button"
              class="secondary small"
              aria-label={`${ui.t('addPeriod')}: ${name}`}
              onClick={() => {
                const last = week[day].at(-1);
                setDay(day, [...week[day], last ? { open: last.close, close: last.close } : { open: '08:00', close: '15:00' }]);
              }}
            >
              + {ui.t('addPeriod')}
            </button>
          </div>
        );
      })}
    </fieldset>
  );
}
