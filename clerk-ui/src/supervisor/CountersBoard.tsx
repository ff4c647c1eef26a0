import type { Counter, Service, Ticket } from '../../../server/protocol/schemas.js';
import { labelled, pick } from '../../../ui-kit/i18n.js';
import { pauseReasonText } from '../clerk/pause.js';
import { clock, counterName, listOf, serviceCode } from '../text.js';
import { useUi } from '../ui.js';

export interface BoardCounter {
  counter: Counter;
  clerkName: string | null;
  ticket: Ticket | null;
}

interface Props {
  rows: BoardCounter[];
  services: Service[];
  now: number;
  onEditServices(counter: Counter): void;
}

/** Every counter: its state (and why it is paused), who works at it, the ticket at it and for how long. */
export function CountersBoard({ rows, services, now, onEditServices }: Props) {
  const { lang, digits, t, ticket: fmt } = useUi();
  return (
    <section class="panel counters-board" aria-labelledby="counters-title">
      <h2 id="counters-title">{t('counters')}</h2>
      <div class="counter-cards">
        {rows.map(({ counter: c, clerkName, ticket }) => {
          const name = counterName(c.number, lang, digits);
          const since = ticket ? Date.parse(ticket.startedAt ?? ticket.calledAt ?? ticket.issuedAt) : 0;
          const service = ticket ? services.find((s) => s.id === ticket.serviceId) : undefined;
          return (
            <article key={c.id} class={`counter-card ${c.state}`} aria-label={name}>
              <header>
                <h3>{name}</h3>
                <span class={`chip ${c.state}`}>
                  {c.state === 'paused' && c.pauseReason ? pauseReasonText(c.pauseReason, lang) : t(`state_${c.state}`)}
                </span>
              </header>
              <p class="card-clerk">{c.state !== 'closed' && c.userId ? <bdi>{clerkName ?? '…'}</bdi> : ' '}</p>
              {ticket ? (
                <div class={`card-ticket ${ticket.status}`}>
                  <span class="card-number">{fmt(ticket.number)}</span>
                  <time class="card-timer">{clock((now - since) / 1000, lang, digits)}</time>
                  <span class="card-status">
                    {t(ticket.status === 'serving' ? 'board_serving' : 'board_called')}
                    {service ? `${lang === 'ar' ? '، ' : ' · '}${pick(service.name, lang)}` : ''}
                  </span>
                </div>
              ) : (
                <div class="card-ticket idle">{c.state === 'open' ? t('ready') : ' '}</div>
              )}
              <footer>
                <span class="card-services">{listOf(c.serviceIds.map((id) => serviceCode(services, id)), lang)}</span>
                <button type="button" class="btn tiny" aria-label={`${labelled(t('editServices'), lang)}${name}`} onClick={() => onEditServices(c)}>
                  {t('editServices')}
                </button>
              </footer>
            </article>
          );
        })}
      </div>
    </section>
  );
}
