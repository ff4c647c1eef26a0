import { useState } from 'preact/hooks';
import type { Counter, Service } from '../../../../server/protocol/schemas.js';
import { pick } from '../../../../ui-kit/i18n.js';
import { Icon } from '../../../../ui-kit/icons.js';
import { useAdmin, useLoad } from '../context.js';
import { Checkbox, FormBox, TextField, useForm } from '../form.js';
import { listed, type Hints } from '../text.js';
import { Checks } from '../validate.js';
import { ActiveBadge, EditButton, ListHead, Loading, Panel, SectionHead, saveItem } from './common.js';

const SERVICES_HINTS: Hints = { too_few: { ar: 'اختر خدمة واحدة على الأقل.', en: 'Choose at least one service.', fr: 'Choisissez au moins un service.' } };
const QUALIFIED_HINTS: Hints = {
  missing_service: { ar: 'يجب أن تشمل كل خدمة يقدّمها الشباك.', en: 'Must include every service the counter serves.', fr: 'Doit comprendre tous les services que le guichet assure.' },
  unknown: { ar: 'إحدى الخدمات المختارة لم تعد موجودة.', en: 'One of the chosen services no longer exists.', fr: 'L’un des services choisis n’existe plus.' },
};
const NUMBER_HINTS: Hints = { duplicate: { ar: 'يوجد شباك آخر بهذا الرقم.', en: 'Another counter has this number.', fr: 'Un autre guichet porte déjà ce numéro.' } };

