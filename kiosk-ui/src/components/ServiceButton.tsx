import type { Service } from '../../../server/protocol/schemas.js';
import { formatNumber, pick } from '../../../ui-kit/i18n.js';
import { waitWords } from '../../../ui-kit/phrases.js';
import { useUi } from '../ui.js';

interface Props {
  service: Service;
  onTake(service: Service): void;
}

/** One service: its name is the button's accessible name; the queue and wait describe it. */
export function ServiceButton({ service, onTake }: Props) {
  const { lang, digits, t } = useUi();
  const nameId = `service-${service.id}-name`;
  const infoId = `service-${service.id}-info`;
  const wait = waitWords(service, lang, digits);
  return (
    <button
      type="button"
      class={service.open ? 'service' : 'service closed'}
      disabled={!service.open}
      aria-labelledby={nameId}
      aria-describedby={infoId}
      onClick={() => onTake(service)}
    >
      <span id={nameId} class="service-name">
        {pick(service.name, lang)}
      </span>
      <span id={infoId} class="service-info">
        {service.open ? (
          <>
            <span>
              {t('waiting')} {formatNumber(service.waiting, lang, digits)}
            </span>
            {wait && <span class="service-wait">{wait}</span>}
          </>
        ) : (
          <span>{service.closedReason ? pick(service.closedReason, lang) : ''}</span>
        )}
      </span>
    </button>
  );
}
