import type { Service, SupervisorBoard } from '../../../server/protocol/schemas.js';
import { formatTime, labelled } from '../../../ui-kit/i18n.js';
import { ago, calledAtTime, counterName, isolate, listOf, serviceName } from '../text.js';
import { useUi } from '../ui.js';

export type NoShow = SupervisorBoard['noShows'][number];

interface Props {
  rows: NoShow[];
  services: Service[];
  now: number;
  busy: boolean;
  onReturn(n: NoShow): void;
}

/** Today's no-shows, the latest first: who called each, when, and a way back to its place in line. */
export function NoShows({ rows, services, now, busy, onReturn }: Props) {
  const { lang, digits, timeZone, t, ticket: fmt } = useUi();
  return (
    // Focusable: on a short screen the list scrolls, and a keyboard must reach it.
    <section class="panel grow no-shows" aria-labelledby="no-shows-title" tabIndex={0}>
      <h2 id="no-shows-title">{t('noShowsToday')}</h2>
      {rows.length === 0 ? (
        <p class="muted">{t('noNoShowsToday')}</p>
      ) : (
        <ol class="line">
          {rows.map((n) => (
            <li key={n.id}>
              <span class="line-number">{fmt(n.number)}</span>
              <span class="line-meta">
                <span>{serviceName(services, n.serviceId, lang)}</span>
                <span class="muted">
                  {listOf(
                    [
                      calledAtTime(formatTime(new Date(n.calledAt), lang, timeZone, digits), lang),
                      n.counterNumber === null ? '' : counterName(n.counterNumber, lang, digits),
                      n.clerkName ? isolate(n.clerkName) : '',
                    ].filter(Boolean),
                    lang,
                  )}
                </span>
              </span>
              <span class="line-wait">{ago(n.markedAt, now, lang, digits)}</span>
              <button type="button" class="btn small" disabled={busy} aria-label={`${labelled(t('returnToLine'), lang)}${fmt(n.number)}`} onClick={() => onReturn(n)}>
                {t('returnToLine')}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
