import { useState } from 'preact/hooks';
import type { Device, Printer } from '../../../../server/routes/admin/views.js';
import { AdminError } from '../api.js';
import { failureText, useAdmin, useLoad } from '../context.js';
import { Checkbox, FormBox, Radios, SelectField, TextField, useForm } from '../form.js';
import { Checks } from '../validate.js';
import { ActiveBadge, EditButton, ListHead, Loading, Panel, SectionHead, saveItem } from './common.js';

export function PrintersSection() {
  const ui = useAdmin();
  const { t } = ui;
  const printers = useLoad<Printer[]>('/printers');
  const devices = useLoad<Device[]>('/devices');
  const [editing, setEditing] = useState<Printer | 'new' | null>(null);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  if (!printers.data || !devices.data) return <Loading error={printers.error ?? devices.error} retry={() => (printers.reload(), devices.reload())} />;
  const kiosks = devices.data.filter((d) => d.kind === 'kiosk' && !d.revoked);
  const nameOf = new Map(devices.data.map((d) => [d.id, d.name]));

  async function test(p: Printer) {
    try {
      await ui.call('POST', `/printers/${p.id}/test`);
      setNote({ ok: true, text: `${p.name}: ${t('testSent')}` });
    } catch (err) {
      const missing = err instanceof AdminError && err.status === 404 && err.message.startsWith('no route');
      setNote({ ok: false, text: missing ? t('testUnavailable') : failureText(err, ui) });
    }
  }

  return (
    <>
      <SectionHead title={t('printers')}>
        <button type="button" class="primary" onClick={() => setEditing('new')}>
          + {t('newPrinter')}
        </button>
      </SectionHead>
      {note && (
        <p class={note.ok ? 'form-ok' : 'form-error'} role={note.ok ? 'status' : 'alert'}>
          {note.text}
        </p>
      )}
      {editing && (
        <Panel title={editing === 'new' ? t('newPrinter') : `${t('editPrinter')}: ${editing.name}`} onClose={() => setEditing(null)}>
          <PrinterForm
            key={editing === 'new' ? 'new' : editing.id}
            printer={editing === 'new' ? null : editing}
            kiosks={kiosks}
            onSaved={() => (setEditing(null), printers.reload())}
          />
        </Panel>
      )}
      <table class="list">
        <ListHead cols={['printerName', 'target', 'width', 'kiosk', 'status', 'actions']} />
        <tbody>
          {printers.data.map((p) => (
            <tr key={p.id}>
              <td>{p.name}</td>
              <td dir="ltr" class="start mono">{p.target}</td>
              <td>{t(p.widthDots === 384 ? 'width58' : 'width80')}</td>
              <td>{p.kioskId === null ? '—' : (nameOf.get(p.kioskId) ?? p.kioskId)}</td>
              <td>
                <ActiveBadge active={p.active} /> <span class={`pstatus ${p.status}`}>{t(`pstatus_${p.status}`)}</span>
              </td>
              <td>
                <div class="buttons">
                  <EditButton name={p.name} onClick={() => setEditing(p)} />
                  <button type="button" class="secondary small" aria-label={`${t('testPrint')}: ${p.name}`} onClick={() => test(p)}>
                    {t('testPrint')}
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

function PrinterForm({ printer, kiosks, onSaved }: { printer: Printer | null; kiosks: Device[]; onSaved(): void }) {
  const ui = useAdmin();
  const { t } = ui;
  const form = useForm({
    name: printer?.name ?? '',
    target: printer?.target ?? '',
    widthDots: String(printer?.widthDots ?? 576),
    kioskId: printer?.kioskId == null ? '' : String(printer.kioskId),
    active: printer?.active ?? true,
  });
  const v = form.values;
  const check = () => {
    const c = new Checks();
    const body = {
      name: c.text('name', v.name, { max: 100 }),
      target: c.text('target', v.target, { max: 300 }),
      widthDots: Number(v.widthDots),
      kioskId: v.kioskId ? Number(v.kioskId) : null,
      ...(printer ? { active: v.active } : {}),
    };
    return { body, issues: c.issues };
  };
  const save = () =>
    form.submit(async () => {
      await saveItem(ui, '/printers', printer, check().body);
      onSaved();
    }, () => check().issues);
  return (
    <FormBox form={form} onSubmit={save} label={printer ? t('editPrinter') : t('newPrinter')}>
      <div class="grid">
        <TextField label={t('printerName')} {...form.field('name')} />
        <TextField label={t('target')} hint={t('targetHint')} dir="ltr" wide {...form.field('target')} />
        <Radios
          label={t('width')}
          options={[
            ['576', t('width80')],
            ['384', t('width58')],
          ]}
          {...form.field('widthDots')}
        />
        <SelectField label={t('kiosk')} options={[['', t('noKiosk')], ...kiosks.map((k) => [String(k.id), k.name] as [string, string])]} {...form.field('kioskId')} />
        {printer && <Checkbox label={t('printerActive')} {...form.field('active')} />}
      </div>
    </FormBox>
  );
}
