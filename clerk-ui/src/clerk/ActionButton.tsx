import type { ComponentChildren } from 'preact';
import { Icon } from '../../../ui-kit/icons.js';

interface Props {
  /** The accessible name: exactly the label, whatever else the button shows. */
  label: string;
  /** The shortcut as ARIA states it, e.g. `N` or `Shift+C`; shown on the button with Shift as ⇧. */
  keys: string;
  kind?: 'primary' | 'danger' | 'plain';
  disabled?: boolean;
  onClick(): void;
  children?: ComponentChildren;
}

/**
 * A clerk's action: a large button with its shortcut shown on it, outside its accessible name
 * (aria-keyshortcuts says it). The key is drawn by CSS from data-key, not written as text: text in
 * the button is its visible label, which its name must contain (WCAG 2.5.3, axe's
 * label-content-name-mismatch), and the key is no part of that label.
 */
export function ActionButton({ label, keys, kind = 'plain', disabled, onClick, children }: Props) {
  const shift = keys.startsWith('Shift+');
  return (
    <button type="button" class={`action ${kind}`} aria-label={label} aria-keyshortcuts={keys} disabled={disabled} onClick={onClick}>
      <span class="action-label" aria-hidden="true">
        {label}
        {children}
      </span>
      <kbd aria-hidden="true" data-key={shift ? keys.slice('Shift+'.length) : keys}>
        {shift && <Icon shape="shift" />}
      </kbd>
    </button>
  );
}
