import { useUi } from '../ui.js';

interface Props {
  retrying: boolean;
  onCancel(): void;
}

/**
 * Over the menu while a ticket is being issued: it swallows further taps. Cancel appears only
 * once retrying, so the second tap of a double tap can never land on it.
 */
export function Issuing({ retrying, onCancel }: Props) {
  const { t } = useUi();
  return (
    <div class="overlay" role="alertdialog" aria-modal="true" aria-labelledby="issuing-text">
      <div class="overlay-box">
        <div class="spinner" aria-hidden="true" />
        <p id="issuing-text" role="status">
          {retrying ? t('retrying') : t('issuing')}
        </p>
        {retrying && (
          <button type="button" class="secondary" onClick={onCancel}>
            {t('cancel')}
          </button>
        )}
      </div>
    </div>
  );
}
