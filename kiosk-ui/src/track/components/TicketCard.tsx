import type { TrackedTicket } from '../../../../server/protocol/schemas.js';
import { formatTicketNumber, labelled, pick } from '../../../../ui-kit/i18n.js';
import { peopleAhead, waitLine } from '../../../../ui-kit/phrases.js';
import { usePhoneUi } from '../ui.js';

/** The number, the service, and while waiting the place in line and the expected wait. */
export function TicketCard({ ticket }: { ticket: TrackedTicket }) {
  const { lang, digits, t } = usePhoneUi();
  const waiting = ticket.status === 'waiting';
  const wait = waiting ? waitLine(ticket, lang, digits) : null;
  return (
    <section class="p-card p-ticket" aria-labelledby="p-number-label">
      <p id="p-number-label" class="p-label" role="heading" aria-level={1}>
        {t('yourNumber')}
      </p>
      <p class="p-number" dir="ltr" data-number={ticket.number}>
        {formatTicketNumber(ticket.number, digits)}
      </p>
      <p class="p-service">{pick(ticket.service, lang)}</p>
      {waiting && <p class="p-ahead">{peopleAhead(ticket.ahead, lang, digits)}</p>}
      {wait && (
        <p class="p-wait">
          {wait.label && labelled(wait.label, lang)}
          <strong>{wait.words}</strong>
        </p>
      )}
      {ticket.remote && (ticket.status === 'waiting' || ticket.status === 'called') && <p class="p-remote">{t('mustBeInHall')}</p>}
    </section>
  );
}
