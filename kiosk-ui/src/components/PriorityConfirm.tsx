import { useUi } from '../ui.js';

interface Props {
  onYes(): void;
  onNo(): void;
}

/** Priority is on trust: say who it is for and ask once. */
export function PriorityConfirm({ onYes, onNo }: Props) {
  const { t } = useUi();
  return (
    <main class="screen center confirm">
      <h1>{t('priorityEntry')}</h1>
      <p>{t('priorityIsFor')}</p>
      <p class="question">{t('priorityQuestion')}</p>
      <div class="actions">
        <button type="button" class="primary" onClick={onYes}>
          {t('priorityYes')}
        </button>
        <button type="button" class="secondary" onClick={onNo}>
          {t('priorityNo')}
        </button>
      </div>
    </main>
  );
}
