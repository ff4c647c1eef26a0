import type { Service, Ticket } from '../../../server/protocol/schemas.js';
import { pick } from '../../../ui-kit/i18n.js';
import { serviceName, waitedSince } from '../text.js';
import { useUi } from '../ui.js';

interface Props {
  tickets: Ticket[];
  services: Service[];
  serviceId: number | null;
  now: number;
  busy: boolean;
  onFilter(serviceId: number | null): void;
  onMove(t: Ticket): void;
  onCancel(t: Ticket): void;
}

/** The waiting tickets (of one service, or all), oldest first, each movable to another service or cancellable. */
export function WaitingTickets({ tickets, services, serviceId, now, busy, onFilter, onMove, onCancel }: Props) {
  const { lang, digits, t, ticket: fmt } = useUi();
  const shown = tickets.filter((tk) => serviceId === null || tk.serviceId === serviceId);
  return (
    <section class="panel grow waiting-tickets" aria-labelledby="tickets-title">
      <header class="panel-head">
        <h2 id="tickets-title">{t('waitingTickets')}</h2>
        <select aria-label={t('service')} value={serviceId ?? ''} onChange={(e) => onFilter(Number(e.currentTarget.value) || null)}>
          <option value="">{t('allServices')}</option>
          {services.map((s) => (
            <option key={s.id} value={s.id}>
              {pick(s.name, lang)}
            </option>
          ))}
        </select>
      </header>
      {shown.length === 0 ? (
        <p class="muted">{t('noOneWaiting')}</p>
      ) : (
        <ol class="line">
          {shown.map((tk) => (
            <li key={tk.id}>
              <span class="line-number">{fmt(tk.number)}</span>
              <span class="line-meta">
                {serviceName(services, tk.serviceId, lang)}
                {tk.priority && <span class="chip priority">{t('priority')}</span>}
              </span>
              <span class="line-wait">{waitedSince(tk.issuedAt, now, lang, digits)}</span>
              <button type="button" class="btn small" disabled={busy} aria-label={`${t('move')} ${tk.number}`} onClick={() => onMove(tk)}>
                {t('move')}
              </button>
              <button type="button" class="btn small danger-outline" disabled={busy} aria-label={`${t('cancelTicket')} ${tk.number}`} onClick={() => onCancel(tk)}>
                {t('cancelTicket')}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
