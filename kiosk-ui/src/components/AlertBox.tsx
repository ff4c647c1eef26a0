import { useUi } from '../ui.js';

interface Props {
  text: string;
  onClose(): void;
}

/** A message over the menu that the citizen dismisses. */
export function AlertBox({ text, onClose }: Props) {
  const { t } = useUi();
  return (
    <div class="overlay" role="alertdialog" aria-modal="true" aria-labelledby="alert-text">
      <div class="overlay-box">
        <p id="alert-text" role="alert">
          {text}
        </p>
        <button type="button" class="primary" onClick={onClose}>
          {t('ok')}
        </button>
      </div>
    </div>
  );
}
