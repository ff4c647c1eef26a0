import { useEffect, useState } from 'preact/hooks';
import type { Counter, Service, Ticket } from '../../../server/protocol/schemas.js';
import { Dialog, type DialogState } from '../components/Dialog.js';
import { OtherServiceSelect } from '../components/ServiceSelect.js';
import { counterName, noShowQuestion, noShowTooSoon } from '../text.js';
import { useUi } from '../ui.js';

// The clerk's dialogs: why the counter pauses, where a ticket is transferred, how a visit ended,
// whether a ticket called moments ago is really a no-show.

/** Stored as the counter's pause reason; the words are the hall's own. */
export const PAUSE_REASONS = ['break', 'prayer', 'back_office'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

export function PauseDialog({ busy, error, onClose, onPause }: DialogState & { onPause(reason: PauseReason): void }) {
  const { t, num } = useUi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const reason = PAUSE_REASONS[Number(e.code.replace('Digit', '').replace('Numpad', '')) - 1];
      if (reason && !busy) onPause(reason);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [busy]);
  return (
    <Dialog title={t('pauseTitle')} busy={busy} error={error} onClose={onClose}>
      <div class="choice-list">
        {PAUSE_REASONS.map((reason, i) => (
          <button
            key={reason}
            type="button"
            class="btn choice"
            disabled={busy}
            autofocus={i === 0}
            aria-keyshortcuts={String(i + 1)}
            onClick={() => onPause(reason)}
          >
            <kbd aria-hidden="true">{num(i + 1)}</kbd>
            {t(`reason_${reason}`)}
          </button>
        ))}
      </div>
    </Dialog>
  );
}

export type TransferTarget = { serviceId: number } | { counterId: number };

interface TransferProps extends DialogState {
  ticket: Ticket;
  services: Service[];
  counters: Counter[];
  onTransfer(target: TransferTarget, note: string): void;
}

export function TransferDialog({ ticket, services, counters, busy, error, onClose, onTransfer }: TransferProps) {
  const { lang, digits, t, ticket: fmt } = useUi();
  const [to, setTo] = useState<'service' | 'counter'>('service');
  const [serviceId, setServiceId] = useState<number | null>(null);
  const [counterId, setCounterId] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const chosen = to === 'service' ? serviceId : counterId;
  return (
    <Dialog
      title={`${t('transferTitle')} ${fmt(ticket.number)}`}
      confirm={t('confirmTransfer')}
      confirmDisabled={chosen === null}
      busy={busy}
      error={error}
      onClose={onClose}
      onConfirm={() => onTransfer(to === 'service' ? { serviceId: serviceId! } : { counterId: counterId! }, note.trim())}
    >
      <div class="segmented" role="radiogroup" aria-label={t('transferTitle')}>
        {(['service', 'counter'] as const).map((kind) => (
          <label key={kind} class={to === kind ? 'on' : ''}>
            <input type="radio" name="to" checked={to === kind} onChange={() => setTo(kind)} />
            {t(kind === 'service' ? 'toService' : 'toCounter')}
          </label>
        ))}
      </div>
      <label class="field">
        <span>{t(to === 'service' ? 'toService' : 'toCounter')}</span>
        {to === 'service' ? (
          <OtherServiceSelect services={services} current={ticket.serviceId} value={serviceId} onChange={setServiceId} />
        ) : (
          <select required value={counterId ?? ''} onChange={(e) => setCounterId(Number(e.currentTarget.value) || null)}>
            <option value="" disabled>
              —
            </option>
            {counters.map((c) => (
              <option key={c.id} value={c.id}>
                {counterName(c.number, lang, digits)}
              </option>
            ))}
          </select>
        )}
      </label>
      <NoteField value={note} onChange={setNote} />
    </Dialog>
  );
}

/** The clerk's free note on a transfer or a completion. */
function NoteField({ value, onChange }: { value: string; onChange(note: string): void }) {
  const { t } = useUi();
  return (
    <label class="field">
      <span>{t('note')}</span>
      <textarea rows={2} maxLength={500} value={value} onInput={(e) => onChange(e.currentTarget.value)} />
    </label>
  );
}

/** Outcome codes a clerk may record on completion (stored as the code; reports group by it). */
export const OUTCOMES = ['done', 'missing_documents', 'referred', 'information'] as const;

interface CompleteProps extends DialogState {
  ticket: Ticket;
  onComplete(outcome: string | undefined, note: string): void;
}

export function CompleteDialog({ ticket, busy, error, onClose, onComplete }: CompleteProps) {
  const { t, ticket: fmt } = useUi();
  const [outcome, setOutcome] = useState<string>('');
  const [note, setNote] = useState('');
  return (
    <Dialog
      title={`${t('completeTitle')} ${fmt(ticket.number)}`}
      confirm={t('confirmComplete')}
      busy={busy}
      error={error}
      onClose={onClose}
      onConfirm={() => onComplete(outcome || undefined, note.trim())}
    >
      <fieldset class="field">
        <legend>{t('outcome')}</legend>
        <div class="choice-grid">
          {['', ...OUTCOMES].map((code) => (
            <label key={code} class={outcome === code ? 'on' : ''}>
              <input type="radio" name="outcome" checked={outcome === code} onChange={() => setOutcome(code)} />
              {t(code ? `outcome_${code as (typeof OUTCOMES)[number]}` : 'outcome_none')}
            </label>
          ))}
        </div>
      </fieldset>
      <NoteField value={note} onChange={setNote} />
    </Dialog>
  );
}

interface NoShowProps extends DialogState {
  ticket: Ticket;
  now: number;
  onNoShow(): void;
  onRecall(): void;
}

/**
 * A no-show soon after the call, before any recall: the citizen may be on the way. Recall has
 * the focus; `X` again confirms, `R` recalls, Escape goes back.
 */
export function NoShowDialog({ ticket, now, busy, error, onClose, onNoShow, onRecall }: NoShowProps) {
  const { lang, digits, t, ticket: fmt } = useUi();
  const seconds = Math.max(1, Math.floor((now - Date.parse(ticket.calledAt!)) / 1000));
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (busy || e.repeat || e.ctrlKey || e.altKey || e.metaKey) return; // a held X is not a second press
      if (e.code === 'KeyX') onNoShow();
      if (e.code === 'KeyR') onRecall();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [busy]);
  return (
    <Dialog
      title={noShowQuestion(fmt(ticket.number), lang)}
      confirm={t('confirmNoShow')}
      danger
      dismiss={t('goBack')}
      busy={busy}
      error={error}
      onClose={onClose}
      onConfirm={onNoShow}
    >
      <p>{noShowTooSoon(seconds, lang, digits)}</p>
      <button type="button" class="btn primary" autofocus disabled={busy} aria-keyshortcuts="R" onClick={onRecall}>
        {t('recallInstead')} <kbd aria-hidden="true">R</kbd>
      </button>
    </Dialog>
  );
}
