import { labelled, pick } from '../../../ui-kit/i18n.js';
import type { SupervisorBoard } from '../../../server/protocol/schemas.js';
import { useUi } from '../ui.js';

export type BoardService = SupervisorBoard['services'][number];

interface Props {
  rows: BoardService[];
  queueLimit: number;
  busy: boolean;
  onCloseToday(s: BoardService): void;
  onReopen(s: BoardService): void;
  onShowTickets(s: BoardService): void;
}

/** Every service: how many wait, the longest wait against its target, the estimate, open or closed. */
export function ServicesBoard({ rows, queueLimit, busy, onCloseToday, onReopen, onShowTickets }: Props) {
  const { lang, t, num } = useUi();
  const min = (seconds: number) => num(Math.floor(seconds / 60));
  return (
    <section class="panel services-board" aria-labelledby="services-title">
      <h2 id="services-title">{t('servicesInMinutes')}</h2>
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{t('service')}</th>
            <th scope="col" class="num">
              {t('waiting')}
            </th>
            <th scope="col" class="num">
              {t('longestWait')}
            </th>
            <th scope="col" class="num">
              {t('estimate')}
            </th>
            <th scope="col">{t('status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => {
            const name = pick(s.name, lang);
            const late = s.waiting > 0 && s.longestWaitS > s.targetWaitS;
            return (
              <tr key={s.id} class={s.open ? '' : 'closed'}>
                <th scope="row">
                  <span class="code">{s.code}</span> {name}
                </th>
                <td class={`num${s.waiting > queueLimit ? ' bad' : ''}`}>
                  <button type="button" class="link" aria-label={`${labelled(t('waitingTickets'), lang)}${labelled(name, lang)}${num(s.waiting)}`} onClick={() => onShowTickets(s)}>
                    {num(s.waiting)}
                  </button>
                </td>
                <td class="num">
                  <span class={late ? 'bad' : ''}>{s.waiting > 0 ? min(s.longestWaitS) : '—'}</span>
                  <span class="muted"> / {min(s.targetWaitS)}</span>
                </td>
                <td class="num">{s.estimatedWaitMinutes == null ? '—' : num(s.estimatedWaitMinutes)}</td>
                <td>
                  <span class="service-state">
                    {!s.open && <span class="chip closed">{s.closedReason ? pick(s.closedReason, lang) : ''}</span>}
                    {s.closedToday ? (
                      <button type="button" class="btn tiny" disabled={busy} aria-label={`${labelled(t('reopen'), lang)}${name}`} onClick={() => onReopen(s)}>
                        {t('reopen')}
                      </button>
                    ) : (
                      <button type="button" class="btn tiny" disabled={busy} aria-label={`${labelled(t('closeToday'), lang)}${name}`} onClick={() => onCloseToday(s)}>
                        {t('closeToday')}
                      </button>
                    )}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
