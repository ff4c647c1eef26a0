import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { useAdmin, type AdminUi } from '../context.js';
import type { TextKey } from '../text.js';

// Small pieces every section uses: loading, a panel for a form, a list's head, an Edit button, a status cell.

export function Loading({ error, retry }: { error: string | null; retry(): void }) {
  const ui = useAdmin();
  if (!error) return <p role="status" class="muted">{ui.t('loading')}</p>;
  return (
    <div class="form-error" role="alert">
      <p>{error}</p>
      <button type="button" class="secondary" onClick={retry}>
        {ui.t('retry')}
      </button>
    </div>
  );
}

/** A form opened over the list: a labelled dialog-like panel with a Close button; Escape closes it. */
export function Panel({ title, onClose, children }: { title: string; onClose(): void; children: ComponentChildren }) {
  const ui = useAdmin();
  const ref = useRef<HTMLElement>(null);
  // On opening, before anything can be typed: a later effect took the focus from a field being filled.
  useLayoutEffect(() => {
    ref.current?.querySelector<HTMLElement>('input:not([disabled]), select, textarea')?.focus();
  }, []);
  return (
    <section
      class="panel"
      ref={ref}
      aria-label={title}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <header>
        <h3>{title}</h3>
        <button type="button" class="secondary small" onClick={onClose}>
          {ui.t('close')}
        </button>
      </header>
      {children}
    </section>
  );
}

export function ActiveBadge({ active }: { active: boolean }) {
  const ui = useAdmin();
  return <span class={`badge ${active ? 'on' : 'off'}`}>{ui.t(active ? 'active' : 'inactive')}</span>;
}

export function SectionHead({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <div class="section-head">
      <h2>{title}</h2>
      {children}
    </div>
  );
}

/** A list's column headings, in order. */
export function ListHead({ cols }: { cols: TextKey[] }) {
  const { t } = useAdmin();
  return (
    <thead>
      <tr>
        {cols.map((key) => (
          <th key={key} scope="col">
            {t(key)}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** A row's Edit button; `name` says whose, for its accessible name. */
export function EditButton({ name, onClick }: { name: string; onClick(): void }) {
  const { t } = useAdmin();
  return (
    <button type="button" class="secondary small" aria-label={`${t('edit')} ${name}`} onClick={onClick}>
      {t('edit')}
    </button>
  );
}

/** Saves a form's body: PATCH to the item when it is being edited, else POST a new one to the list. */
export const saveItem = <R,>(ui: AdminUi, list: string, item: { id: number } | null, json: unknown) =>
  ui.call<R>(item ? 'PATCH' : 'POST', item ? `${list}/${item.id}` : list, { json });
