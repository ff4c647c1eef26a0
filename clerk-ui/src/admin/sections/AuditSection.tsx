import { useEffect, useState } from 'preact/hooks';
import type { AuditEntry, AuditPage } from '../../../../server/protocol/admin.js';
import type { User } from '../../../../server/protocol/schemas.js';
import { formatTicketNumber } from '../../../../ui-kit/i18n.js';
import { DateField } from '../../components/DateTime.js';
import { localDay } from '../../reports/format.js';
import { failureText, useAdmin, useLoad, type AdminUi } from '../context.js';
import { ACTIONS, changeDetails, ENTITIES } from '../text.js';
import { ListHead, SectionHead } from './common.js';

interface Filters {
  from: string;
  to: string;
  source: string;
  userId: string;
}

const query = (f: Filters, cursor?: string) =>
  new URLSearchParams(Object.entries({ ...f, limit: '50', cursor: cursor ?? '' }).filter(([, v]) => v !== '')).toString();

function what(e: AuditEntry, ui: AdminUi): string {
  const action = ACTIONS[e.action]?.[ui.lang] ?? e.action;
  if (e.source === 'ticket') return `${action} ${e.ticket ? formatTicketNumber(e.ticket.number, ui.digits) : ''}`;
  const label = e.details?.label;
  return [action, ENTITIES[e.entity]?.[ui.lang] ?? e.entity, label === undefined ? '' : String(label)].join(' ').trim();
}

function details(e: AuditEntry, ui: AdminUi): string {
  if (e.source === 'ticket') {
    const parts = [e.service?.code, e.counter && `${ui.t('counterN')} ${ui.num(e.counter.number)}`];
    return parts.filter(Boolean).join(' · ');
  }
  return changeDetails(e.details, ui.lang, ui.digits);
}

export function AuditSection() {
  const ui = useAdmin();
  const { t } = ui;
  const users = useLoad<User[]>('/users');
  const today = localDay(Date.now(), ui.timeZone);
  const [draft, setDraft] = useState<Filters>({ from: '', to: '', source: '', userId: '' });
  const [filters, setFilters] = useState(draft);
  const [items, setItems] = useState<AuditEntry[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function load(cursor?: string) {
    try {
      const page = await ui.call<AuditPage>('GET', `/audit?${query(filters, cursor)}`);
      setItems((old) => (cursor && old ? [...old, ...page.items] : page.items));
      setNext(page.nextCursor);
      setProblem(null);
    } catch (err) {
      setProblem(failureText(err, ui));
    }
  }
  useEffect(() => void load(), [filters]);

  const set = (key: keyof Filters) => (e: Event) => setDraft({ ...draft, [key]: (e.currentTarget as HTMLInputElement).value });
  return (
    <>
      <SectionHead title={t('audit')} />
      <form
        class="filters"
        aria-label={t('filter')}
        onSubmit={(e) => {
          e.preventDefault();
          setFilters({ ...draft });
        }}
      >
        {(['from', 'to'] as const).map((key) => (
          <div class="date" key={key}>
            <span aria-hidden="true">{t(key)}</span>
            <DateField label={t(key)} lang={ui.lang} digits={ui.digits} value={draft[key]} today={today} optional onChange={(v) => setDraft({ ...draft, [key]: v })} />
          </div>
        ))}
        <label>
          <span>{t('source')}</span>
          <select name="source" value={draft.source} onChange={set('source')}>
            <option value="">{t('allSources')}</option>
            <option value="admin">{t('source_admin')}</option>
            <option value="ticket">{t('source_ticket')}</option>
          </select>
        </label>
        <label>
          <span>{t('user')}</span>
          <select name="userId" value={draft.userId} onChange={set('userId')}>
            <option value="">{t('anyone')}</option>
            {(users.data ?? []).map((u) => (
              <option key={u.id} value={String(u.id)}>
                {u.displayName ? `${u.displayName} (${u.username})` : u.username}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="primary">
          {t('filter')}
        </button>
      </form>
      {problem && (
        <p class="form-error" role="alert">
          {problem}
        </p>
      )}
      {items === null ? (
        <p role="status" class="muted">
          {t('loading')}
        </p>
      ) : items.length === 0 ? (
        <p class="muted">{t('noEntries')}</p>
      ) : (
        <table class="list audit">
          <ListHead cols={['when', 'who', 'what', 'detailsCol']} />
          <tbody>
            {items.map((e) => (
              <tr key={e.id}>
                <td class="nowrap">{ui.time(e.at)}</td>
                <td>{e.user?.name ?? e.device?.name ?? '—'}</td>
                <td>{what(e, ui)}</td>
                <td class="details">
                  <bdi>{details(e, ui)}</bdi>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next && (
        <button type="button" class="secondary" onClick={() => load(next)}>
          {t('loadMore')}
        </button>
      )}
    </>
  );
}
