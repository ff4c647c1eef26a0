import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Digits, Lang } from '../../../ui-kit/i18n.js';
import { TEXT, type TextKey } from './text.js';

/** The language and digits the phone pages speak in. */
export interface PhoneUi {
  lang: Lang;
  digits: Digits;
}

export const PhoneUiContext = createContext<PhoneUi>({ lang: 'ar', digits: 'arab' });

export function usePhoneUi() {
  const ui = useContext(PhoneUiContext);
  return { ...ui, t: (key: TextKey) => TEXT[key][ui.lang] };
}
