import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { FieldIssue } from '../../../server/protocol/admin.js';
import { AdminError } from './api.js';
import { failureText, useAdmin } from './context.js';
import { issueText, type Hints } from './text.js';

// Forms whose values are keyed by the API's field paths ('name.ar'), so that a problem found
// here or by the server (`error.fields`) lands next to its field, in the current language.

export type Values = Record<string, string | boolean>;

const covers = (field: string, issuePath: string) => issuePath === field || issuePath.startsWith(`${field}.`);

export interface Bound {
  name: string;
  value: string | boolean;
  error: string | null;
  onChange(value: string | boolean): void;
}

export function useForm<V extends Values>(initial: V) {
  const ui = useAdmin();
  const [values, setValues] = useState<V>(initial);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const [focusTick, setFocusTick] = useState(0);
  const ref = useRef<HTMLFormElement>(null);
  const shown = new Set<string>();

  useEffect(() => {
    if (focusTick) ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusTick]);

  const errorOf = (path: string, hints?: Hints, exact = false) => {
    const issue = issues.find((i) => (exact ? i.path === path : covers(path, i.path)));
    return issue ? issueText(issue, ui.lang, ui.digits, hints) : null;
  };

  const set = (path: keyof V & string, value: string | boolean) => {
    setValues((v) => ({ ...v, [path]: value }));
    setIssues((list) => list.filter((i) => !covers(path, i.path)));
    setNote(null);
  };

  const fail = (found: FieldIssue[]) => {
    setIssues(found);
    setNote({ kind: 'error', text: ui.t('fixErrors') });
    setFocusTick((n) => n + 1);
  };

  return {
    values,
    ref,
    busy,
    note,
    reset: (next: V) => (setValues(next), setIssues([]), setNote(null)),
    /** Binds a field: its value, its change handler, its error; marks the path as shown. */
    field(path: keyof V & string, hints?: Hints): Bound {
      shown.add(path);
      return { name: path, value: values[path]!, error: errorOf(path, hints), onChange: (v) => set(path, v) };
    },
    /** An error for a path no single input holds (an interval of opening hours…); `exact`: not its children's. */
    errorAt(path: string, hints?: Hints, exact = false) {
      shown.add(path);
      return errorOf(path, hints, exact);
    },
    /** Says that a child component shows the errors under `path` (they are not orphans). */
    claim(path: string) {
      shown.add(path);
    },
    /** Problems of no field on screen: shown at the top of the form. */
    orphans: () => issues.filter((i) => ![...shown].some((p) => covers(p, i.path))),
    /** Checks, then runs the request; server field errors land next to their fields. */
    async submit(run: (values: V) => Promise<unknown>, validate?: (values: V) => FieldIssue[]) {
      const found = validate?.(values) ?? [];
      if (found.length) return fail(found);
      setIssues([]);
      setBusy(true);
      setNote(null);
      try {
        await run(values);
        setNote({ kind: 'ok', text: ui.t('saved') });
      } catch (err) {
        if (err instanceof AdminError && err.fields.length) fail(err.fields);
        else setNote({ kind: 'error', text: failureText(err, ui) });
      } finally {
        setBusy(false);
      }
    },
  };
}

export type Form = ReturnType<typeof useForm<Values>>;

interface FormProps {
  form: { ref: Form['ref']; busy: boolean; note: Form['note']; orphans: Form['orphans'] };
  onSubmit(): void;
  label: string;
  submitLabel?: string;
  children: ComponentChildren;
  extra?: ComponentChildren;
}

