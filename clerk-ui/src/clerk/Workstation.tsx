import { useEffect, useState } from 'preact/hooks';
import { NO_SHOW_RETURN_MS, noShowNeedsConfirmation } from '../../../server/engine/tickets.js';
import type { Counter, MyStats, Ticket } from '../../../server/protocol/schemas.js';
import { api, ApiError } from '../../../ui-kit/api.js';
import type { Session } from '../area.js';
import { useHotkeys, useNow } from '../hooks.js';
import type { Live } from '../live.js';
import { useShell } from '../shell.js';
import { markedNoShow } from '../text.js';
import { useUi } from '../ui.js';
import { ActionButton } from './ActionButton.js';
import { CounterBar } from './CounterBar.js';
import { CurrentTicket } from './CurrentTicket.js';
import { pauseReasonText } from './pause.js';
import { CompleteDialog, NoShowDialog, PauseDialog, TransferDialog, type PauseReason, type TransferTarget } from './dialogs.js';
import { callNext, callTicket, counterAction, reasons, ticketAction, type CounterVerb, type TicketVerb } from './requests.js';
import { SidePanel } from './SidePanel.js';

interface Props {
  counter: Counter;
  session: Session;
  live: Live;
  onLeave(): void;
}

type DialogKind = 'pause' | 'transfer' | 'complete' | 'noShow';

const atCounter = (tk: Ticket, counterId: number) => tk.counterId === counterId && (tk.status === 'called' || tk.status === 'serving');
const inLine = (tk: Ticket, c: Counter) =>
  tk.status === 'waiting' && (tk.targetCounterId != null ? tk.targetCounterId === c.id : c.serviceIds.includes(tk.serviceId));
const byIssue = (a: Ticket, b: Ticket) => Date.parse(a.issuedAt) - Date.parse(b.issuedAt) || a.id - b.id;

