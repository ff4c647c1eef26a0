import { useEffect, useRef } from 'preact/hooks';

interface Props {
  title: string;
  text?: string;
  yes: string;
  no: string;
  danger?: boolean;
  onYes(): void;
  onNo(): void;
}

/** A question over the page; the safe answer has the focus. */
export function Confirm({ title, text, yes, no, danger, onYes, onNo }: Props) {
  const safe = useRef<HTMLButtonElement>(null);
  useEffect(() => safe.current?.focus(), []);
  return (
    <div class="p-overlay" onKeyDown={(e) => e.key === 'Escape' && onNo()}>
      <div class="p-dialog" role="alertdialog" aria-modal="true" aria-labelledby="p-dialog-title" aria-describedby="p-dialog-text">
        <h2 id="p-dialog-title">{title}</h2>
        {text && <p id="p-dialog-text">{text}</p>}
        <div class="p-actions">
          <button type="button" class={danger ? 'p-danger' : 'p-primary'} onClick={onYes}>
            {yes}
          </button>
          <button type="button" class="p-secondary" ref={safe} onClick={onNo}>
            {no}
          </button>
        </div>
      </div>
    </div>
  );
}
