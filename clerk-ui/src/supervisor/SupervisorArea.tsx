import { useState } from 'preact/hooks';
import type { Counter, DisplayPresence, Ticket } from '../../../server/protocol/schemas.js';
import { api } from '../../../ui-kit/api.js';
import { labelled, pick } from '../../../ui-kit/i18n.js';
import type { AreaProps } from '../area.js';
import { Dialog } from '../components/Dialog.js';
import { useNow } from '../hooks.js';
import type { Printer } from '../live.js';
import { useAreaLive, useShell } from '../shell.js';
import { useUi } from '../ui.js';
import { hallAlerts, useAlertSound } from './alerts.js';
import { useBoard } from './board.js';
import { CountersBoard, type BoardCounter } from './CountersBoard.js';
import { CounterServicesDialog, MoveDialog } from './dialogs.js';
import { AdvicePanel } from './AdvicePanel.js';
import { AlertsPanel } from './AlertsPanel.js';
import { NoShows, type NoShow } from './NoShows.js';
import { ServicesBoard, type BoardService } from './ServicesBoard.js';
import { WaitingTickets } from './WaitingTickets.js';

// The supervisor's live board: the server's board (names, targets, estimates, devices) overlaid
// with /staff events as they come, so a clerk's call shows here at once.

type Pending =
  | { kind: 'services'; counter: Counter }
  | { kind: 'move'; ticket: Ticket }
  | { kind: 'cancel'; ticket: Ticket }
  | { kind: 'closeToday'; service: BoardService }
  | { kind: 'return'; noShow: NoShow };

const MUTE_KEY = 'dawr.alertsMuted';

