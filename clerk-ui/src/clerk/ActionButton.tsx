import type { ComponentChildren } from 'preact';

interface Props {
  /** The accessible name: exactly the label, whatever else the button shows. */
  label: string;
  /** The shortcut as shown, e.g. `N` or `⇧C`; `keys` as ARIA states it, e.g. `Shift+C`. */
  hint: string;
  keys: string;
  kind?: 'primary' | 'danger' | 'plain';
  disabled?: boolean;
  onClick(): void;
  children?: ComponentChildren;
}

/** A clerk's action: a large button with its shortcut shown on it, outside its accessible name. */
export function ActionButton({ label, hint, keys, kind = 'plain', disabled, onClick, children }: Props) {
  return (
    <button type="button" class={`action ${kind}`} aria-label={label} aria-keyshortcuts={keys} disabled={disabled} onClick={onClick}>
      <span class="action-label" aria-hidden="true">
        {label}
        {children}
      </span>
      <kbd aria-hidden="true">{hint}</kbd>
    </button>
  );
}
