import { useState } from 'preact/hooks';
import type { Service } from '../../../../server/protocol/schemas.js';
import { pick } from '../../../../ui-kit/i18n.js';
import { useAdmin, useLoad } from '../context.js';
import { Checkbox, FormBox, Radios, TextArea, TextField, useForm } from '../form.js';
import { HoursEditor, draftOf, hoursOf } from '../HoursEditor.js';
import type { Hints } from '../text.js';
import { Checks } from '../validate.js';
import { ActiveBadge, EditButton, ListHead, Loading, Panel, SectionHead, saveItem } from './common.js';

const CODE_HINTS: Hints = {
  invalid_format: { ar: 'الرمز من حرف إلى ثلاثة أحرف لاتينية كبيرة (A–Z).', en: 'Use 1 to 3 capital Latin letters (A–Z).', fr: 'Utilisez 1 à 3 lettres latines majuscules (A–Z).' },
  too_long: { ar: 'الرمز من حرف إلى ثلاثة أحرف لاتينية كبيرة (A–Z).', en: 'Use 1 to 3 capital Latin letters (A–Z).', fr: 'Utilisez 1 à 3 lettres latines majuscules (A–Z).' },
  duplicate: { ar: 'هذا الرمز مستخدم لخدمة أخرى.', en: 'Another service already uses this code.', fr: 'Un autre service utilise déjà ce code.' },
};