export function SupervisorArea({ session }: AreaProps) {
  const { lang, digits, t, clockOffsetMs, ticket: fmt, failure } = useUi();
  const shell = useShell();
  const live = useAreaLive(session.token);
  const { board, reload } = useBoard(session.token, live);
  const now = useNow(1000, clockOffsetMs);
  const [muted, setMuted] = useState(() => localStorage.getItem(MUTE_KEY) === '1');
  const [pending, setPending] = useState<Pending | null>(null);
  const [filter, setFilter] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const tickets = [...live.tickets.values()];
  const waitingTickets = tickets
    .filter((tk) => tk.status === 'waiting')
    .sort((a, b) => Date.parse(a.issuedAt) - Date.parse(b.issuedAt) || a.id - b.id);

  const counters: BoardCounter[] = [...live.counters.values()]
    .filter((c) => c.active)
    .sort((a, b) => a.number - b.number)
    .map((c) => {
      const known = board?.counters.find((b) => b.id === c.id);
      const clerkName =
        known && known.userId === c.userId ? known.clerkName : c.userId === session.user.id ? (session.user.displayName ?? session.user.username) : null;
      const ticket = tickets.find((tk) => tk.counterId === c.id && (tk.status === 'called' || tk.status === 'serving')) ?? null;
      return { counter: c, clerkName, ticket };
    });

  const services: BoardService[] = (board?.services ?? []).map((s) => {
    const oldest = waitingTickets.find((tk) => tk.serviceId === s.id);
    return {
      ...s,
      waiting: live.waiting.get(s.id) ?? s.waiting,
      longestWaitS: oldest ? Math.max(0, Math.floor((now - Date.parse(oldest.issuedAt)) / 1000)) : 0,
    };
  });

  // One returned to the line shows in the live tickets before the board is read again.
  const noShows = (board?.noShows ?? []).filter((n) => !live.tickets.has(n.id));

  const printers = [...new Map<number, Printer>([...(board?.printers ?? []).map((p) => [p.id, { printerId: p.id, name: p.name, status: p.status }] as const), ...live.printers]).values()];
  const displays = [...new Map<number, DisplayPresence>([...(board?.displays ?? []).map((d) => [d.id, d] as const), ...live.displays]).values()];
  const queueLimit = board?.settings.alertQueueLength ?? shell.hall.settings?.alertQueueLength ?? 15;
  const alerts = hallAlerts({ services, queueLimit, printers, displays }, lang, digits);
  useAlertSound(alerts, muted);

  async function run(fn: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await fn();
      setPending(null);
      void reload();
    } catch (err) {
      setError(failure(err));
    } finally {
      setBusy(false);
    }
  }
  const call = <T,>(method: string, path: string, body?: object) => api<T>(method, path, { token: session.token, body });
  const open = (p: Pending) => {
    setError(null);
    setPending(p);
  };

  return (
    <main class="supervisor">
      <h1 class="visually-hidden">{t('areaSupervisor')}</h1>
      {(live.link === 'offline' || live.link === 'connecting') && live.generation > 0 && (
        <p class="banner warn" role="status">
          {t('liveLost')}
        </p>
      )}
      <AlertsPanel
        alerts={alerts}
        muted={muted}
        printers={printers}
        displays={displays}
        onToggleSound={() => {
          localStorage.setItem(MUTE_KEY, muted ? '0' : '1');
          setMuted(!muted);
        }}
      />
      <AdvicePanel
        advice={live.advice}
        services={shell.hall.services}
        busy={busy}
        onApply={(advice) =>
          run(async () => {
            const { counter } = await call<{ counter: Counter | null }>('POST', `/api/advice/${advice.id}/apply`);
            live.adviceDecided(advice.id);
            if (counter) live.applyCounter(counter);
          })
        }
        onDismiss={(advice) =>
          run(async () => {
            await call('POST', `/api/advice/${advice.id}/dismiss`);
            live.adviceDecided(advice.id);
          })
        }
      />
      <div class="sv-grid">
        <div class="sv-col">
          <CountersBoard rows={counters} services={shell.hall.services} now={now} onEditServices={(counter) => open({ kind: 'services', counter })} />
          <WaitingTickets
            tickets={waitingTickets}
            services={shell.hall.services}
            serviceId={filter}
            now={now}
            busy={busy}
            onFilter={setFilter}
            onMove={(ticket) => open({ kind: 'move', ticket })}
            onCancel={(ticket) => open({ kind: 'cancel', ticket })}
          />
        </div>
        <div class="sv-col">
          <ServicesBoard
            rows={services}
            queueLimit={queueLimit}
            busy={busy}
            onCloseToday={(service) => open({ kind: 'closeToday', service })}
            onReopen={(service) => run(() => call('DELETE', `/api/services/${service.id}/close-today`))}
            onShowTickets={(s) => setFilter(s.id)}
          />
          <NoShows rows={noShows} services={shell.hall.services} now={now} busy={busy} onReturn={(noShow) => open({ kind: 'return', noShow })} />
        </div>
      </div>
      {error && !pending && (
        <p class="banner error" role="alert">
          {error}
        </p>
      )}
      {pending?.kind === 'services' && (
        <CounterServicesDialog
          counter={pending.counter}
          services={shell.hall.services}
          busy={busy}
          error={error}
          onClose={() => setPending(null)}
          onSave={(serviceIds) =>
            run(async () => live.applyCounter(await call<Counter>('PUT', `/api/counters/${pending.counter.id}/services`, { serviceIds })))
          }
        />
      )}
      {pending?.kind === 'move' && (
        <MoveDialog
          ticket={pending.ticket}
          services={shell.hall.services}
          busy={busy}
          error={error}
          onClose={() => setPending(null)}
          onMove={(serviceId) => run(async () => live.applyTicket(await call<Ticket>('POST', `/api/tickets/${pending.ticket.id}/move`, { serviceId })))}
        />
      )}
      {pending?.kind === 'cancel' && (
        <Dialog
          title={`${labelled(t('cancelTicket'), lang)}${fmt(pending.ticket.number)}`}
          confirm={t('cancelTicket')}
          dismiss={t('keepTicket')}
          danger
          busy={busy}
          error={error}
          onClose={() => setPending(null)}
          onConfirm={() => run(async () => live.applyTicket(await call<Ticket>('POST', `/api/tickets/${pending.ticket.id}/cancel`, {})))}
        >
          <p>{t('confirmCancelTicket')}</p>
        </Dialog>
      )}
      {pending?.kind === 'closeToday' && (
        <Dialog
          title={`${labelled(t('closeToday'), lang)}${pick(pending.service.name, lang)}`}
          confirm={t('closeToday')}
          danger
          busy={busy}
          error={error}
          onClose={() => setPending(null)}
          onConfirm={() => run(() => call('POST', `/api/services/${pending.service.id}/close-today`))}
        >
          <p>{t('confirmCloseToday')}</p>
        </Dialog>
      )}
      {pending?.kind === 'return' && (
        <Dialog
          title={`${labelled(t('returnToLine'), lang)}${fmt(pending.noShow.number)}`}
          confirm={t('returnToLine')}
          dismiss={t('goBack')}
          busy={busy}
          error={error}
          onClose={() => setPending(null)}
          onConfirm={() => run(async () => live.applyTicket(await call<Ticket>('POST', `/api/tickets/${pending.noShow.id}/requeue`)))}
        >
          <p>{t('confirmReturnToLine')}</p>
        </Dialog>
      )}
    </main>
  );
}
