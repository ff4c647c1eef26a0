import type { Service } from '../../../server/protocol/schemas.js';
import { formatNumber, pick, waitEstimate } from '../../../ui-kit/i18n.js';
import { TEXT } from '../text.js';
import { useUi } from '../ui.js';

interface Props {
  service: Service;
  /** Its place in the grid (tiles.ts). */
  style?: Record<string, string>;
  onTake(service: Service): void;
}

/** One service: its name is the button's accessible name; the queue and wait describe it. */
export function ServiceButton({ service, style, onTake }: Props) {
  const { lang, digits, t } = useUi();
  const nameId = `service-${service.id}-name`;
  const infoId = `service-${service.id}-info`;
  const wait = waitEstimate(service.estimatedWaitMinutes, lang, digits, TEXT.noWait);
  return (
    <button
      type="button"
      class={service.open ? 'service' : 'service closed'}
      style={style}
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
            {wait && <span>{wait}</span>}
          </>
        ) : (
          <span>{service.closedReason ? pick(service.closedReason, lang) : ''}</span>
        )}
      </span>
    </button>
  );
}
