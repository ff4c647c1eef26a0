import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { FieldIssue } from '../../server/protocol/admin.js';
import type { CatalogueService } from '../../server/protocol/city.js';
import { AdminError } from '../../clerk-ui/src/admin/api.js';
import { failureText, useAdmin, useLoad } from '../../clerk-ui/src/admin/context.js';
import { issueText, type Hints } from '../../clerk-ui/src/admin/text.js';
import { Loading, SectionHead } from '../../clerk-ui/src/admin/sections/common.js';
import { catalogueOf, rowOf, type Column, type Published, type Row } from './catalogue.js';
import { cellName, publishedLine, T, versionLine, type TextKey } from './text.js';

// The city's service catalogue as a table to edit: a row per service, rows added and removed,
// then published as the next version for every hall. A problem, found here or by the server
// (its `fields`, with paths such as `2.code`), is shown beside its cell.

const COLUMNS: { path: Column; head: TextKey; dir?: 'ltr' | 'rtl'; lines?: boolean; hint?: TextKey }[] = [
  { path: 'code', head: 'code', dir: 'ltr', hint: 'codeHint' },
  { path: 'name.ar', head: 'nameAr', dir: 'rtl' },
  { path: 'name.en', head: 'nameEn', dir: 'ltr' },
  { path: 'name.fr', head: 'nameFr', dir: 'ltr' },
  { path: 'targetWaitMinutes', head: 'target' },
  { path: 'whatToBring.ar', head: 'bringAr', dir: 'rtl', lines: true, hint: 'bringHint' },
  { path: 'whatToBring.en', head: 'bringEn', dir: 'ltr', lines: true, hint: 'bringHint' },
  { path: 'whatToBring.fr', head: 'bringFr', dir: 'ltr', lines: true, hint: 'bringHint' },
];

export function CatalogueSection() {
  const ui = useAdmin();
  const { data, error, reload } = useLoad<Published>('/services');
  const [justPublished, setJustPublished] = useState<number | null>(null);
  if (!data) return <Loading error={error} retry={reload} />;
  return (
    <>
      <SectionHead title={T.catalogue[ui.lang]} />
      <p class="muted">{T.catalogueHint[ui.lang]}</p>
      <p class="city-version" role="status">
        {justPublished !== null
          ? publishedLine(ui.num(justPublished), ui.lang)
          : data.version && data.publishedAt
            ? versionLine(ui.num(data.version), ui.time(data.publishedAt), ui.lang)
            : T.notPublished[ui.lang]}
      </p>
      <Editor key={data.version} services={data.services} onPublished={(p) => (setJustPublished(p.version), reload())} />
    </>
  );
}

function Editor({ services, onPublished }: { services: CatalogueService[]; onPublished(p: Published): void }) {
  const ui = useAdmin();
  const { lang } = ui;
  const [rows, setRows] = useState<Row[]>(() => services.map(rowOf));
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const table = useRef<HTMLTableElement>(null);

  useEffect(() => {
    if (issues.length) table.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [issues]);

  const set = (key: number, path: Column, value: string) => {
    setRows((list) => list.map((r) => (r.key === key ? { ...r, [path]: value } : r)));
    const i = rows.findIndex((r) => r.key === key);
    setIssues((list) => list.filter((x) => !x.path.startsWith(`${i}.${path}`)));
  };
  // Paths are by position: removing a row moves the rows after it, so their problems are checked again on Publish.
  const remove = (key: number) => (setRows((list) => list.filter((r) => r.key !== key)), setIssues([]));

  async function publish(e: Event) {
    e.preventDefault();
    const { body, issues: found } = catalogueOf(rows);
    setIssues(found);
    setProblem(found.length ? ui.t('fixErrors') : null);
    if (found.length) return;
    setBusy(true);
    try {
      onPublished(await ui.call<Published>('PUT', '/services', { json: body }));
    } catch (err) {
      if (err instanceof AdminError && err.fields.length) {
        setIssues(err.fields);
        setProblem(ui.t('fixErrors'));
      } else setProblem(failureText(err, ui));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="admin-form city-catalogue" aria-label={T.catalogue[lang]} noValidate onSubmit={publish}>
      {problem && (
        <p class="form-error" role="alert">
          {problem}
        </p>
      )}
      <div class="city-catalogue-wrap">
        <table class="list" ref={table}>
          <thead>
            <tr>
              <th scope="col">#</th>
              {COLUMNS.map((c) => (
                <th scope="col" key={c.path}>
                  {T[c.head][lang]}
                  {c.hint && <small class="hint">{T[c.hint][lang]}</small>}
                </th>
              ))}
              <th scope="col">{ui.t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.key}>
                <th scope="row">{ui.num(i + 1)}</th>
                {COLUMNS.map((c) => (
                  <td key={c.path}>
                    <Cell
                      label={cellName(T[c.head][lang], ui.num(i + 1), lang)}
                      column={c}
                      value={r[c.path]}
                      issue={issues.find((x) => x.path === `${i}.${c.path}` || x.path.startsWith(`${i}.${c.path}.`))}
                      onInput={(v) => set(r.key, c.path, c.path === 'code' ? v.toUpperCase() : v)}
                    />
                  </td>
                ))}
                <td>
                  <button type="button" class="danger small" aria-label={`${T.removeService[lang]} ${ui.num(i + 1)}`} onClick={() => remove(r.key)}>
                    {ui.t('remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="form-actions">
        <button type="button" class="secondary" onClick={() => setRows((list) => [...list, rowOf()])}>
          + {T.addService[lang]}
        </button>
        <button type="submit" class="primary" disabled={busy}>
          {busy ? T.publishing[lang] : T.publish[lang]}
        </button>
      </div>
    </form>
  );
}

const CODE_HINTS: Hints = {
  listed_twice: T.codeTwice,
  custom: T.codeTwice, // the server's own check of a repeated code
  invalid_format: T.codeHint,
};

function Cell(p: { label: string; column: (typeof COLUMNS)[number]; value: string; issue: FieldIssue | undefined; onInput(v: string): void }) {
  const ui = useAdmin();
  const id = useId();
  const error = p.issue ? issueText(p.issue, ui.lang, ui.digits, p.column.path === 'code' ? CODE_HINTS : {}) : null;
  const attrs = {
    id,
    name: p.column.path,
    'aria-label': p.label,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
    dir: p.column.dir,
    value: p.value,
    onInput: (e: Event) => p.onInput((e.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class={`field${error ? ' invalid' : ''}`}>
      {p.column.lines ? <textarea rows={2} {...attrs} /> : <input inputMode={p.column.path === 'targetWaitMinutes' ? 'numeric' : undefined} {...attrs} />}
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
