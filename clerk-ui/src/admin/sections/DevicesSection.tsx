import { useRef, useState } from 'preact/hooks';
import type { Device } from '../../../../server/routes/admin/views.js';
import type { Counter } from '../../../../server/protocol/schemas.js';
import { failureText, useAdmin, useLoad } from '../context.js';
import { FormBox, SelectField, TextField, useForm } from '../form.js';
import { Checks } from '../validate.js';
import { EditButton, ListHead, Loading, Panel, SectionHead, saveItem } from './common.js';

type NewDevice = Device & { token: string };
const KINDS = ['kiosk', 'display', 'printer'] as const;

export function DevicesSection() {
  const ui = useAdmin();
  const { t } = ui;
  const { data, error, reload } = useLoad<Device[]>('/devices');
  const [editing, setEditing] = useState<Device | 'new' | null>(null);
  const [created, setCreated] = useState<NewDevice | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  if (!data) return <Loading error={error} retry={reload} />;

  async function revoke(d: Device) {
    if (!confirm(`${d.name}: ${t('revokeConfirm')}`)) return;
    try {
      await ui.call('POST', `/devices/${d.id}/revoke`);
      setProblem(null);
      reload();
    } catch (err) {
      setProblem(failureText(err, ui));
    }
  }

  return (
    <>
      <SectionHead title={t('devices')}>
        <button type="button" class="primary" onClick={() => (setCreated(null), setEditing('new'))}>
          + {t('newDevice')}
        </button>
      </SectionHead>
      {problem && (
        <p class="form-error" role="alert">
          {problem}
        </p>
      )}
      {created && <TokenBox device={created} onClose={() => setCreated(null)} />}
      {editing && (
        <Panel title={editing === 'new' ? t('newDevice') : `${t('editDevice')}: ${editing.name}`} onClose={() => setEditing(null)}>
          <DeviceForm
            key={editing === 'new' ? 'new' : editing.id}
            device={editing === 'new' ? null : editing}
            onSaved={(d) => {
              setEditing(null);
              if ('token' in d) setCreated(d as NewDevice);
              reload();
            }}
          />
        </Panel>
      )}
      <table class="list">
        <ListHead cols={['deviceName', 'kind', 'zone', 'lastSeen', 'status', 'actions']} />
        <tbody>
          {data.map((d) => (
            <tr key={d.id} class={d.revoked ? 'dim' : undefined}>
              <td>{d.name}</td>
              <td>{t(`kind_${d.kind}`)}</td>
              <td>{d.zone ?? '—'}</td>
              <td>{d.lastSeenAt ? ui.time(d.lastSeenAt) : t('never')}</td>
              <td>
                <span class={`badge ${d.revoked ? 'off' : 'on'}`}>{t(d.revoked ? 'revoked' : 'active')}</span>
              </td>
              <td>
                <div class="buttons">
                  <EditButton name={d.name} onClick={() => setEditing(d)} />
                  {!d.revoked && (
                    <button type="button" class="danger small" aria-label={`${t('revoke')} ${d.name}`} onClick={() => revoke(d)}>
                      {t('revoke')}
                    </button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function DeviceForm({ device, onSaved }: { device: Device | null; onSaved(d: Device): void }) {
  const ui = useAdmin();
  const { t } = ui;
  const form = useForm({ kind: device?.kind ?? 'kiosk', name: device?.name ?? '', zone: device?.zone ?? '' });
  const v = form.values;
  const check = () => {
    const c = new Checks();
    const body = {
      ...(device ? {} : { kind: v.kind }),
      name: c.text('name', v.name, { max: 100 }),
      zone: c.text('zone', v.zone, { max: 50, optional: true }),
    };
    return { body, issues: c.issues };
  };
  const save = () =>
    form.submit(async () => {
      onSaved(await saveItem<Device>(ui, '/devices', device, check().body));
    }, () => check().issues);
  return (
    <FormBox form={form} onSubmit={save} label={device ? t('editDevice') : t('newDevice')}>
      <div class="grid">
        {!device && <SelectField label={t('kind')} options={KINDS.map((k) => [k, t(`kind_${k}`)])} {...form.field('kind')} />}
        <TextField label={t('deviceName')} {...form.field('name')} />
        <TextField label={t('zone')} hint={t('zoneHint')} {...form.field('zone')} />
      </div>
    </FormBox>
  );
}

/**
 * What pairs the new device: its address with the token, or the print agent's command. A display
 * above a counter opens the counter display, named by the number on the counter.
 */
function pairing(d: NewDevice, counterNumber: string): { label: 'pairingUrl' | 'agentCommand'; text: string } {
  const origin = location.origin;
  if (d.kind === 'printer') {
    return { label: 'agentCommand', text: `npm run print-agent -- --server ${origin} --token ${d.token} --printer /dev/usb/lp0` };
  }
  if (d.kind === 'display' && counterNumber) return { label: 'pairingUrl', text: `${origin}/counter-display/?number=${counterNumber}&token=${d.token}` };
  return { label: 'pairingUrl', text: `${origin}/${d.kind}/?token=${d.token}` };
}

function TokenBox({ device, onClose }: { device: NewDevice; onClose(): void }) {
  const ui = useAdmin();
  const { t } = ui;
  const counters = useLoad<Counter[]>('/counters');
  const [counterNumber, setCounterNumber] = useState('');
  const how = pairing(device, counterNumber);
  return (
    <section class="panel token-box" aria-label={`${t('token')}: ${device.name}`}>
      <header>
        <h3>{device.name}</h3>
        <button type="button" class="secondary small" onClick={onClose}>
          {t('close')}
        </button>
      </header>
      <p class="notice">{t('tokenOnce')}</p>
      {device.kind === 'display' && (
        <label class="display-place">
          <span>{t('displayPlace')}</span>
          <select value={counterNumber} onChange={(e) => setCounterNumber(e.currentTarget.value)}>
            <option value="">{t('hallScreen')}</option>
            {(counters.data ?? []).map((c) => (
              <option key={c.id} value={String(c.number)}>
                {`${t('aboveCounter')} ${ui.num(c.number)}`}
              </option>
            ))}
          </select>
        </label>
      )}
      <CopyLine label={t('token')} text={device.token} />
      <CopyLine label={t(how.label)} text={how.text} />
      {device.kind !== 'printer' && (
        <p>
          <a href={how.text} target="_blank" rel="noopener" dir="ltr">
            {how.text}
          </a>
        </p>
      )}
    </section>
  );
}

export function CopyLine({ label, text }: { label: string; text: string }) {
  const ui = useAdmin();
  const [done, setDone] = useState<'copied' | 'selected' | null>(null);
  const input = useRef<HTMLInputElement>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setDone('copied');
    } catch {
      // Plain http on the hall's network has no clipboard API: copy the selection the old way,
      // or leave the text selected for Ctrl+C.
      input.current?.select();
      setDone(document.execCommand('copy') ? 'copied' : 'selected');
    }
  }
  return (
    <div class="copy-line">
      <label>
        <span>{label}</span>
        <input ref={input} readOnly dir="ltr" value={text} onFocus={(e) => e.currentTarget.select()} />
        {done === 'selected' && (
          <span class="hint" role="status">
            {ui.t('pressCtrlC')}
          </span>
        )}
      </label>
      <button type="button" class="secondary small" aria-label={`${ui.t('copy')}: ${label}`} onClick={copy}>
        {done === 'copied' ? ui.t('copied') : ui.t('copy')}
      </button>
    </div>
  );
}