export function CountersSection() {
  const ui = useAdmin();
  const { t } = ui;
  const counters = useLoad<Counter[]>('/counters');
  const services = useLoad<Service[]>('/services');
  const [editing, setEditing] = useState<Counter | 'new' | null>(null);
  if (!counters.data || !services.data) return <Loading error={counters.error ?? services.error} retry={() => (counters.reload(), services.reload())} />;
  const byId = new Map(services.data.map((s) => [s.id, s]));
  const done = () => (setEditing(null), counters.reload());
  return (
    <>
      <SectionHead title={t('counters')}>
        <button type="button" class="primary" onClick={() => setEditing('new')}>
          + {t('newCounter')}
        </button>
      </SectionHead>
      {editing && (
        <Panel title={editing === 'new' ? t('newCounter') : `${t('editCounter')} ${ui.num(editing.number)}`} onClose={() => setEditing(null)}>
          <CounterForm key={editing === 'new' ? 'new' : editing.id} counter={editing === 'new' ? null : editing} services={services.data} onSaved={done} />
        </Panel>
      )}
      <table class="list">
        <ListHead cols={['counterNumber', 'counterName', 'zone', 'counterServices', 'counterQualified', 'status', 'actions']} />
        <tbody>
          {counters.data.map((c) => (
            <tr key={c.id}>
              <td class="num">{ui.num(c.number)}</td>
              <td>{c.name ?? '—'}</td>
              <td>{c.zone ?? '—'}</td>
              <td>{c.serviceIds.map((id) => byId.get(id)?.code ?? '?').join(' › ')}</td>
              <td>{listed(c.qualifiedServiceIds.map((id) => byId.get(id)?.code ?? '?'), ui.lang)}</td>
              <td>
                <ActiveBadge active={c.active} /> <span class="muted">{t(`state_${c.state}`)}</span>
              </td>
              <td>
                <EditButton name={`${t('counterN')} ${c.number}`} onClick={() => setEditing(c)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function CounterForm({ counter, services, onSaved }: { counter: Counter | null; services: Service[]; onSaved(): void }) {
  const ui = useAdmin();
  const { t } = ui;
  const form = useForm({
    number: counter ? String(counter.number) : '',
    name: counter?.name ?? '',
    zone: counter?.zone ?? '',
    active: counter?.active ?? true,
  });
  const [chosen, setChosen] = useState<number[]>(counter?.serviceIds ?? []);
  const [adding, setAdding] = useState('');
  // Beyond what it serves: what its clerk could also serve (the staffing advisor keeps within it).
  const [alsoQualified, setAlsoQualified] = useState<number[]>(counter?.qualifiedServiceIds ?? []);
  const servicesError = form.errorAt('serviceIds', SERVICES_HINTS);
  const qualifiedError = form.errorAt('qualifiedServiceIds', QUALIFIED_HINTS);
  const byId = new Map(services.map((s) => [s.id, s]));
  const v = form.values;

  function check() {
    const c = new Checks();
    if (chosen.length === 0) c.add('serviceIds', 'too_few', 1);
    const body = {
      number: c.int('number', v.number, { min: 1, max: 9999 }),
      name: c.text('name', v.name, { max: 100, optional: true }),
      zone: c.text('zone', v.zone, { max: 50, optional: true }),
      serviceIds: chosen,
      qualifiedServiceIds: [...chosen, ...alsoQualified.filter((id) => !chosen.includes(id))],
      ...(counter ? { active: v.active } : {}),
    };
    return { body, issues: c.issues };
  }

  const save = () =>
    form.submit(
      async () => {
        await saveItem(ui, '/counters', counter, check().body);
        onSaved();
      },
      () => check().issues,
    );

  const move = (i: number, by: -1 | 1) => {
    const next = [...chosen];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    setChosen(next);
  };

  return (
    <FormBox form={form} onSubmit={save} label={counter ? t('editCounter') : t('newCounter')}>
      <div class="grid">
        <TextField label={t('counterNumber')} numeric {...form.field('number', NUMBER_HINTS)} />
        <TextField label={t('counterName')} hint={t('counterNameHint')} {...form.field('name')} />
        <TextField label={t('zone')} hint={t('zoneHint')} {...form.field('zone')} />
        {counter && <Checkbox label={t('counterActive')} {...form.field('active')} />}
      </div>
      <fieldset class={`ordered${servicesError ? ' invalid' : ''}`}>
        <legend>{t('counterServices')}</legend>
        <p class="hint">{t('counterServicesHint')}</p>
        <ol>
          {chosen.map((id, i) => {
            const service = byId.get(id);
            const name = service ? pick(service.name, ui.lang) : String(id);
            return (
              <li key={id}>
                <span>
                  <strong class="code">{service?.code}</strong> {name}
                </span>
                <button type="button" class="icon" aria-label={`${t('moveUp')}: ${name}`} disabled={i === 0} onClick={() => move(i, -1)}>
                  <Icon shape="arrow" points="up" />
                </button>
                <button type="button" class="icon" aria-label={`${t('moveDown')}: ${name}`} disabled={i === chosen.length - 1} onClick={() => move(i, 1)}>
                  <Icon shape="arrow" points="down" />
                </button>
                <button type="button" class="icon" aria-label={`${t('remove')}: ${name}`} onClick={() => setChosen(chosen.filter((x) => x !== id))}>
                  ×
                </button>
              </li>
            );
          })}
        </ol>
        <div class="inline">
          <select aria-label={t('addServiceToCounter')} value={adding} onChange={(e) => setAdding(e.currentTarget.value)}>
            <option value="">{t('chooseService')}</option>
            {services
              .filter((s) => !chosen.includes(s.id))
              .map((s) => (
                <option key={s.id} value={String(s.id)}>
                  {`${s.code} — ${pick(s.name, ui.lang)}`}
                </option>
              ))}
          </select>
          <button
            type="button"
            class="secondary small"
            disabled={!adding}
            onClick={() => {
              setChosen([...chosen, Number(adding)]);
              setAdding('');
            }}
          >
            {t('add')}
          </button>
        </div>
        {servicesError && <p class="error">{servicesError}</p>}
      </fieldset>
      <fieldset class={`checks${qualifiedError ? ' invalid' : ''}`}>
        <legend>{t('counterQualified')}</legend>
        <p class="hint">{t('counterQualifiedHint')}</p>
        {services.map((s) => (
          <div class="check" key={s.id}>
            <input
              id={`qualified-${s.id}`}
              type="checkbox"
              checked={chosen.includes(s.id) || alsoQualified.includes(s.id)}
              disabled={chosen.includes(s.id)}
              onChange={(e) => setAlsoQualified(e.currentTarget.checked ? [...alsoQualified, s.id] : alsoQualified.filter((x) => x !== s.id))}
            />
            <label for={`qualified-${s.id}`}>{`${s.code} — ${pick(s.name, ui.lang)}`}</label>
          </div>
        ))}
        {qualifiedError && <p class="error">{qualifiedError}</p>}
      </fieldset>
    </FormBox>
  );
}
