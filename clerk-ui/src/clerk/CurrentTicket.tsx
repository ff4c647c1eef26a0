import type { Service, Ticket } from '../../../server/protocol/schemas.js';
import { labelled, pick, type Bilingual } from '../../../ui-kit/i18n.js';
import { clock, minutes } from '../text.js';
import { useUi } from '../ui.js';

interface Props {
  ticket: Ticket | null;
  service: Service | undefined;
  reason: Bilingual | undefined;
  now: number;
  /** The result of the latest Call next when it found nobody. */
  nothingWaiting: boolean;
  /** The counter's pause reason, in words, while it is paused. */
  paused: string | null;
}

/** The ticket at the counter, large: its number, service, how long it waited and has been served, and why it was called. */
export function CurrentTicket({ ticket, service, reason, now, nothingWaiting, paused }: Props) {
  const { lang, digits, t, num, ticket: fmt } = useUi();
  if (!ticket) {
    return (
      <section class="current empty" aria-label={t('atCounter')}>
        <p class="current-empty-title">{paused ? `${labelled(t('pausedBanner'), lang)}${paused}` : t('noTicket')}</p>
        <p class="current-empty-help" role="status">
          {nothingWaiting ? t('nothingWaiting') : paused ? t('pausedHelp') : t('pressCallNext')}
        </p>
      </section>
    );
  }
  const issued = Date.parse(ticket.issuedAt);
  const called = ticket.calledAt ? Date.parse(ticket.calledAt) : now;
  const serving = ticket.status === 'serving';
  const since = serving && ticket.startedAt ? Date.parse(ticket.startedAt) : called;
  return (
    <section class={`current ${ticket.status}`} aria-label={t('atCounter')}>
      <div class="current-head">
        <span class="current-number" data-testid="current-number">
          {fmt(ticket.number)}
        </span>
        <div class="current-what">
          <span class="current-service">{service ? pick(service.name, lang) : ''}</span>
          <span class={`chip ${ticket.status}`}>{t(serving ? 'status_serving' : 'status_called')}</span>
          {ticket.priority && <span class="chip priority">{t('priority')}</span>}
        </div>
      </div>
      <dl class="facts">
        <div class="fact timer">
          <dt>{t(serving ? 'servingFor' : 'sinceCall')}</dt>
          <dd>
            <time>{clock((now - since) / 1000, lang, digits)}</time>
          </dd>
        </div>
        <div class="fact">
          <dt>{t('waited')}</dt>
          <dd>{minutes(Math.floor((called - issued) / 60000), lang, digits)}</dd>
        </div>
        <div class="fact">
          <dt>{t('recalls')}</dt>
          <dd>{num(ticket.recalls)}</dd>
        </div>
      </dl>
      {reason && (
        <p class="why">
          <strong>{labelled(t('whyThis'), lang)}</strong> <span>{pick(reason, lang)}</span>
        </p>
      )}
    </section>
  );
}
