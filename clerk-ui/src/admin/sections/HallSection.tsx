import { useState } from 'preact/hooks';
import type { HallAdmin, HallPatch, HallSettingsView } from '../../../../server/protocol/admin.js';
import type { HijriCalendar } from '../../../../server/protocol/schemas.js';
import { useAdmin, useLoad } from '../context.js';
import { Checkbox, FormBox, Radios, SelectField, TextField, useForm } from '../form.js';
import { HoursEditor, draftOf, hoursOf } from '../HoursEditor.js';
import { T } from '../text.js';
import { Checks } from '../validate.js';
import { Loading, SectionHead } from './common.js';

const POLICIES = ['default', 'oldest-first', 'service-order', 'novosga'] as const;
const HIJRI_CALENDARS: HijriCalendar[] = ['islamic-umalqura', 'islamic-civil'];
const ZONES: string[] = (Intl as unknown as { supportedValuesOf?(k: string): string[] }).supportedValuesOf?.('timeZone') ?? [];

export function HallSection() {
  const { data, error, reload } = useLoad<HallAdmin>('/hall');
  const ui = useAdmin();
  return (
    <>
      <SectionHead title={ui.t('hall')} />
      {data ? <HallForm hall={data} /> : <Loading error={error} retry={reload} />}
    </>
  );
}

function valuesOf(h: HallAdmin) {
  const s = h.settings;
  return {
    'name.ar': h.name.ar,
    'name.en': h.name.en ?? '',
    'name.fr': h.name.fr ?? '',
    timeZone: h.timeZone,
    'settings.digits': s.digits,
    'settings.hijriCalendar': s.hijriCalendar as string,
    'settings.languages.ar': s.languages.includes('ar'),
    'settings.languages.en': s.languages.includes('en'),
    'settings.languages.fr': s.languages.includes('fr'),
    'settings.ticketFooter.ar': s.ticketFooter.ar,
    'settings.ticketFooter.en': s.ticketFooter.en ?? '',
    'settings.ticketFooter.fr': s.ticketFooter.fr ?? '',
    'settings.printWhatToBring': s.printWhatToBring,
    'settings.routingPolicy': s.routingPolicy,
    'settings.maxPriorityInRow': String(s.maxPriorityInRow),
    'settings.allowCallSpecific': s.allowCallSpecific,
    autoNoShow: s.autoNoShowAfterRecalls !== null,
    'settings.autoNoShowAfterRecalls': String(s.autoNoShowAfterRecalls ?? 3),
    'settings.noShowMinSeconds': String(s.noShowMinSeconds),
    'settings.carryOverWaiting': s.carryOverWaiting,
    'settings.enforceHours': s.enforceHours,
    'settings.kioskReturnSeconds': String(s.kioskReturnSeconds),
    'settings.alertQueueLength': String(s.alertQueueLength),
    'settings.publicUrl': s.publicUrl ?? '',
    'settings.remoteJoin.enabled': s.remoteJoin.enabled,
    'settings.remoteJoin.dailyCapPerService': String(s.remoteJoin.dailyCapPerService),
    'settings.suggestOtherCentres': s.suggestOtherCentres,
    'settings.notify.enabled': s.notify.enabled,
    'settings.notify.webhookUrl': s.notify.webhookUrl ?? '',
    'settings.notify.position': String(s.notify.position),
    'settings.retentionDays': s.retentionDays === null ? '' : String(s.retentionDays),
    'settings.appointments.checkInEarlyMinutes': String(s.appointments.checkInEarlyMinutes),
    'settings.appointments.checkInLateMinutes': String(s.appointments.checkInLateMinutes),
    'settings.appointments.minLeadMinutes': String(s.appointments.minLeadMinutes),
    'settings.appointments.windowDays': String(s.appointments.windowDays),
    // Shown as a percent; the server keeps a share (0.4).
    bookablePercent: String(Math.round(s.appointments.maxBookableShare * 100)),
    'settings.appointments.appointmentEveryK': String(s.appointments.appointmentEveryK),
  };
}

