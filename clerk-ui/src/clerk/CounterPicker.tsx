import type { Counter, Service } from '../../../server/protocol/schemas.js';
import { counterName, listOf, serviceName } from '../text.js';
import { useUi } from '../ui.js';

interface Props {
  counters: Counter[];
  services: Service[];
  userId: number;
  busy: boolean;
  onPick(counter: Counter): void;
}

/** The counters a clerk may take (any active one), each a button named "Counter N". */
export function CounterPicker({ counters, services, userId, busy, onPick }: Props) {
  const { lang, digits, t } = useUi();
  return (
    <main class="picker">
      <h1>{t('chooseCounter')}</h1>
      {counters.length === 0 && <p class="notice">{t('noCounters')}</p>}
      <ul class="picker-grid">
        {counters.map((c) => {
          const name = counterName(c.number, lang, digits);
          const mine = c.userId === userId && c.state !== 'closed';
          const other = c.userId !== null && c.userId !== userId && c.state !== 'closed';
          return (
            <li key={c.id}>
              <button
                type="button"
                class={`picker-counter state-${c.state}${mine ? ' mine' : ''}`}
                aria-label={name}
                aria-describedby={`counter-${c.id}-info`}
                disabled={busy}
                onClick={() => onPick(c)}
              >
                <span class="picker-name" aria-hidden="true">
                  {name}
                </span>
                <span id={`counter-${c.id}-info`} class="picker-info">
                  <span class={`chip ${c.state}`}>{mine ? t('yours') : other ? t('inUse') : t(`state_${c.state}`)}</span>
                  <span class="picker-services">{listOf(c.serviceIds.map((id) => serviceName(services, id, lang)).filter(Boolean), lang)}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </main>
  );
}
