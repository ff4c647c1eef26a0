import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import { useUi } from '../ui.js';

interface Props {
  title: string;
  /** The confirm button's label; without it the dialog only has Close. */
  confirm?: string;
  confirmDisabled?: boolean;
  danger?: boolean;
  /** The dismiss button's label (default: Cancel, or Close without a confirm). */
  dismiss?: string;
  busy?: boolean;
  error?: string | null;
  onConfirm?(): void;
  onClose(): void;
  children?: ComponentChildren;
}

/** What every action dialog gets from the screen that opened it: the request's progress and a way out. */
export interface DialogState {
  busy: boolean;
  error: string | null;
  onClose(): void;
}

/** A modal dialog (the page behind it is inert); Enter confirms, Escape closes. */
export function Dialog({ title, confirm, confirmDisabled, danger, dismiss, busy, error, onConfirm, onClose, children }: Props) {
  const { t } = useUi();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current!;
    dialog.showModal();
    return () => dialog.open && dialog.close();
  }, []);
  return (
    <dialog
      ref={ref}
      class="dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (onConfirm && !confirmDisabled && !busy) onConfirm();
        }}
      >
        <h2 id={titleId}>{title}</h2>
        <div class="dialog-body">{children}</div>
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <div class="dialog-actions">
          {confirm && (
            <button type="submit" class={danger ? 'btn danger' : 'btn primary'} disabled={confirmDisabled || busy}>
              {confirm}
            </button>
          )}
          <button type="button" class="btn" onClick={onClose}>
            {dismiss ?? (confirm ? t('cancel') : t('close'))}
          </button>
        </div>
      </form>
    </dialog>
  );
}
