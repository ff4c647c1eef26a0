import type { Counter, MyStats, Service, Ticket } from '../../../server/protocol/schemas.js';
import { serviceCode, serviceName, waitedSince } from '../text.js';
import { useUi } from '../ui.js';

interface Props {
  counter: Counter;
  services: Service[];
  waiting: Map<number, number>;
  /** Waiting tickets this counter may call, in line order. */
  line: Ticket[];
  stats: MyStats | null;
  now: number;
  /** Set when the hall lets clerks call a chosen ticket. */
  onCall?: (ticket: Ticket) => void;
  busy: boolean;
}

/** Always in view beside the ticket: the waiting counts of the counter's services, the clerk's day, the line. */
export function SidePanel({ counter, services, waiting, line, stats, now, onCall, busy }: Props) {
  const { lang, digits, t, num, ticket: fmt } = useUi();
  const transferred = line.filter((tk) => tk.targetCounterId === counter.id).length;
  return (
    <aside class="side">
      <section class="panel" aria-labelledby="waiting-title">
        <h2 id="waiting-title">{t('waitingForYou')}</h2>
        <ul class="counts">
          {counter.serviceIds.map((id) => (
            <li key={id}>
              <span class="count-name">{serviceName(services, id, lang)}</span>
              <span class="count-value">{num(waiting.get(id) ?? 0)}</span>
            </li>
          ))}
          {transferred > 0 && (
            <li>
              <span class="count-name">{t('transferredHere')}</span>
              <span class="count-value">{num(transferred)}</span>
            </li>
          )}
        </ul>
      </section>
      <section class="panel" aria-labelledby="day-title">
        <h2 id="day-title">{t('myDay')}</h2>
        <dl class="day">
          <div>
            <dt>{t('served')}</dt>
            <dd data-testid="served-today">{stats ? num(stats.servedToday) : '…'}</dd>
          </div>
          <div>
            <dt>{t('noShows')}</dt>
            <dd>{stats ? num(stats.noShowToday) : '…'}</dd>
          </div>
        </dl>
      </section>
      {/* It scrolls, and a clerk's has no button in it: it takes the focus itself. */}
      <section class="panel grow" aria-labelledby="line-title" tabIndex={0}>
        <h2 id="line-title">{t('waitingList')}</h2>
        {line.length === 0 ? (
          <p class="muted">{t('noOneWaiting')}</p>
        ) : (
          <ol class="line">
            {line.map((tk) => (
              <li key={tk.id}>
                <span class="line-number">{fmt(tk.number)}</span>
                <span class="line-meta">
                  {serviceCode(services, tk.serviceId) && <span class="code">{serviceCode(services, tk.serviceId)}</span>}
                  {tk.priority && <span class="chip priority">{t('priority')}</span>}
                  {tk.targetCounterId === counter.id && <span class="chip">{t('transferredHere')}</span>}
                </span>
                <span class="line-wait">{waitedSince(tk.issuedAt, now, lang, digits)}</span>
                {onCall && (
                  <button
                    type="button"
                    class="btn small"
                    disabled={busy}
                    aria-label={`${t('callThis')} ${tk.number}`}
                    onClick={() => onCall(tk)}
                  >
                    {t('callThis')}
                  </button>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
    </aside>
  );
}
