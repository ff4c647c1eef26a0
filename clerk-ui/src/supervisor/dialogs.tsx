import { useState } from 'preact/hooks';
import type { Counter, Service, Ticket } from '../../../server/protocol/schemas.js';
import { labelled, pick } from '../../../ui-kit/i18n.js';
import { Icon } from '../../../ui-kit/icons.js';
import { Dialog, type DialogState } from '../components/Dialog.js';
import { OtherServiceSelect } from '../components/ServiceSelect.js';
import { counterName } from '../text.js';
import { useUi } from '../ui.js';

/** The counter's services, ticked in its order of preference (ticking one adds it last). */
export function CounterServicesDialog({ counter, services, busy, error, onClose, onSave }: DialogState & {
  counter: Counter;
  services: Service[];
  onSave(serviceIds: number[]): void;
}) {
  const { lang, digits, t } = useUi();
  const [chosen, setChosen] = useState<number[]>(counter.serviceIds);
  const toggle = (id: number) => setChosen((list) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]));
  const up = (id: number) =>
    setChosen((list) => {
      const i = list.indexOf(id);
      if (i <= 0) return list;
      const next = [...list];
      [next[i - 1], next[i]] = [next[i]!, next[i - 1]!];
      return next;
    });
  const ordered = [...chosen.map((id) => services.find((s) => s.id === id)!).filter(Boolean), ...services.filter((s) => !chosen.includes(s.id))];
  return (
    <Dialog
      title={`${t('counterServicesTitle')} ${counterName(counter.number, lang, digits)}`}
      confirm={t('save')}
      confirmDisabled={chosen.length === 0}
      busy={busy}
      error={error}
      onClose={onClose}
      onConfirm={() => onSave(chosen)}
    >
      <p class="muted">{t('servicesOrderHint')}</p>
      <ul class="check-list">
        {ordered.map((s) => {
          const rank = chosen.indexOf(s.id);
          return (
            <li key={s.id}>
              <label>
                <input type="checkbox" checked={rank >= 0} onChange={() => toggle(s.id)} />
                <span class="code">{s.code}</span> {pick(s.name, lang)}
              </label>
              {rank > 0 && (
                <button type="button" class="btn small" aria-label={`${labelled(t('moveUp'), lang)}${pick(s.name, lang)}`} onClick={() => up(s.id)}>
                  <Icon shape="arrow" points="up" />
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </Dialog>
  );
}

export function MoveDialog({ ticket, services, busy, error, onClose, onMove }: DialogState & {
  ticket: Ticket;
  services: Service[];
  onMove(serviceId: number): void;
}) {
  const { lang, t, ticket: fmt } = useUi();
  const [serviceId, setServiceId] = useState<number | null>(null);
  return (
    <Dialog
      title={`${labelled(t('moveTitle'), lang)}${fmt(ticket.number)}`}
      confirm={t('confirmMove')}
      confirmDisabled={serviceId === null}
      busy={busy}
      error={error}
      onClose={onClose}
      onConfirm={() => onMove(serviceId!)}
    >
      <label class="field">
        <span>{t('toService')}</span>
        <OtherServiceSelect services={services} current={ticket.serviceId} value={serviceId} onChange={setServiceId} />
      </label>
    </Dialog>
  );
}
