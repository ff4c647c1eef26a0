import type { Counter, Service } from '../../../server/protocol/schemas.js';
import { labelled } from '../../../ui-kit/i18n.js';
import { counterName, listOf, serviceCode } from '../text.js';
import { useUi } from '../ui.js';
import { ActionButton } from './ActionButton.js';
import { pauseReasonText } from './pause.js';

interface Props {
  counter: Counter;
  services: Service[];
  mine: boolean;
  /** A ticket is at the counter: finish it before pausing or closing. */
  occupied: boolean;
  busy: boolean;
  onOpen(): void;
  onPause(): void;
  onClose(): void;
  onChange(): void;
}

/** The counter's name and state, and what changes it: open (or resume), pause with a reason, close. */
export function CounterBar({ counter, services, mine, occupied, busy, onOpen, onPause, onClose, onChange }: Props) {
  const { lang, digits, t } = useUi();
  const open = counter.state === 'open' && mine;
  const codes = counter.serviceIds.map((id) => serviceCode(services, id)).filter(Boolean);
  return (
    <div class="counter-bar">
      <h1 class="counter-title">{counterName(counter.number, lang, digits)}</h1>
      <span class={`chip ${counter.state}`} role="status">
        {counter.state === 'paused' && counter.pauseReason ? labelled(t('state_paused'), lang) + pauseReasonText(counter.pauseReason, lang) : t(`state_${counter.state}`)}
        {counter.state !== 'closed' && !mine ? ` · ${t('inUse')}` : ''}
      </span>
      <span class="counter-services" title={t('services')}>
        {listOf(codes, lang)}
      </span>
      <span class="spacer" />
      {!open && (
        <ActionButton
          label={t(counter.state === 'paused' && mine ? 'resume' : 'openCounter')}
          keys="O"
          kind="primary"
          disabled={busy}
          onClick={onOpen}
        />
      )}
      {counter.state !== 'paused' && (
        <ActionButton label={t('pause')} keys="P" disabled={busy || occupied} onClick={onPause} />
      )}
      {counter.state !== 'closed' && (
        <ActionButton label={t('closeCounter')} keys="L" disabled={busy || occupied} onClick={onClose} />
      )}
      <button type="button" class="btn ghost" disabled={occupied} onClick={onChange}>
        {t('changeCounter')}
      </button>
    </div>
  );
}