function HallForm({ hall }: { hall: HallAdmin }) {
  const ui = useAdmin();
  const { t } = ui;
  const form = useForm(valuesOf(hall));
  const [week, setWeek] = useState(() => draftOf(hall.openingHours));
  const v = form.values;
  form.claim('openingHours');

  function check(): { body: HallPatch; checks: Checks } {
    const c = new Checks();
    const languages = (['ar', 'en', 'fr'] as const).filter((l) => v[`settings.languages.${l}`]);
    if (languages.length === 0) c.add('settings.languages', 'too_few', 1);
    else if (languages[0] !== 'ar') c.add('settings.languages', 'arabic_first');
    const english = languages.includes('en');
    const body: HallPatch = {
      name: c.names('name', { ar: v['name.ar'], en: v['name.en'], fr: v['name.fr'] }, { max: 200, english }),
      timeZone: c.text('timeZone', v.timeZone, { max: 64 })!,
      openingHours: hoursOf(week, 'openingHours', c),
      settings: {
        digits: v['settings.digits'] as 'arab' | 'latn',
        languages,
        hijriCalendar: v['settings.hijriCalendar'] as HijriCalendar,
        ticketFooter: c.names(
          'settings.ticketFooter',
          { ar: v['settings.ticketFooter.ar'], en: v['settings.ticketFooter.en'], fr: v['settings.ticketFooter.fr'] },
          { max: 200, english },
        ),
        printWhatToBring: v['settings.printWhatToBring'],
        routingPolicy: v['settings.routingPolicy'] as HallSettingsView['routingPolicy'],
        maxPriorityInRow: c.int('settings.maxPriorityInRow', v['settings.maxPriorityInRow'], { min: 1, max: 10 })!,
        allowCallSpecific: v['settings.allowCallSpecific'],
        autoNoShowAfterRecalls: v.autoNoShow ? c.int('settings.autoNoShowAfterRecalls', v['settings.autoNoShowAfterRecalls'], { min: 1, max: 10 }) : null,
        noShowMinSeconds: c.int('settings.noShowMinSeconds', v['settings.noShowMinSeconds'], { min: 0, max: 600 })!,
        carryOverWaiting: v['settings.carryOverWaiting'],
        enforceHours: v['settings.enforceHours'],
        kioskReturnSeconds: c.int('settings.kioskReturnSeconds', v['settings.kioskReturnSeconds'], { min: 5, max: 120 })!,
        alertQueueLength: c.int('settings.alertQueueLength', v['settings.alertQueueLength'], { min: 1, max: 500 })!,
        publicUrl: c.url('settings.publicUrl', v['settings.publicUrl'], { max: 200, optional: true }),
        remoteJoin: {
          enabled: v['settings.remoteJoin.enabled'],
          dailyCapPerService: c.int('settings.remoteJoin.dailyCapPerService', v['settings.remoteJoin.dailyCapPerService'], { min: 1, max: 1000 })!,
        },
        suggestOtherCentres: v['settings.suggestOtherCentres'],
        notify: {
          enabled: v['settings.notify.enabled'],
          webhookUrl: c.url('settings.notify.webhookUrl', v['settings.notify.webhookUrl'], { max: 200, optional: !v['settings.notify.enabled'] }),
          position: c.int('settings.notify.position', v['settings.notify.position'], { min: 1, max: 20 })!,
        },
        retentionDays: c.int('settings.retentionDays', v['settings.retentionDays'], { min: 7, max: 3650, optional: true }),
        appointments: {
          checkInEarlyMinutes: c.int('settings.appointments.checkInEarlyMinutes', v['settings.appointments.checkInEarlyMinutes'], { min: 0, max: 240 })!,
          checkInLateMinutes: c.int('settings.appointments.checkInLateMinutes', v['settings.appointments.checkInLateMinutes'], { min: 0, max: 120 })!,
          minLeadMinutes: c.int('settings.appointments.minLeadMinutes', v['settings.appointments.minLeadMinutes'], { min: 0, max: 7 * 24 * 60 })!,
          windowDays: c.int('settings.appointments.windowDays', v['settings.appointments.windowDays'], { min: 1, max: 365 })!,
          maxBookableShare: c.int('bookablePercent', v.bookablePercent, { min: 0, max: 100 })! / 100,
          appointmentEveryK: c.int('settings.appointments.appointmentEveryK', v['settings.appointments.appointmentEveryK'], { min: 1, max: 20 })!,
        },
      },
    };
    return { body, checks: c };
  }

  const save = () =>
    form.submit(
      async () => {
        const saved = await ui.call<HallAdmin>('PATCH', '/hall', { json: check().body });
        setWeek(draftOf(saved.openingHours));
        ui.hallChanged();
      },
      () => check().checks.issues,
    );

  const languagesError = form.errorAt('settings.languages', {
    too_few: { ar: 'اختر لغة واحدة على الأقل.', en: 'Choose at least one language.', fr: 'Choisissez au moins une langue.' },
    arabic_first: { ar: 'العربية لغة الصالة الأولى دائماً، فلا بدّ من اختيارها.', en: 'Arabic is always the hall’s first language: keep it chosen.', fr: 'L’arabe est toujours la première langue de la salle\u00a0: gardez-le coché.' },
  });
  const urlHints = { invalid_format: T.httpUrl };
  const englishHint = v['settings.languages.en'] ? undefined : t('englishOptionalHint');
  return (
    <FormBox form={form} onSubmit={save} label={t('hall')}>
      <section class="card">
        <h3>{t('general')}</h3>
        <div class="grid">
          <TextField label={t('hallNameAr')} dir="rtl" {...form.field('name.ar')} />
          <TextField label={t('hallNameEn')} hint={englishHint} dir="ltr" {...form.field('name.en')} />
          <TextField label={t('hallNameFr')} hint={t('frenchHint')} dir="ltr" {...form.field('name.fr')} />
          <TextField label={t('timeZone')} hint={t('timeZoneHint')} dir="ltr" list="admin-time-zones" {...form.field('timeZone')} />
          <datalist id="admin-time-zones">
            {ZONES.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          <Radios
            label={t('digits')}
            options={[
              ['arab', t('digitsArab')],
              ['latn', t('digitsLatn')],
            ]}
            {...form.field('settings.digits')}
          />
          <Radios
            label={t('hijriCalendar')}
            options={HIJRI_CALENDARS.map((c) => [c, t(`hijri_${c}`)])}
            {...form.field('settings.hijriCalendar')}
          />
          <fieldset class={`checks${languagesError ? ' invalid' : ''}`}>
            <legend>{t('languages')}</legend>
            <Checkbox label={t('arabic')} {...form.field('settings.languages.ar')} error={null} />
            <Checkbox label={t('english')} {...form.field('settings.languages.en')} error={null} />
            <Checkbox label={t('french')} {...form.field('settings.languages.fr')} error={null} />
            {languagesError && <p class="error">{languagesError}</p>}
          </fieldset>
          <TextField label={t('footerAr')} dir="rtl" wide {...form.field('settings.ticketFooter.ar')} />
          <TextField label={t('footerEn')} hint={englishHint} dir="ltr" wide {...form.field('settings.ticketFooter.en')} />
          <TextField label={t('footerFr')} hint={t('frenchHint')} dir="ltr" wide {...form.field('settings.ticketFooter.fr')} />
          <Checkbox label={t('printWhatToBring')} {...form.field('settings.printWhatToBring')} />
        </div>
      </section>

      <section class="card">
        <HoursEditor
          label={t('openingHours')}
          hint={t('openingHoursHint')}
          path="openingHours"
          week={week}
          onChange={setWeek}
          errorAt={(p, exact) => form.errorAt(p, undefined, exact)}
        />
      </section>

      <section class="card">
        <h3>{t('policies')}</h3>
        <div class="grid">
          <SelectField label={t('routingPolicy')} wide options={POLICIES.map((p) => [p, t(`policy_${p}`)])} {...form.field('settings.routingPolicy')} />
          <TextField label={t('maxPriorityInRow')} numeric {...form.field('settings.maxPriorityInRow')} />
          <TextField label={t('kioskReturnSeconds')} numeric {...form.field('settings.kioskReturnSeconds')} />
          <TextField label={t('alertQueueLength')} numeric {...form.field('settings.alertQueueLength')} />
          <div class="stack">
            <Checkbox label={t('autoNoShow')} {...form.field('autoNoShow')} />
            {v.autoNoShow && <TextField label={t('autoNoShowAfter')} numeric {...form.field('settings.autoNoShowAfterRecalls')} />}
          </div>
          <TextField label={t('noShowMinSeconds')} hint={t('noShowMinSecondsHint')} numeric {...form.field('settings.noShowMinSeconds')} />
          <Checkbox label={t('allowCallSpecific')} {...form.field('settings.allowCallSpecific')} />
          <Checkbox label={t('carryOverWaiting')} {...form.field('settings.carryOverWaiting')} />
          <Checkbox label={t('enforceHours')} {...form.field('settings.enforceHours')} />
        </div>
      </section>

      <section class="card">
        <h3>{t('phones')}</h3>
        <div class="grid">
          <TextField label={t('publicUrl')} hint={t('publicUrlHint')} type="url" dir="ltr" wide {...form.field('settings.publicUrl', urlHints)} />
          <div class="stack">
            <Checkbox label={t('remoteJoin')} {...form.field('settings.remoteJoin.enabled')} />
            {v['settings.remoteJoin.enabled'] && (
              <TextField label={t('dailyCapPerService')} numeric {...form.field('settings.remoteJoin.dailyCapPerService')} />
            )}
          </div>
          <Checkbox label={t('suggestOtherCentres')} hint={t('suggestOtherCentresHint')} {...form.field('settings.suggestOtherCentres')} />
          <div class="stack">
            <Checkbox label={t('notify')} {...form.field('settings.notify.enabled')} />
            {v['settings.notify.enabled'] && (
              <>
                <TextField label={t('webhookUrl')} type="url" dir="ltr" {...form.field('settings.notify.webhookUrl', urlHints)} />
                <TextField label={t('notifyPosition')} hint={t('notifyPositionHint')} numeric {...form.field('settings.notify.position')} />
              </>
            )}
          </div>
        </div>
      </section>

      <section class="card">
        <h3>{t('appointmentsSection')}</h3>
        <div class="grid">
          <TextField label={t('checkInEarlyMinutes')} numeric {...form.field('settings.appointments.checkInEarlyMinutes')} />
          <TextField label={t('checkInLateMinutes')} hint={t('checkInLateMinutesHint')} numeric {...form.field('settings.appointments.checkInLateMinutes')} />
          <TextField label={t('minLeadMinutes')} numeric {...form.field('settings.appointments.minLeadMinutes')} />
          <TextField label={t('windowDays')} numeric {...form.field('settings.appointments.windowDays')} />
          <TextField label={t('bookablePercent')} hint={t('bookablePercentHint')} numeric {...form.field('bookablePercent')} />
          <TextField label={t('appointmentEveryK')} hint={t('appointmentEveryKHint')} numeric {...form.field('settings.appointments.appointmentEveryK')} />
        </div>
      </section>

      <section class="card">
        <h3>{t('privacy')}</h3>
        <div class="grid">
          <TextField label={t('retentionDays')} hint={t('retentionDaysHint')} numeric wide {...form.field('settings.retentionDays')} />
        </div>
      </section>
    </FormBox>
  );
}