/** A labelled form: problems on top (role=alert), fields, then Save and any extra buttons. */
export function FormBox({ form, onSubmit, label, submitLabel, children, extra }: FormProps) {
  const ui = useAdmin();
  const orphans = form.orphans();
  return (
    <form
      ref={form.ref}
      class="admin-form"
      aria-label={label}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {form.note?.kind === 'error' && (
        <div class="form-error" role="alert">
          <p>{form.note.text}</p>
          {orphans.length > 0 && (
            <ul>
              {orphans.map((i) => (
                <li key={i.path}>{`${i.path}: ${issueText(i, ui.lang, ui.digits)}`}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {children}
      <div class="form-actions">
        <button type="submit" class="primary" disabled={form.busy}>
          {form.busy ? ui.t('saving') : (submitLabel ?? ui.t('save'))}
        </button>
        {extra}
        {form.note?.kind === 'ok' && (
          <span class="form-ok" role="status">
            {form.note.text}
          </span>
        )}
      </div>
    </form>
  );
}

type ControlAttrs = { id: string; 'aria-invalid'?: 'true'; 'aria-describedby'?: string };

interface FieldProps {
  label: string;
  hint?: string;
  error: string | null;
  wide?: boolean;
  children(attrs: ControlAttrs): JSX.Element;
}

/** Label, control, hint and error, tied together by id, aria-describedby and aria-invalid. */
export function Field({ label, hint, error, wide, children }: FieldProps) {
  const id = useId();
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div class={`field${wide ? ' wide' : ''}${error ? ' invalid' : ''}`}>
      <label for={id}>{label}</label>
      {children({ id, 'aria-invalid': error ? 'true' : undefined, 'aria-describedby': described || undefined })}
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

type InputProps = Bound & { label: string; hint?: string; wide?: boolean; dir?: 'ltr' | 'rtl' | 'auto' };

export function TextField(p: InputProps & { type?: 'text' | 'password' | 'url'; numeric?: boolean; upper?: boolean; autoComplete?: string; list?: string }) {
  return (
    <Field label={p.label} hint={p.hint} error={p.error} wide={p.wide}>
      {(a) => (
        <input
          {...a}
          name={p.name}
          type={p.type ?? 'text'}
          dir={p.dir}
          list={p.list}
          inputMode={p.numeric ? 'numeric' : undefined}
          autoComplete={p.autoComplete ?? 'off'}
          value={String(p.value)}
          onInput={(e) => {
            const v = e.currentTarget.value;
            p.onChange(p.upper ? v.toUpperCase() : v);
          }}
        />
      )}
    </Field>
  );
}

export function TextArea(p: InputProps & { rows?: number }) {
  return (
    <Field label={p.label} hint={p.hint} error={p.error} wide={p.wide}>
      {(a) => <textarea {...a} name={p.name} dir={p.dir} rows={p.rows ?? 4} value={String(p.value)} onInput={(e) => p.onChange(e.currentTarget.value)} />}
    </Field>
  );
}

export function SelectField(p: InputProps & { options: [value: string, label: string][] }) {
  return (
    <Field label={p.label} hint={p.hint} error={p.error} wide={p.wide}>
      {(a) => (
        <select {...a} name={p.name} value={String(p.value)} onChange={(e) => p.onChange(e.currentTarget.value)}>
          {p.options.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function Checkbox(p: Bound & { label: string; hint?: string }) {
  const id = useId();
  return (
    <div class={`check${p.error ? ' invalid' : ''}`}>
      <input
        id={id}
        type="checkbox"
        name={p.name}
        checked={p.value === true}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={p.error ? `${id}-error` : p.hint ? `${id}-hint` : undefined}
        onChange={(e) => p.onChange(e.currentTarget.checked)}
      />
      <label for={id}>{p.label}</label>
      {p.hint && (
        <p class="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      )}
      {p.error && (
        <p class="error" id={`${id}-error`}>
          {p.error}
        </p>
      )}
    </div>
  );
}

export function Radios(p: Bound & { label: string; options: [value: string, label: string][] }) {
  const id = useId();
  return (
    <fieldset class={`radios${p.error ? ' invalid' : ''}`} aria-describedby={p.error ? `${id}-error` : undefined}>
      <legend>{p.label}</legend>
      {p.options.map(([value, label]) => (
        <label key={value}>
          <input type="radio" name={`${id}-${p.name}`} value={value} checked={p.value === value} onChange={() => p.onChange(value)} />
          {label}
        </label>
      ))}
      {p.error && (
        <p class="error" id={`${id}-error`}>
          {p.error}
        </p>
      )}
    </fieldset>
  );
}
