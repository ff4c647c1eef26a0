import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { HallInfo } from '../../../server/protocol/schemas.js';
import { api } from '../../../ui-kit/api.js';
import { applyLang, initialLang, setLangInAddress, type Lang } from '../../../ui-kit/i18n.js';

/** The page's language: `?lang=en`, `?lang=fr` or Arabic; a language button switches it and keeps it in the address. */
export function useLang(): [Lang, (lang: Lang) => void] {
  const [lang, setLang] = useState<Lang>(initialLang);
  useLayoutEffect(() => applyLang(lang), [lang]); // before paint: no frame of one language laid out in the other's direction
  const choose = (next: Lang) => {
    setLangInAddress(next);
    setLang(next);
  };
  return [lang, choose];
}

/** The hall's name, digits and languages; null until known (the page works without it). */
export function useHall(): HallInfo | null {
  const [hall, setHall] = useState<HallInfo | null>(null);
  useEffect(() => {
    api<HallInfo>('GET', '/api/hall').then(setHall, () => undefined);
  }, []);
  return hall;
}
