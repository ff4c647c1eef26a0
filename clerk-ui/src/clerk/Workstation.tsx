import { useEffect, useState } from 'preact/hooks';
import type { Counter, MyStats, Ticket } from '../../../server/protocol/schemas.js';
import { api } from '../../../ui-kit/api.js';
import type { Session } from '../area.js';
import { useHotkeys, useNow } from '../hooks.js';
import type { Live } from '../live.js';
import { useShell } from '../shell.js';
import { useUi } from '../ui.js';
import { ActionButton } from './ActionButton.js';
import { CounterBar } from './CounterBar.js';
import { CurrentTicket } from './CurrentTicket.js';
import { pauseReasonText } from './pause.js';
import { CompleteDialog, PauseDialog, TransferDialog, type PauseReason, type TransferTarget } from './dialogs.js';
import { callNext, callTicket, counterAction, reasons, ticketAction, type CounterVerb, type TicketVerb } from './requests.js';
import { SidePanel } from './SidePanel.js';

interface Props {
  counter: Counter;
  session: Session;
  live: Live;
  onLeave(): void;
}

type DialogKind = 'pause' | 'transfer' | 'complete';

const atCounter = (tk: Ticket, counterId: number) => tk.counterId === counterId && (tk.status === 'called' || tk.status === 'serving');
const inLine = (tk: Ticket, c: Counter) =>
  tk.status === 'waiting' && (tk.targetCounterId != null ? tk.targetCounterId === c.id : c.serviceIds.includes(tk.serviceId));
const byIssue = (a: Ticket, b: Ticket) => Date.parse(a.issuedAt) - Date.parse(b.issuedAt) || a.id - b.id;

/** The clerk's workstation at one counter: the ticket at it, every action with its shortcut, the line. */
export function Workstation({ counter, session, live, onLeave }: Props) {
  const { lang, t, num, clockOffsetMs, failure } = useUi();
  const { hall } = useShell();
  const now = useNow(1000, clockOffsetMs);
  const { token } = session;
  const [busy, setBusy] = useState(false);
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [nothingWaiting, setNothingWaiting] = useState(false);
  const [stats, setStats] = useState<MyStats | null>(null);

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
      const ticket = await ticketAction(token, current.id, verb, body);
      live.applyTicket(ticket);
      setNothingWaiting(false);
      if (ticket.status === 'done' || ticket.status === 'no_show') loadStats();
    }, inDialog);

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
      KeyX: can.noShow && (() => act('no-show')),
      KeyT: can.finish && (() => open('transfer')),
      KeyQ: can.finish && (() => act('requeue')),
      KeyO: can.open && (() => setState('open')),
      KeyP: can.pause && (() => open('pause')),
      KeyL: can.close && (() => setState('close')),
    },
    !dialog && !busy,
  );

  const service = current ? hall.services.find((s) => s.id === current.serviceId) : undefined;
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
            <ActionButton label={t('noShow')} keys="X" kind="danger" disabled={busy || !can.noShow} onClick={() => act('no-show')} />
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