/** The clerk's workstation at one counter: the ticket at it, every action with its shortcut, the line. */
export function Workstation({ counter, session, live, onLeave }: Props) {
  const { lang, t, num, ticket: fmt, clockOffsetMs, failure } = useUi();
  const { hall } = useShell();
  const now = useNow(1000, clockOffsetMs);
  const { token } = session;
  const [busy, setBusy] = useState(false);
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [nothingWaiting, setNothingWaiting] = useState(false);
  const [stats, setStats] = useState<MyStats | null>(null);
  /** The clerk's last no-show and when, which they may return to the line for a while. */
  const [missed, setMissed] = useState<{ ticket: Ticket; at: number } | null>(null);

  const tickets = [...live.tickets.values()];
  const current = tickets.find((tk) => atCounter(tk, counter.id)) ?? null;
  const line = tickets.filter((tk) => inLine(tk, counter)).sort(byIssue);
  const mine = counter.userId === session.user.id;
  const called = current?.status === 'called';
  const settings = hall.settings;
  const autoNoShowNext = called && settings?.autoNoShowAfterRecalls != null && current.recalls + 1 > settings.autoNoShowAfterRecalls;

  const loadStats = () => {
    api<MyStats>('GET', '/api/me/stats', { token })
      .then(setStats)
      .catch(() => undefined);
  };
  // Again after every reconnect: what happened meanwhile counts too.
  useEffect(loadStats, [live.generation]);

  /** One action at a time: a double press, or a key held while the first is on its way, sends once. */
  async function run(fn: () => Promise<void>, inDialog = false) {
    if (busy) return;
    setBusy(true);
    setError(null);
    setDialogError(null);
    try {
      await fn();
      if (inDialog) setDialog(null);
    } catch (err) {
      if (inDialog) setDialogError(failure(err));
      else setError(failure(err));
    } finally {
      setBusy(false);
    }
  }

  const next = () =>
    run(async () => {
      const ticket = await callNext(token, counter.id);
      setNothingWaiting(!ticket);
      if (ticket) {
        reasons.set(ticket.id, ticket.reason);
        live.applyTicket(ticket);
      }
    });

  const callChosen = (chosen: Ticket) =>
    run(async () => {
      const ticket = await callTicket(token, counter.id, chosen.id);
      reasons.set(ticket.id, ticket.reason);
      live.applyTicket(ticket);
    });

  const act = (verb: TicketVerb, body?: object, inDialog = false) =>
    current &&
    run(async () => {
      const ticket = await ticketAction(token, current.id, verb, body).catch((err) => {
        // The server asks too (the hall's setting changed, or this screen has not read it yet).
        if (err instanceof ApiError && err.code === 'confirmation_required') return open('noShow');
        throw err;
      });
      if (!ticket) return;
      live.applyTicket(ticket);
      setNothingWaiting(false);
      if (ticket.status === 'done' || ticket.status === 'no_show') loadStats();
      if (ticket.status === 'no_show') setMissed({ ticket, at: now });
    }, inDialog);

  /** No-show, asked about first while the citizen may still be on the way (the server asks too). */
  const noShow = () => {
    const calledAt = current?.calledAt ? Date.parse(current.calledAt) : null;
    if (current && noShowNeedsConfirmation({ calledAt, recalls: current.recalls }, now, settings?.noShowMinSeconds ?? 0)) open('noShow');
    else act('no-show');
  };

  const returnMissed = () =>
    missed &&
    run(async () => {
      live.applyTicket(await ticketAction(token, missed.ticket.id, 'requeue'));
      setMissed(null);
      loadStats();
    });

  const setState = (verb: CounterVerb, reason?: PauseReason) =>
    run(async () => live.applyCounter(await counterAction(token, counter.id, verb, reason)), verb === 'pause');

  const leave = () =>
    run(async () => {
      if (mine && counter.state !== 'closed') live.applyCounter(await counterAction(token, counter.id, 'close'));
      onLeave();
    });

  const open = (kind: DialogKind) => {
    setDialogError(null);
    setDialog(kind);
  };

  const can = {
    call: !current,
    recall: called,
    start: called,
    finish: !!current,
    noShow: called,
    open: !(counter.state === 'open' && mine),
    pause: counter.state !== 'paused' && !current,
    close: counter.state !== 'closed' && !current,
  };

  useHotkeys(
    {
      KeyN: can.call && next,
      KeyR: can.recall && (() => act('recall')),
      KeyS: can.start && (() => act('start')),
      KeyC: can.finish && (() => act('complete')),
      'Shift+KeyC': can.finish && (() => open('complete')),
      KeyX: can.noShow && noShow,
      KeyT: can.finish && (() => open('transfer')),
      KeyQ: can.finish && (() => act('requeue')),
      KeyO: can.open && (() => setState('open')),
      KeyP: can.pause && (() => open('pause')),
      KeyL: can.close && (() => setState('close')),
    },
    !dialog && !busy,
  );

  const service = current ? hall.services.find((s) => s.id === current.serviceId) : undefined;
  // Until the server would refuse the clerk; once back in play (whoever returned it), it is done with.
  const returnable = missed && now - missed.at <= NO_SHOW_RETURN_MS;
  useEffect(() => {
    if (missed && live.tickets.has(missed.ticket.id)) setMissed(null);
  });
  const offline = live.link === 'offline' || live.link === 'connecting';

  return (
    <main class="workstation">
      <CounterBar
        counter={counter}
        services={hall.services}
        mine={mine}
        occupied={!!current}
        busy={busy}
        onOpen={() => setState('open')}
        onPause={() => open('pause')}
        onClose={() => setState('close')}
        onChange={leave}
      />
      {offline && live.generation > 0 && (
        <p class="banner warn" role="status">
          {t('liveLost')}
        </p>
      )}
      {error && (
        <p class="banner error" role="alert">
          {error}
        </p>
      )}
      {counter.state === 'closed' && !current && <p class="banner info">{t('closedBanner')}</p>}
      {returnable && (
        <p class="banner info" role="status">
          {markedNoShow(fmt(missed.ticket.number), lang)}{' '}
          <button type="button" class="btn" disabled={busy} onClick={returnMissed}>
            {t('returnToLine')}
          </button>
        </p>
      )}
      <div class="ws-main">
        <div class="ws-ticket">
          <CurrentTicket
            ticket={current}
            service={service}
            reason={current ? reasons.get(current.id) : undefined}
            now={now}
            nothingWaiting={nothingWaiting && !current}
            paused={counter.state === 'paused' ? pauseReasonText(counter.pauseReason ?? '', lang) : null}
          />
          <div class="actions" role="group" aria-label={t('atCounter')}>
            <ActionButton label={t('callNext')} keys="N" kind="primary" disabled={busy || !can.call} onClick={next} />
            <ActionButton label={t('recall')} keys="R" disabled={busy || !can.recall} onClick={() => act('recall')}>
              {current && current.recalls > 0 ? ` (${num(current.recalls)})` : ''}
            </ActionButton>
            <ActionButton label={t('start')} keys="S" disabled={busy || !can.start} onClick={() => act('start')} />
            <ActionButton label={t('noShow')} keys="X" kind="danger" disabled={busy || !can.noShow} onClick={noShow} />
            <ActionButton label={t('requeue')} keys="Q" disabled={busy || !can.finish} onClick={() => act('requeue')} />
            <ActionButton label={t('complete')} keys="C" kind="primary" disabled={busy || !can.finish} onClick={() => act('complete')} />
            <ActionButton label={t('completeWithNote')} keys="Shift+C" disabled={busy || !can.finish} onClick={() => open('complete')} />
            <ActionButton label={t('transfer')} keys="T" disabled={busy || !can.finish} onClick={() => open('transfer')} />
          </div>
          {autoNoShowNext && <p class="hint">{t('autoNoShowHint')}</p>}
        </div>
        <SidePanel
          counter={counter}
          services={hall.services}
          waiting={live.waiting}
          line={line}
          stats={stats}
          now={now}
          busy={busy || !!current}
          onCall={settings?.allowCallSpecific ? callChosen : undefined}
        />
      </div>
      {dialog === 'pause' && <PauseDialog busy={busy} error={dialogError} onClose={() => setDialog(null)} onPause={(r) => setState('pause', r)} />}
      {dialog === 'transfer' && current && (
        <TransferDialog
          ticket={current}
          services={hall.services}
          counters={[...live.counters.values()].filter((c) => c.active && c.id !== counter.id).sort((a, b) => a.number - b.number)}
          busy={busy}
          error={dialogError}
          onClose={() => setDialog(null)}
          onTransfer={(target: TransferTarget, note) => act('transfer', { ...target, ...(note ? { note } : {}) }, true)}
        />
      )}
      {dialog === 'noShow' && current && (
        <NoShowDialog
          ticket={current}
          now={now}
          busy={busy}
          error={dialogError}
          onClose={() => setDialog(null)}
          onNoShow={() => act('no-show', { confirmed: true }, true)}
          onRecall={() => act('recall', undefined, true)}
        />
      )}
      {dialog === 'complete' && current && (
        <CompleteDialog
          ticket={current}
          busy={busy}
          error={dialogError}
          onClose={() => setDialog(null)}
          onComplete={(outcome, note) => act('complete', { ...(outcome ? { outcome } : {}), ...(note ? { note } : {}) }, true)}
        />
      )}
    </main>
  );
}