export function ServicesSection() {
  const ui = useAdmin();
  const { t } = ui;
  const { data, error, reload } = useLoad<Service[]>('/services');
  const [editing, setEditing] = useState<Service | 'new' | null>(null);
  if (!data) return <Loading error={error} retry={reload} />;
  const done = () => (setEditing(null), reload());
  return (
    <>
      <SectionHead title={t('services')}>
        <button type="button" class="primary" onClick={() => setEditing('new')}>
          + {t('newService')}
        </button>
      </SectionHead>
      {editing && (
        <Panel title={editing === 'new' ? t('newService') : `${t('editService')} ${editing.code}`} onClose={() => setEditing(null)}>
          <ServiceForm key={editing === 'new' ? 'new' : editing.id} service={editing === 'new' ? null : editing} onSaved={done} />
        </Panel>
      )}
      {data.length === 0 ? (
        <p class="muted">{t('noServices')}</p>
      ) : (
        <table class="list">
          <ListHead cols={['code', 'name', 'category', 'targetWait', 'dailyLimit', 'waitingNow', 'status', 'actions']} />
          <tbody>
            {data.map((s) => (
              <tr key={s.id}>
                <td>
                  <span class="code">{s.code}</span>
                </td>
                <td>{pick(s.name, ui.lang)}</td>
                <td>{s.category ? pick(s.category, ui.lang) : '—'}</td>
                <td>{ui.num(s.targetWaitMinutes)}</td>
                <td>{s.dailyLimit === null ? '—' : ui.num(s.dailyLimit)}</td>
                <td>{ui.num(s.waiting)}</td>
                <td>
                  <ActiveBadge active={s.active} />
                </td>
                <td>
                  <EditButton name={pick(s.name, ui.lang)} onClick={() => setEditing(s)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function valuesOf(s: Service | null) {
  return {
    'appointments.enabled': s?.appointments?.enabled ?? false,
    'appointments.slotMinutes': s?.appointments?.slotMinutes == null ? '' : String(s.appointments.slotMinutes),
    'appointments.perSlot': s?.appointments?.perSlot == null ? '' : String(s.appointments.perSlot),
    bookableHoursMode: s?.appointments?.hours ? 'own' : 'service',
    code: s?.code ?? '',
    'name.ar': s?.name.ar ?? '',
    'name.en': s?.name.en ?? '',
    'name.fr': s?.name.fr ?? '',
    targetWaitMinutes: String(s?.targetWaitMinutes ?? 15),
    averageServiceMinutes: String(s?.averageServiceMinutes ?? 5),
    dailyLimit: s?.dailyLimit == null ? '' : String(s.dailyLimit),
    hoursMode: s?.hours ? 'own' : 'hall',
    'category.ar': s?.category?.ar ?? '',
    'category.en': s?.category?.en ?? '',
    'category.fr': s?.category?.fr ?? '',
    'whatToBring.ar': (s?.whatToBring.ar ?? []).join('\n'),
    'whatToBring.en': (s?.whatToBring.en ?? []).join('\n'),
    'whatToBring.fr': (s?.whatToBring.fr ?? []).join('\n'),
    active: s?.active ?? true,
  };
}

function ServiceForm({ service, onSaved }: { service: Service | null; onSaved(): void }) {
  const ui = useAdmin();
  const { t } = ui;
  const form = useForm(valuesOf(service));
  const [week, setWeek] = useState(() => draftOf(service?.hours ?? { 0: [[480, 900]], 1: [[480, 900]], 2: [[480, 900]], 3: [[480, 900]], 4: [[480, 900]] }));
  const [bookable, setBookable] = useState(() => draftOf(service?.appointments?.hours ?? service?.hours ?? { 0: [[540, 780]] }));
  const v = form.values;
  form.claim('hours');
  form.claim('appointments.hours');

  function check() {
    const c = new Checks();
    const category = { ar: v['category.ar'], en: v['category.en'], fr: v['category.fr'] };
    const hasCategory = Object.values(category).some((text) => text.trim());
    const frenchPapers = c.list('whatToBring.fr', v['whatToBring.fr'], { max: 120, maxItems: 10 });
    // Empty: the server's defaults (the average duration; the counters serving the service).
    const on = v['appointments.enabled'];
    const slotMinutes = on ? c.int('appointments.slotMinutes', v['appointments.slotMinutes'], { min: 5, max: 240, optional: true }) : null;
    const perSlot = on ? c.int('appointments.perSlot', v['appointments.perSlot'], { min: 1, max: 50, optional: true }) : null;
    if (hasCategory && !category.ar.trim()) c.add('category.ar', 'needs_arabic');
    const body = {
      ...(service ? {} : { code: c.text('code', v.code, { max: 3, pattern: /^[A-Z]{1,3}$/ }) }),
      name: c.names('name', { ar: v['name.ar'], en: v['name.en'], fr: v['name.fr'] }, { max: 200, english: ui.english }),
      targetWaitMinutes: c.int('targetWaitMinutes', v.targetWaitMinutes, { min: 1, max: 1440 }),
      averageServiceMinutes: c.int('averageServiceMinutes', v.averageServiceMinutes, { min: 1, max: 1440 }),
      dailyLimit: c.int('dailyLimit', v.dailyLimit, { min: 1, max: 9999, optional: true }),
      hours: v.hoursMode === 'own' ? hoursOf(week, 'hours', c) : null,
      category: hasCategory && category.ar.trim() ? c.names('category', category, { max: 200, english: ui.english }) : null,
      whatToBring: {
        ar: c.list('whatToBring.ar', v['whatToBring.ar'], { max: 120, maxItems: 10 }),
        en: c.list('whatToBring.en', v['whatToBring.en'], { max: 120, maxItems: 10 }),
        ...(frenchPapers.length ? { fr: frenchPapers } : {}),
      },
      ...(service ? { active: v.active } : {}),
      // Appointments are set on an existing service (PATCH), and sent once they were ever turned on.
      ...(service && (on || service.appointments)
        ? {
            appointments: {
              enabled: on,
              ...(slotMinutes === null ? {} : { slotMinutes }),
              ...(perSlot === null ? {} : { perSlot }),
              ...(v.bookableHoursMode === 'own' ? { hours: hoursOf(bookable, 'appointments.hours', c) } : {}),
            },
          }
        : {}),
    };
    return { body, issues: c.issues };
  }

  const englishHint = ui.english ? undefined : t('englishOptionalHint');
  const save = () =>
    form.submit(
      async () => {
        await saveItem(ui, '/services', service, check().body);
        onSaved();
      },
      () => check().issues,
    );

  return (
    <FormBox form={form} onSubmit={save} label={service ? t('editService') : t('newService')}>
      <div class="grid">
        {service ? (
          <p class="field">
            <span class="label">{t('serviceCode')}</span> <strong class="code">{service.code}</strong>
          </p>
        ) : (
          <TextField label={t('serviceCode')} hint={t('serviceCodeHint')} dir="ltr" upper {...form.field('code', CODE_HINTS)} />
        )}
        <TextField label={t('nameAr')} dir="rtl" {...form.field('name.ar')} />
        <TextField label={t('nameEn')} hint={englishHint} dir="ltr" {...form.field('name.en')} />
        <TextField label={t('nameFr')} hint={t('frenchHint')} dir="ltr" {...form.field('name.fr')} />
        <TextField label={t('targetWait')} numeric {...form.field('targetWaitMinutes')} />
        <TextField label={t('averageDuration')} numeric {...form.field('averageServiceMinutes')} />
        <TextField label={t('dailyLimit')} hint={t('dailyLimitHint')} numeric {...form.field('dailyLimit')} />
        <TextField label={t('categoryAr')} hint={t('categoryHint')} dir="rtl" {...form.field('category.ar')} />
        <TextField label={t('categoryEn')} hint={englishHint} dir="ltr" {...form.field('category.en')} />
        <TextField label={t('categoryFr')} hint={t('frenchHint')} dir="ltr" {...form.field('category.fr')} />
        <TextArea label={t('bringAr')} hint={t('bringHint')} dir="rtl" {...form.field('whatToBring.ar')} />
        <TextArea label={t('bringEn')} hint={t('bringHint')} dir="ltr" {...form.field('whatToBring.en')} />
        <TextArea label={t('bringFr')} hint={`${t('bringHint')} ${t('frenchHint')}`} dir="ltr" {...form.field('whatToBring.fr')} />
        <Radios
          label={t('serviceHours')}
          options={[
            ['hall', t('hallHours')],
            ['own', t('ownHours')],
          ]}
          {...form.field('hoursMode')}
        />
        {service && <Checkbox label={t('serviceActive')} {...form.field('active')} />}
      </div>
      {v.hoursMode === 'own' && (
        <HoursEditor label={t('serviceHours')} path="hours" week={week} onChange={setWeek} errorAt={(p, exact) => form.errorAt(p, undefined, exact)} />
      )}
      {service && (
        <div class="grid">
          <Checkbox label={t('takesAppointments')} {...form.field('appointments.enabled')} />
          {v['appointments.enabled'] && (
            <>
              <TextField label={t('slotMinutes')} hint={t('slotMinutesHint')} numeric {...form.field('appointments.slotMinutes')} />
              <TextField label={t('perSlot')} hint={t('perSlotHint')} numeric {...form.field('appointments.perSlot')} />
              <Radios
                label={t('bookableHours')}
                options={[
                  ['service', t('serviceOwnHours')],
                  ['own', t('bookableOwnHours')],
                ]}
                {...form.field('bookableHoursMode')}
              />
            </>
          )}
        </div>
      )}
      {service && v['appointments.enabled'] && v.bookableHoursMode === 'own' && (
        <HoursEditor label={t('bookableHours')} path="appointments.hours" week={bookable} onChange={setBookable} errorAt={(p, exact) => form.errorAt(p, undefined, exact)} />
      )}
    </FormBox>
  );
}
