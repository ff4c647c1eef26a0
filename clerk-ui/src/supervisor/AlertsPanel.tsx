import type { DisplayPresence } from '../../../server/protocol/schemas.js';
import { labelled } from '../../../ui-kit/i18n.js';
import type { Printer } from '../live.js';
import { useUi } from '../ui.js';
import type { Alert } from './alerts.js';

interface Props {
  alerts: Alert[];
  muted: boolean;
  printers: Printer[];
  displays: DisplayPresence[];
  onToggleSound(): void;
}

/** What needs the supervisor now, in words and in colour; and the hall's devices at a glance. */
export function AlertsPanel({ alerts, muted, printers, displays, onToggleSound }: Props) {
  const { lang, t, num } = useUi();
  /** Between a device's name and its state: «: », or « : » in French. */
  const colon = labelled('', lang);
  return (
    <section class={`alerts${alerts.length ? ' active' : ''}`} aria-labelledby="alerts-title">
      <h2 id="alerts-title">
        {t('alerts')} {alerts.length > 0 && <span class="badge">{num(alerts.length)}</span>}
      </h2>
      <div class="alert-log" role="log" aria-live="polite" aria-labelledby="alerts-title" tabIndex={0}>
        <ul class="alert-list">
          {alerts.length === 0 && <li class="alert ok">{t('allClear')}</li>}
          {alerts.map((a) => (
            <li key={a.key} class={`alert ${a.level}`}>
              {a.text}
            </li>
          ))}
        </ul>
      </div>
      <dl class="devices">
        <div>
          <dt>{t('printers')}</dt>
          <dd>
            {printers.length === 0 && t('none')}
            {printers.map((p) => (
              <span key={p.printerId} class={`chip printer-${p.status}`}>
                <bdi>{p.name}</bdi>
                {colon}
                {t(`printer_${p.status}`)}
              </span>
            ))}
          </dd>
        </div>
        <div>
          <dt>{t('displays')}</dt>
          <dd>
            {displays.length === 0 && t('none')}
            {displays.map((d) => (
              <span key={d.id} class={`chip ${d.connected ? 'open' : d.lastSeenAt ? 'bad' : 'closed'}`}>
                <bdi>{d.name}</bdi>
                {colon}
                {t(d.connected ? 'displayOnline' : d.lastSeenAt ? 'displayOffline' : 'displayNeverSeen')}
              </span>
            ))}
          </dd>
        </div>
      </dl>
      <button type="button" class="btn small" aria-pressed={!muted} onClick={onToggleSound}>
        {muted ? t('soundOff') : t('soundOn')}
      </button>
    </section>
  );
}
