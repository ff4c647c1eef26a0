import { formatTicketNumber } from '../../../../ui-kit/i18n.js';
import type { TextKey } from '../text.js';
import { usePhoneUi } from '../ui.js';

/** A card that only tells: a ticket's end (thanks, missed, cancelled…), or why /join has no menu. */
export function StatusCard({ title, text, number }: { title?: TextKey; text?: TextKey; number?: string }) {
  const { digits, t } = usePhoneUi();
  return (
    <section class="p-card p-ended" role="status">
      {title && <h1>{t(title)}</h1>}
      {number && (
        <p class="p-small-number" dir="ltr">
          {formatTicketNumber(number, digits)}
        </p>
      )}
      {text && <p>{t(text)}</p>}
    </section>
  );
}
