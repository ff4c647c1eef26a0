import { useMemo, useRef, useState } from 'preact/hooks';
import type { Service, Ticket } from '../../server/protocol/schemas.js';
import { ApiError } from '../../ui-kit/api.js';
import { usePageLang } from '../../ui-kit/hooks.js';
import { initialLang, type Lang } from '../../ui-kit/i18n.js';
import { deviceToken, forgetDeviceToken } from '../../ui-kit/pairing.js';
import type { Appointment } from '../../ui-kit/appointments.js';
import { checkInByCode } from './appointment/check-in.js';
import { CodeEntry } from './appointment/CodeEntry.js';
import { Refused } from './appointment/Refused.js';
import { AlertBox } from './components/AlertBox.js';
import { Attract } from './components/Attract.js';
import { Header } from './components/Header.js';
import { Issuing } from './components/Issuing.js';
import { Menu } from './components/Menu.js';
import { NotPaired } from './components/NotPaired.js';
import { printState } from './components/PrinterNotice.js';
import { PriorityConfirm } from './components/PriorityConfirm.js';
import { TicketScreen } from './components/TicketScreen.js';
import { useIdle } from './hooks.js';
import { issueTicket } from './issue.js';
import { useKioskSocket, useMenu } from './live.js';
import { useCancelPrintWhenPhotographed } from './print-cancel.js';
import { TEXT, type TextKey } from './text.js';
import { UiContext } from './ui.js';

type Screen =
  | { kind: 'menu' }
  | { kind: 'attract' }
  | { kind: 'priority' }
  | { kind: 'appointment'; message: TextKey | null }
  | { kind: 'refused'; appointment: Appointment; late: boolean }
  | { kind: 'ticket'; ticket: Ticket; service: Service };

const IDLE_MS = 60_000;
const DEFAULT_RETURN_SECONDS = 20;

/** What the code entry says when a code did not check in (too early or too late have their own screen). */
const REFUSALS = { unknown: 'unknownCode', cancelled: 'appointmentCancelled', used: 'appointmentUsed', tooMany: 'tooManyCodes', failed: 'failed' } as const;

