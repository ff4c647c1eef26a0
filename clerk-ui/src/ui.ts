import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { formatNumber, formatTicketNumber, type Digits, type Lang } from '../../ui-kit/i18n.js';
import { errorText } from './errors.js';
import { TEXT, type TextKey } from './text.js';

/** The language, digits and clock every screen of the staff app speaks in. */
export interface Ui {
  lang: Lang;
  digits: Digits;
  timeZone: string;
  /** Server clock minus this machine's: timers count from the server's times. */
  clockOffsetMs: number;
}

export const UiContext = createContext<Ui>({ lang: 'ar', digits: 'arab', timeZone: 'Asia/Damascus', clockOffsetMs: 0 });

export function useUi() {
  const ui = useContext(UiContext);
  const t = (key: TextKey) => TEXT[key][ui.lang];
  return {
    ...ui,
    t,
    num: (n: number) => formatNumber(n, ui.lang, ui.digits),
    ticket: (number: string) => formatTicketNumber(number, ui.digits),
    /** What a request that failed says: not sent (offline), or the refusal in the user's words. */
    failure: (err: unknown) => errorText(err, ui.lang),
  };
}
