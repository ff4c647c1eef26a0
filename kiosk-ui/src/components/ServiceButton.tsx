import type { Service } from '../../../server/protocol/schemas.js';
import { formatNumber, pick } from '../../../ui-kit/i18n.js';
import { waitWords } from '../../../ui-kit/phrases.js';
import { useUi } from '../ui.js';

interface Props {
  service: Service;
  /** Its place in the grid (tiles.ts). */
  style?: Record<string, string>;
  onTake(service: Service): void;
}

/**
 * One service: the button is named by all it shows, its name then the queue and the wait (a
 * name must contain the visible text: WCAG 2.5.3). The spaces between the parts are for that
 * name; the layout spaces them itself.
 */
export function ServiceButton({ service, style, onTake }: Props) {
  const { lang, digits, t } = useUi();
  // One number on the menu, short enough for big letters; the ticket and the phone give the range.
  const wait = waitWords({ estimatedWaitMinutes: service.estimatedWaitMinutes, notStarted: service.notStarted }, lang, digits);
  return (
    <button
      type="button"
      class={service.open ? 'service' : 'service closed'}
      style={style}
      disabled={!service.open}
      onClick={() => onTake(service)}
    >
      <span class="service-name">{pick(service.name, lang)}</span>{' '}
      <span class="service-info">
        {service.open ? (
          <>
            <span>
              {t('waiting')} {formatNumber(service.waiting, lang, digits)}
            </span>{' '}
            {wait && <span class="service-wait">{wait}</span>}
          </>
        ) : (
          <span>{service.closedReason ? pick(service.closedReason, lang) : ''}</span>
        )}
      </span>
    </button>
  );
}