export function App() {
  const [token, setToken] = useState(deviceToken);
  const homeLang = useMemo(initialLang, []);
  const [lang, setLang] = useState<Lang>(homeLang);
  const [screen, setScreen] = useState<Screen>({ kind: 'menu' });
  const [priority, setPriority] = useState(false);
  const [issuing, setIssuing] = useState<{ retrying: boolean } | null>(null);
  const [alert, setAlert] = useState<TextKey | null>(null);
  const busy = useRef(false);
  const cancelIssue = useRef<AbortController | null>(null);

  const menu = useMenu();
  const unpair = () => {
    forgetDeviceToken();
    setToken(null);
  };
  const live = useKioskSocket(token, { connect: menu.refresh, unauthorized: unpair });
  const digits = menu.hall?.digits ?? 'arab';

  usePageLang(lang);

  /** Ready for the next citizen: the menu, in the kiosk's own language, no priority. */
  const home = (kind: 'menu' | 'attract' = 'menu') => {
    setScreen({ kind });
    setPriority(false);
    setAlert(null);
    setLang(homeLang);
  };
  useIdle(IDLE_MS, screen.kind !== 'ticket' && screen.kind !== 'attract', () => {
    if (!busy.current) home('attract');
  });
  const offline = menu.offline || live.link === 'offline';
  const shownTicket = screen.kind === 'ticket' ? screen.ticket.id : null;
  const shownPrint = shownTicket === null ? null : printState(live.printer, live.prints.get(shownTicket), offline);
  useCancelPrintWhenPhotographed(token, shownTicket, shownPrint);

  async function take(service: Service) {
    if (busy.current || !token) return; // a double tap, or a tap while a ticket is on its way
    busy.current = true;
    const controller = new AbortController();
    cancelIssue.current = controller;
    setIssuing({ retrying: false });
    try {
      const ticket = await issueTicket({
        token,
        serviceId: service.id,
        priority,
        lang,
        signal: controller.signal,
        onRetry: () => setIssuing({ retrying: true }),
      });
      setScreen({ kind: 'ticket', ticket, service });
    } catch (err) {
      if (controller.signal.aborted) return;
      if (err instanceof ApiError && err.status === 401) return unpair();
      if (err instanceof ApiError && err.code === 'service_closed') setAlert('serviceClosed');
      else if (err instanceof ApiError && err.code === 'storage_unavailable') setAlert('storageUnavailable');
      else if (err instanceof ApiError && (err.status === 0 || err.status >= 500)) setAlert('gaveUp');
      else setAlert('failed');
    } finally {
      busy.current = false;
      cancelIssue.current = null;
      setIssuing(null);
      setPriority(false);
      menu.refresh();
    }
  }

  /** «لدي موعد»: the code becomes a ticket, or the kiosk says why not. */
  async function checkIn(code: string) {
    if (busy.current || !token) return;
    busy.current = true;
    setIssuing({ retrying: false });
    const outcome = await checkInByCode(token, code, () => Date.now() + menu.clockOffsetMs);
    busy.current = false;
    setIssuing(null);
    menu.refresh();
    switch (outcome.kind) {
      case 'ticket': {
        const service = menu.services.find((s) => s.id === outcome.ticket.serviceId);
        if (service) return setScreen({ kind: 'ticket', ticket: outcome.ticket, service });
        return setAlert('failed');
      }
      case 'early':
      case 'late':
        return setScreen({ kind: 'refused', appointment: outcome.appointment, late: outcome.kind === 'late' });
      case 'unpaired':
        return unpair();
      default:
        return setScreen({ kind: 'appointment', message: REFUSALS[outcome.kind] });
    }
  }

  if (!token) return <NotPaired />;

  const printerDown = live.printer?.status === 'offline' || live.printer?.status === 'paper_out';
  let body;
  if (!menu.hall && menu.services.length === 0) {
    body = (
      <main class="screen center">
        <div class="spinner" aria-hidden="true" />
        <p role="status">{TEXT[offline ? 'offline' : 'connecting'][lang]}</p>
      </main>
    );
  } else if (screen.kind === 'attract') {
    return (
      <UiContext.Provider value={{ lang, digits }}>
        <Attract hall={menu.hall} clockOffsetMs={menu.clockOffsetMs} onStart={() => setScreen({ kind: 'menu' })} />
      </UiContext.Provider>
    );
  } else if (screen.kind === 'priority') {
    body = (
      <PriorityConfirm
        onYes={() => {
          setPriority(true);
          setScreen({ kind: 'menu' });
        }}
        onNo={() => setScreen({ kind: 'menu' })}
      />
    );
  } else if (screen.kind === 'appointment') {
    body = <CodeEntry message={screen.message && TEXT[screen.message][lang]} onCode={checkIn} onBack={() => home()} />;
  } else if (screen.kind === 'refused') {
    const service = menu.services.find((s) => s.id === screen.appointment.serviceId);
    body = (
      <Refused
        appointment={screen.appointment}
        late={screen.late}
        timeZone={menu.hall?.timeZone ?? 'UTC'}
        onOrdinaryTicket={() => service && take(service)}
        onBack={() => home()}
      />
    );
  } else if (screen.kind === 'ticket') {
    body = (
      <TicketScreen
        ticket={screen.ticket}
        service={screen.service}
        print={shownPrint!}
        returnSeconds={menu.hall?.kioskReturnSeconds ?? DEFAULT_RETURN_SECONDS}
        publicUrl={menu.hall?.publicUrl ?? null}
        timeZone={menu.hall?.timeZone ?? 'UTC'}
        onDone={() => home()}
      />
    );
  } else {
    body = (
      <Menu
        services={menu.services}
        closure={menu.hall?.closure}
        priority={priority}
        onTake={take}
        onPriority={() => setScreen({ kind: 'priority' })}
        onAppointment={() => setScreen({ kind: 'appointment', message: null })}
        onCancelPriority={() => setPriority(false)}
      />
    );
  }

  return (
    <UiContext.Provider value={{ lang, digits }}>
      <div class="kiosk">
        <Header hall={menu.hall} clockOffsetMs={menu.clockOffsetMs} onLanguage={setLang} />
        {(offline || (printerDown && screen.kind === 'menu')) && (
          <p class={offline ? 'banner offline' : 'banner'} role="status">
            {TEXT[offline ? 'offline' : 'menuPrinterDown'][lang]}
          </p>
        )}
        {body}
        {issuing && <Issuing retrying={issuing.retrying} onCancel={() => cancelIssue.current?.abort()} />}
        {alert && <AlertBox text={TEXT[alert][lang]} onClose={() => setAlert(null)} />}
      </div>
    </UiContext.Provider>
  );
}
