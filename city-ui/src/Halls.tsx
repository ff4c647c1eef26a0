import { useState } from 'preact/hooks';
import type { CityHall } from '../../server/protocol/city.js';
import { labelled, pick } from '../../ui-kit/i18n.js';
import { failureText, useAdmin, useLoad } from '../../clerk-ui/src/admin/context.js';
import { FormBox, SelectField, TextField, useForm } from '../../clerk-ui/src/admin/form.js';
import { Checks } from '../../clerk-ui/src/admin/validate.js';
import { Loading, Panel, SectionHead } from '../../clerk-ui/src/admin/sections/common.js';
import { CopyLine } from '../../clerk-ui/src/admin/sections/DevicesSection.js';
import { DEFAULT_ZONE } from './area.js';
import { HallPlaceForm } from './HallPlace.js';
import { T } from './text.js';

// The city's halls: each with its last contact, the catalogue version it runs and how far its
// history has arrived. A new hall, or a replaced token, shows the token once, with what to set
// on the hall's server.

const ZONES = Intl.supportedValuesOf('timeZone');

interface Issued {
  name: CityHall['name'];
  token: string;
}

export function HallsSection() {
  const ui = useAdmin();
  const { lang } = ui;
  const { data, error, reload } = useLoad<CityHall[]>('/halls');
  const [editing, setEditing] = useState<CityHall | 'new' | null>(null);
  const [issued, setIssued] = useState<Issued | null>(null);
  const [placing, setPlacing] = useState<CityHall | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  if (!data) return <Loading error={error} retry={reload} />;

  async function replaceToken(h: CityHall) {
    if (!confirm(`${labelled(pick(h.name, lang), lang)}${T.newTokenConfirm[lang]}`)) return;
    try {
      const { token } = await ui.call<{ token: string }>('POST', `/halls/${h.id}/token`);
      setProblem(null);
      setIssued({ name: h.name, token });
    } catch (err) {
      setProblem(failureText(err, ui));
    }
  }

  return (
    <>
      <SectionHead title={T.halls[lang]}>
        <button type="button" class="primary" onClick={() => (setIssued(null), setEditing('new'))}>
          + {T.newHall[lang]}
        </button>
      </SectionHead>
      {problem && (
        <p class="form-error" role="alert">
          {problem}
        </p>
      )}
      {issued && <TokenBox issued={issued} onClose={() => setIssued(null)} />}
      {editing && (
        <Panel title={editing === 'new' ? T.newHall[lang] : `${labelled(T.renameHall[lang], lang)}${pick(editing.name, lang)}`} onClose={() => setEditing(null)}>
          <HallForm
            key={editing === 'new' ? 'new' : editing.id}
            hall={editing === 'new' ? null : editing}
            onSaved={(answer) => {
              setEditing(null);
              if (answer.token) setIssued({ name: answer.name, token: answer.token });
              reload();
            }}
          />
        </Panel>
      )}
      {placing && (
        <Panel title={`${labelled(T.hallPlace[lang], lang)}${pick(placing.name, lang)}`} onClose={() => setPlacing(null)}>
          <HallPlaceForm key={placing.id} hall={placing} onSaved={() => (setPlacing(null), reload())} />
        </Panel>
      )}
      <table class="list">
        <thead>
          <tr>
            {(['hall', 'timeZone', 'lastHeard', 'configVersion', 'ackedSeq'] as const).map((key) => (
              <th scope="col" key={key}>
                {T[key][lang]}
              </th>
            ))}
            <th scope="col">{ui.t('actions')}</th>
          </tr>
        </thead>
        <tbody>
          {data.map((h) => (
            <tr key={h.id}>
              <td>{pick(h.name, lang)}</td>
              <td dir="ltr" class="start">
                {h.timeZone}
              </td>
              <td>{h.lastHeardAt ? ui.time(h.lastHeardAt) : T.neverHeard[lang]}</td>
              <td>{h.configVersion ? ui.num(h.configVersion) : '—'}</td>
              <td>{ui.num(h.ackedSeq)}</td>
              <td>
                <div class="buttons">
                  <button type="button" class="secondary small" aria-label={`${labelled(T.rename[lang], lang)}${pick(h.name, lang)}`} onClick={() => setEditing(h)}>
                    {T.rename[lang]}
                  </button>
                  <button type="button" class="secondary small" aria-label={`${labelled(T.hallPlace[lang], lang)}${pick(h.name, lang)}`} onClick={() => setPlacing(h)}>
                    {T.hallPlace[lang]}
                  </button>
                  <button type="button" class="danger small" aria-label={`${labelled(T.newToken[lang], lang)}${pick(h.name, lang)}`} onClick={() => replaceToken(h)}>
                    {T.newToken[lang]}
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** A new hall (name and zone; the answer carries its token), or a hall's new name. */
function HallForm({ hall, onSaved }: { hall: CityHall | null; onSaved(answer: { name: CityHall['name']; token?: string }): void }) {
  const ui = useAdmin();
  const { lang } = ui;
  const form = useForm({ 'name.ar': hall?.name.ar ?? '', 'name.en': hall?.name.en ?? '', 'name.fr': hall?.name.fr ?? '', timeZone: hall?.timeZone ?? DEFAULT_ZONE });
  const v = form.values;
  const check = () => {
    const c = new Checks();
    // Arabic always; English and French where given (a hall in the Maghreb has no English name).
    const name = c.names('name', { ar: v['name.ar'], en: v['name.en'], fr: v['name.fr'] }, { max: 200, english: false });
    return { body: hall ? { name } : { name, timeZone: v.timeZone }, issues: c.issues };
  };
  const save = () =>
    form.submit(
      async () => onSaved(await ui.call(hall ? 'PATCH' : 'POST', hall ? `/halls/${hall.id}` : '/halls', { json: check().body })),
      () => check().issues,
    );
  return (
    <FormBox form={form} onSubmit={save} label={hall ? T.renameHall[lang] : T.newHall[lang]}>
      <div class="grid">
        <TextField label={T.hallNameAr[lang]} dir="rtl" {...form.field('name.ar')} />
        <TextField label={T.hallNameEn[lang]} dir="ltr" {...form.field('name.en')} />
        <TextField label={T.hallNameFr[lang]} dir="ltr" {...form.field('name.fr')} />
        {!hall && <SelectField label={T.timeZone[lang]} options={ZONES.map((z) => [z, z])} {...form.field('timeZone')} />}
      </div>
    </FormBox>
  );
}

function TokenBox({ issued, onClose }: { issued: Issued; onClose(): void }) {
  const { lang, t } = useAdmin();
  const name = pick(issued.name, lang);
  return (
    <section class="panel token-box" aria-label={`${labelled(T.hallToken[lang], lang)}${name}`}>
      <header>
        <h3>{name}</h3>
        <button type="button" class="secondary small" onClick={onClose}>
          {t('close')}
        </button>
      </header>
      <p class="notice">{T.tokenOnce[lang]}</p>
      <CopyLine label={T.hallToken[lang]} text={issued.token} />
      <CopyLine label={T.hallSettings[lang]} text={`CENTRAL_URL=${location.origin} CENTRAL_TOKEN=${issued.token}`} />
    </section>
  );
}
