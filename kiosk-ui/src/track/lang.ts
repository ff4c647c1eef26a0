import { useEffect, useState } from 'preact/hooks';
import type { HallInfo } from '../../../server/protocol/schemas.js';
import { api } from '../../../ui-kit/api.js';
import { applyLang, initialLang, type Lang } from '../../../ui-kit/i18n.js';

/** The page's language: `?lang=en` or Arabic; the button switches it and keeps it in the address. */
export function useLang(): [Lang, () => void] {
  const [lang, setLang] = useState<Lang>(initialLang);
  useEffect(() => applyLang(lang), [lang]);
  const toggle = () => {
    const next = lang === 'ar' ? 'en' : 'ar';
    const url = new URL(location.href);
    if (next === 'en') url.searchParams.set('lang', 'en');
    else url.searchParams.delete('lang');
    history.replaceState(null, '', url.pathname + url.search);
    setLang(next);
  };
  return [lang, toggle];
}

/** The hall's name, digits and languages; null until known (the page works without it). */
export function useHall(): HallInfo | null {
  const [hall, setHall] = useState<HallInfo | null>(null);
  useEffect(() => {
    api<HallInfo>('GET', '/api/hall').then(setHall, () => undefined);
  }, []);
  return hall;
}
