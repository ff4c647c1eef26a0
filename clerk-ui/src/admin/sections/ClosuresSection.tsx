import { useState } from 'preact/hooks';
import type { Closure } from '../../../../server/protocol/schemas.js';
import { pick } from '../../../../ui-kit/i18n.js';
import { DateField } from '../../components/DateTime.js';
import { localDay } from '../../reports/format.js';
import { failureText, useAdmin, useLoad, type AdminUi } from '../context.js';
import { FormBox, TextField, useForm } from '../form.js';
import { T } from '../text.js';
import { Checks } from '../validate.js';
import { ListHead, Loading, SectionHead } from './common.js';

/** «الخميس، ٢٤ كانون الأول ٢٠٢٦»: a local day as the hall reads it (the day names no instant, so no zone). */
const dayText = (date: string, ui: AdminUi) =>
  new Intl.DateTimeFormat(ui.locale, { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

/** Days the whole hall is closed: a holiday, a power cut announced. */
export function ClosuresSection() {
  const ui = useAdmin();
  const { t } = ui;
  const { data, error, reload } = useLoad<Closure[]>('/closures');
  const [problem, setProblem] = useState<string | null>(null);

  async function reopen(c: Closure) {
    setProblem(null);
    try {
      await ui.call('DELETE', `/closures/${c.date}`);
    } catch (err) {
      setProblem(failureText(err, ui));
    }
    reload();
  }

  return (
    <>
      <SectionHead title={t('closures')} />
      <section class="card">
        <h3>{t('newClosure')}</h3>
        <ClosureForm onAdded={reload} />
      </section>
      {problem && (
        <p class="form-error" role="alert">
          {problem}
        </p>
      )}
      {!data ? (
        <Loading error={error} retry={reload} />
      ) : data.length === 0 ? (
        <p class="muted">{t('noClosures')}</p>
      ) : (
        <table class="list">
          <ListHead cols={['closureDate', 'closureReason', 'actions']} />
          <tbody>
            {data.map((c) => (
              <tr key={c.date}>
                <td>{dayText(c.date, ui)}</td>
                <td>{c.reason ? pick(c.reason, ui.lang) : '—'}</td>
                <td>
                  <button type="button" class="secondary small" aria-label={`${t('reopen')}: ${dayText(c.date, ui)}`} onClick={() => reopen(c)}>
                    {t('reopen')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function ClosureForm({ onAdded }: { onAdded(): void }) {
  const ui = useAdmin();
  const { t } = ui;
  const today = localDay(Date.now(), ui.timeZone);
  const empty = { date: today, 'reason.ar': '', 'reason.en': '', 'reason.fr': '' };
  const form = useForm(empty);
  const v = form.values;
  const date = form.field('date', { past: T.closurePast, duplicate: T.closureTwice });
  const check = () => {
    const c = new Checks();
    const en = c.text('reason.en', v['reason.en'], { max: 200, optional: true });
    const fr = c.text('reason.fr', v['reason.fr'], { max: 200, optional: true });
    // The reason is said in Arabic first; English and French are optional.
    const ar = c.text('reason.ar', v['reason.ar'], { max: 200, optional: !en && !fr });
    return { body: { date: v.date, ...(ar ? { reason: { ar, ...(en ? { en } : {}), ...(fr ? { fr } : {}) } } : {}) }, issues: c.issues };
  };
  const add = () =>
    form.submit(async () => {
      await ui.call('POST', '/closures', { json: check().body });
      form.reset(empty);
      onAdded();
    }, () => check().issues);
  return (
    <FormBox form={form} onSubmit={add} label={t('newClosure')} submitLabel={t('closeDay')}>
      <div class="grid">
        <div class={`field${date.error ? ' invalid' : ''}`}>
          <span aria-hidden="true">{t('closureDate')}</span>
          <DateField label={t('closureDate')} lang={ui.lang} digits={ui.digits} value={String(date.value)} today={today} ahead onChange={date.onChange} />
          <p class="hint">{t('closureDateHint')}</p>
          {date.error && <p class="error">{date.error}</p>}
        </div>
        <TextField label={t('closureReasonAr')} dir="rtl" {...form.field('reason.ar')} />
        <TextField label={t('closureReasonEn')} dir="ltr" {...form.field('reason.en')} />
        <TextField label={t('closureReasonFr')} hint={t('frenchHint')} dir="ltr" {...form.field('reason.fr')} />
      </div>
    </FormBox>
  );
}
