import type { Lang } from '../../../ui-kit/i18n.js';
import { TEXT } from '../text.js';

/** A counter's pause reason in words: the clerk app's codes are translated, anything else shown as written. */
export function pauseReasonText(reason: string, lang: Lang): string {
  const key = `reason_${reason}` as keyof typeof TEXT;
  return key in TEXT ? TEXT[key][lang] : reason;
}
