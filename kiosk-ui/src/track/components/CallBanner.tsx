import type { TrackedTicket } from '../../../../server/protocol/schemas.js';
import { atCounter, goToCounter } from '../text.js';
import { usePhoneUi } from '../ui.js';

/** «دورك الآن: توجّه إلى الشباك ٥», as large as the screen allows; a recall flashes it again. */
export function CallBanner({ ticket }: { ticket: TrackedTicket }) {
  const { lang, digits, t } = usePhoneUi();
  const counter = ticket.counter?.number;
  if (ticket.status === 'serving') {
    return (
      <section class="p-card p-serving" role="status">
        <h1>{t('beingServed')}</h1>
        {counter !== undefined && <p>{atCounter(counter, lang, digits)}</p>}
      </section>
    );
  }
  return (
    // The key restarts the flash on every recall.
    <section key={ticket.recalls} class="p-call" role="alert" data-recalls={ticket.recalls}>
      {ticket.recalls > 0 && <p class="p-again">{t('calledAgain')}</p>}
      <h1>
        <span>{t('yourTurn')}</span> <span class="p-go">{counter === undefined ? '' : goToCounter(counter, lang, digits)}</span>
      </h1>
    </section>
  );
}
