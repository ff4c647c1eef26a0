import { useCallback, useEffect, useReducer, useRef } from 'preact/hooks';
import type { Counter, DisplayPresence, KioskPrinter, Ticket, WaitingCounts } from '../../server/protocol/schemas.js';
import { deviceSocket, type LinkState } from '../../ui-kit/device-socket.js';
import type { AdviceItem } from '../../server/protocol/advice.js';

// The hall as /staff tells it: counters, the tickets still in play, waiting counts, printers and
// displays. Every (re)connect starts with a snapshot that replaces what was known, so a network
// blip heals by itself; events then patch it. Answers of the clerk's own actions are applied at
// once too (`applyTicket`), without waiting for their echo.

export type Printer = NonNullable<KioskPrinter>;

export interface StaffLive {
  link: LinkState;
  /** Counts of snapshots received: each one is a (re)connect. */
  generation: number;
  counters: Map<number, Counter>;
  /** Waiting, called or being served. */
  tickets: Map<number, Ticket>;
  waiting: Map<number, number>;
  printers: Map<number, Printer>;
  displays: Map<number, DisplayPresence>;
  /** The staffing advice shown now (supervisors and admins hear it); null until heard. */
  advice: AdviceItem[] | null;
}

type Msg =
  | { kind: 'link'; link: LinkState }
  | { kind: 'snapshot'; counters: Counter[]; tickets: Ticket[]; waiting: WaitingCounts }
  | { kind: 'ticket'; ticket: Ticket }
  | { kind: 'counter'; counter: Counter }
  | { kind: 'waiting'; waiting: WaitingCounts }
  | { kind: 'printer'; printer: Printer }
  | { kind: 'display'; display: DisplayPresence }
  | { kind: 'advice'; advice: AdviceItem[] }
  | { kind: 'adviceDecided'; id: number };

const ACTIVE = new Set(['waiting', 'called', 'serving']);
const byId = <T extends { id: number }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
const counts = (w: WaitingCounts) => new Map(w.map((c) => [c.serviceId, c.count]));

function reduce(s: StaffLive, m: Msg): StaffLive {
  switch (m.kind) {
    case 'link':
      return { ...s, link: m.link };
    case 'snapshot':
      return { ...s, generation: s.generation + 1, counters: byId(m.counters), tickets: byId(m.tickets), waiting: counts(m.waiting) };
    case 'ticket': {
      const tickets = new Map(s.tickets);
      if (ACTIVE.has(m.ticket.status)) tickets.set(m.ticket.id, m.ticket);
      else tickets.delete(m.ticket.id);
      return { ...s, tickets };
    }
    case 'counter':
      return { ...s, counters: new Map(s.counters).set(m.counter.id, m.counter) };
    case 'waiting':
      return { ...s, waiting: counts(m.waiting) };
    case 'printer':
      return { ...s, printers: new Map(s.printers).set(m.printer.printerId, m.printer) };
    case 'display':
      return { ...s, displays: new Map(s.displays).set(m.display.id, m.display) };
    case 'advice':
      return { ...s, advice: m.advice };
    case 'adviceDecided':
      return { ...s, advice: s.advice && s.advice.filter((a) => a.id !== m.id) };
  }
}

const EMPTY: StaffLive = {
  link: 'connecting',
  generation: 0,
  counters: new Map(),
  tickets: new Map(),
  waiting: new Map(),
  printers: new Map(),
  displays: new Map(),
  advice: null,
};

export function useStaffLive(token: string, onUnauthorized: () => void) {
  const [state, dispatch] = useReducer(reduce, EMPTY);
  const unauthorized = useRef(onUnauthorized);
  unauthorized.current = onUnauthorized;

  useEffect(() => {
    const link = deviceSocket({
      namespace: '/staff',
      auth: { token },
      onState: (l) => {
        dispatch({ kind: 'link', link: l });
        if (l === 'unauthorized') unauthorized.current();
      },
    });
    const { socket } = link;
    socket.on('snapshot', (s: { counters: Counter[]; tickets: Ticket[]; waiting: WaitingCounts }) => dispatch({ kind: 'snapshot', ...s }));
    socket.on('ticket', (ticket: Ticket) => dispatch({ kind: 'ticket', ticket }));
    socket.on('counter', (counter: Counter) => dispatch({ kind: 'counter', counter }));
    socket.on('waiting', (waiting: WaitingCounts) => dispatch({ kind: 'waiting', waiting }));
    socket.on('printer', (printer: Printer) => dispatch({ kind: 'printer', printer }));
    socket.on('display', (display: DisplayPresence) => dispatch({ kind: 'display', display }));
    socket.on('advice', (advice: AdviceItem[]) => dispatch({ kind: 'advice', advice }));
    return () => link.close();
  }, [token]);

  const applyTicket = useCallback((ticket: Ticket) => dispatch({ kind: 'ticket', ticket }), []);
  const applyCounter = useCallback((counter: Counter) => dispatch({ kind: 'counter', counter }), []);
  /** An advice applied or dismissed leaves the list at once, before its echo. */
  const adviceDecided = useCallback((id: number) => dispatch({ kind: 'adviceDecided', id }), []);
  return { ...state, applyTicket, applyCounter, adviceDecided };
}

export type Live = ReturnType<typeof useStaffLive>;
