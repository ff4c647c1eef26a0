import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Digits, Lang } from '../../ui-kit/i18n.js';
import { TEXT, type TextKey } from './text.js';

/** The language and digits every component speaks in. */
export interface Ui {
  lang: Lang;
  digits: Digits;
}

export const UiContext = createContext<Ui>({ lang: 'ar', digits: 'arab' });

export function useUi() {
  const ui = useContext(UiContext);
  return { ...ui, t: (key: TextKey) => TEXT[key][ui.lang] };
}
