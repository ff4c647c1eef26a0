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

/** A clerk's action: a large button with its shortcut shown on it, outside its accessible name. */
export function ActionButton({ label, keys, kind = 'plain', disabled, onClick, children }: Props) {
  return (
    <button type="button" class={`action ${kind}`} aria-label={label} aria-keyshortcuts={keys} disabled={disabled} onClick={onClick}>
      <span class="action-label" aria-hidden="true">
        {label}
        {children}
      </span>
      <kbd aria-hidden="true">
        {keys.startsWith('Shift+') ? (
          <>
            <Icon shape="shift" />
            {keys.slice('Shift+'.length)}
          </>
        ) : (
          keys
        )}
      </kbd>
    </button>
  );
}
