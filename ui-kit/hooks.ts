import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { applyLang, initialLang, setLangInAddress, type Lang } from './i18n.js';

/**
 * The time, refreshed every `everyMs`; `offsetMs` (server clock minus this device's) shows the
 * hall's time on a kiosk or a TV whose own clock drifts.
 */
export function useNow(everyMs: number, offsetMs = 0): Date {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return new Date(now + offsetMs);
}

/** Lays the page out in `lang` (its `lang` and `dir`) before paint: no frame of one language laid out in the other's direction. */
export function usePageLang(lang: Lang): void {
  useLayoutEffect(() => applyLang(lang), [lang]);
}

/** The page's language: `?lang=en`, `?lang=fr` or Arabic; choosing another keeps it in the address. */
export function useLang(): [Lang, (lang: Lang) => void] {
  const [lang, setLang] = useState<Lang>(initialLang);
  usePageLang(lang);
  const choose = (next: Lang) => {
    setLangInAddress(next);
    setLang(next);
  };
  return [lang, choose];
}
