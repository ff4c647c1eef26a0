import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useState } from 'preact/hooks';
import { formatNumber, type Digits, type Lang } from '../../../ui-kit/i18n.js';
import { errorText } from '../errors.js';
import { adminApi, AdminError, type Body } from './api.js';
import { T, type TextKey } from './text.js';

/** What every admin screen speaks in and calls the server with. */
export interface AdminUi {
  lang: Lang;
  digits: Digits;
  timeZone: string;
  /** The hall speaks English: names and texts need their English. */
  english: boolean;
  /** Dates in the current language and the hall's digits (Latin in English and French). */
  locale: string;
  t(key: TextKey): string;
  num(n: number): string;
  /** A date and time in the hall's zone, in the current language and digits. */
  time(iso: string): string;
  call<R>(method: string, path: string, body?: Body): Promise<R>;
  /** The hall's settings changed (digits, zone): reread them. */
  hallChanged(): void;
}

export const AdminContext = createContext<AdminUi | null>(null);

export function useAdmin(): AdminUi {
  const ui = useContext(AdminContext);
  if (!ui) throw new Error('useAdmin outside AdminArea');
  return ui;
}

/** `base`: where the admin API lives (the city's users are under /api/city); `languages`: the hall's. */
export function makeUi(token: string, lang: Lang, digits: Digits, timeZone: string, hallChanged: () => void, base?: string, languages: Lang[] = ['ar', 'en']): AdminUi {
  const locale = { ar: `ar-SY-u-nu-${digits}`, en: 'en-GB', fr: 'fr-FR' }[lang];
  return {
    lang,
    digits,
    timeZone,
    english: languages.includes('en'),
    locale,
    t: (key) => T[key][lang],
    num: (n) => formatNumber(n, lang, digits),
    time: (iso) => new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
    call: (method, path, body) => adminApi(token, method, path, body, base),
    hallChanged,
  };
}

/** A failure in words for a banner: offline, or the refusal's code in the user's words. */
export function failureText(err: unknown, ui: AdminUi): string {
  if (err instanceof AdminError && err.status === 0) return ui.t('offline');
  return errorText(err, ui.lang);
}

/** Loads on mount and on `reload()`; keeps the last data while reloading. */
export function useLoad<R>(path: string): { data: R | null; error: string | null; reload: () => void } {
  const ui = useAdmin();
  const [data, setData] = useState<R | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    ui.call<R>('GET', path).then(
      (d) => live && (setData(d), setError(null)),
      (err) => live && setError(failureText(err, ui)),
    );
    return () => {
      live = false;
    };
  }, [path, tick]);
  return { data, error, reload: useCallback(() => setTick((n) => n + 1), []) };
}
