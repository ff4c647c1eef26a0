import type { AdviceItem } from '../../../server/protocol/advice.js';
import type { Service } from '../../../server/protocol/schemas.js';
import { useUi } from '../ui.js';
import { adviceText } from './advice-text.js';

interface Props {
  /** Null until the server has said. */
  advice: AdviceItem[] | null;
  services: Service[];
  busy: boolean;
  onApply(advice: AdviceItem): void;
  onDismiss(advice: AdviceItem): void;
}

/** The staffing advisor's recommendations, each with its expected effect: one tap applies or dismisses it. */
export function AdvicePanel({ advice, services, busy, onApply, onDismiss }: Props) {
  const { t, lang, digits } = useUi();
  return (
    <section class="advice" aria-labelledby="advice-title">
      <h2 id="advice-title">{t('advice')}</h2>
      <ul class="advice-list" aria-live="polite">
        {advice?.length === 0 && <li class="advice-none">{t('noAdvice')}</li>}
        {advice?.map((a) => (
          <li key={a.id} class="advice-card" data-advice-id={a.id}>
            <p>{adviceText(a, services, lang, digits)}</p>
            <div class="advice-actions">
              <button type="button" class="btn small primary" disabled={busy} onClick={() => onApply(a)}>
                {t('applyAdvice')}
              </button>
              <button type="button" class="btn small" disabled={busy} onClick={() => onDismiss(a)}>
                {t('dismissAdvice')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
