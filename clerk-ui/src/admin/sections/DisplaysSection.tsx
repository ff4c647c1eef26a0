import { useId, useState } from 'preact/hooks';
import type { HallAdmin, MediaFile } from '../../../../server/protocol/admin.js';
import { AdminError } from '../api.js';
import { failureText, useAdmin, useLoad } from '../context.js';
import { Checkbox, FormBox, Radios, TextField, useForm } from '../form.js';
import { issueText } from '../text.js';
import { Checks } from '../validate.js';
import { Loading, SectionHead } from './common.js';

export function DisplaysSection() {
  const { data, error, reload } = useLoad<HallAdmin>('/hall');
  const ui = useAdmin();
  return (
    <>
      <SectionHead title={ui.t('displays')} />
      {data ? <DisplayForm hall={data} /> : <Loading error={error} retry={reload} />}
      <MediaList />
    </>
  );
}

function DisplayForm({ hall }: { hall: HallAdmin }) {
  const ui = useAdmin();
  const { t } = ui;
  const d = hall.settings.display;
  const form = useForm({
    'settings.display.recentCalls': String(d.recentCalls),
    'settings.display.chime': d.chime,
    'settings.display.announceAr': d.announceAr,
    'settings.display.announceEn': d.announceEn,
    'settings.display.announceFr': d.announceFr,
    'settings.display.voice': d.voice as string,
    tickerOn: d.ticker !== null,
    'settings.display.ticker.ar': d.ticker?.ar ?? '',
    'settings.display.ticker.en': d.ticker?.en ?? '',
    'settings.display.ticker.fr': d.ticker?.fr ?? '',
  });
  const v = form.values;
  const check = () => {
    const c = new Checks();
    const display = {
      recentCalls: c.int('settings.display.recentCalls', v['settings.display.recentCalls'], { min: 1, max: 20 }),
      chime: v['settings.display.chime'],
      announceAr: v['settings.display.announceAr'],
      announceEn: v['settings.display.announceEn'],
      announceFr: v['settings.display.announceFr'],
      voice: v['settings.display.voice'],
      ticker: v.tickerOn
        ? c.names(
            'settings.display.ticker',
            { ar: v['settings.display.ticker.ar'], en: v['settings.display.ticker.en'], fr: v['settings.display.ticker.fr'] },
            { max: 200, english: ui.english },
          )
        : null,
    };
    return { body: { settings: { display } }, issues: c.issues };
  };
  const save = () => form.submit(() => ui.call('PATCH', '/hall', { json: check().body }), () => check().issues);
  return (
    <FormBox form={form} onSubmit={save} label={t('displaySettings')}>
      <section class="card">
        <h3>{t('displaySettings')}</h3>
        <div class="grid">
          <TextField label={t('recentCalls')} numeric {...form.field('settings.display.recentCalls')} />
          <Radios
            label={t('voice')}
            options={[
              ['clips', t('voiceClips')],
              ['speechSynthesis', t('voiceSpeech')],
            ]}
            {...form.field('settings.display.voice')}
          />
          <Checkbox label={t('chime')} {...form.field('settings.display.chime')} />
          <Checkbox label={t('announceAr')} {...form.field('settings.display.announceAr')} />
          <Checkbox label={t('announceEn')} {...form.field('settings.display.announceEn')} />
          <Checkbox label={t('announceFr')} {...form.field('settings.display.announceFr')} />
          <Checkbox label={t('tickerOn')} {...form.field('tickerOn')} />
          {v.tickerOn && <TextField label={t('tickerAr')} dir="rtl" wide {...form.field('settings.display.ticker.ar')} />}
          {v.tickerOn && (
            <TextField
              label={t('tickerEn')}
              hint={ui.english ? undefined : t('englishOptionalHint')}
              dir="ltr"
              wide
              {...form.field('settings.display.ticker.en')}
            />
          )}
          {v.tickerOn && <TextField label={t('tickerFr')} hint={t('frenchHint')} dir="ltr" wide {...form.field('settings.display.ticker.fr')} />}
        </div>
      </section>
    </FormBox>
  );
}

/** A name the server accepts: Latin letters, digits, dot, underscore, hyphen, with the file's extension. */
export function safeName(original: string): string {
  const dot = original.lastIndexOf('.');
  const ext = dot > 0 ? original.slice(dot + 1).toLowerCase().replace(/[^a-z0-9]/g, '') : '';
  const base = (dot > 0 ? original.slice(0, dot) : original)
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-._]+|-+$/g, '')
    .slice(0, 80);
  return `${base || `media-${Date.now()}`}${ext ? `.${ext}` : ''}`;
}

function MediaList() {
  const ui = useAdmin();
  const { t } = ui;
  const { data, error, reload } = useLoad<MediaFile[]>('/media');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();

  async function upload(files: FileList | null) {
    if (!files?.length) return;
    setBusy(true);
    setProblem(null);
    try {
      for (const file of Array.from(files)) {
        await ui.call('PUT', `/media/${encodeURIComponent(safeName(file.name))}`, { file });
      }
    } catch (err) {
      const field = err instanceof AdminError ? err.fields[0] : undefined;
      setProblem(field ? issueText(field, ui.lang, ui.digits) : failureText(err, ui));
    } finally {
      setBusy(false);
      reload();
    }
  }

  async function remove(m: MediaFile) {
    if (!confirm(`${m.name}: ${t('deleteConfirm')}`)) return;
    try {
      await ui.call('DELETE', `/media/${encodeURIComponent(m.name)}`);
    } catch (err) {
      setProblem(failureText(err, ui));
    }
    reload();
  }

  return (
    <section class="card">
      <h3>{t('media')}</h3>
      <div class={`field${problem ? ' invalid' : ''}`}>
        <label for={id}>{t('upload')}</label>
        <input
          id={id}
          type="file"
          accept="image/*,video/*"
          multiple
          disabled={busy}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={`${id}-hint${problem ? ` ${id}-error` : ''}`}
          onChange={(e) => {
            void upload(e.currentTarget.files);
            e.currentTarget.value = '';
          }}
        />
        <p class="hint" id={`${id}-hint`}>
          {busy ? t('uploading') : t('mediaHint')}
        </p>
        {problem && (
          <p class="error" id={`${id}-error`}>
            {problem}
          </p>
        )}
      </div>
      {!data ? (
        <Loading error={error} retry={reload} />
      ) : data.length === 0 ? (
        <p class="muted">{t('noMedia')}</p>
      ) : (
        <ul class="media">
          {data.map((m) => (
            <li key={m.name}>
              {m.kind === 'image' ? <img src={m.url} alt="" /> : <video src={m.url} muted preload="metadata" />}
              <span dir="ltr" class="mono">
                {m.name}
              </span>
              <span class="muted">{`${ui.num(Math.max(0.1, Math.round(m.size / 104857.6) / 10))}\u00a0${t('megabytes')}`}</span>
              <button type="button" class="danger small" aria-label={`${t('remove')}: ${m.name}`} onClick={() => remove(m)}>
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
