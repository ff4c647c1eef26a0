import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { HallInfo, KioskPrinter, PrintResult, Service } from '../../server/protocol/schemas.js';
import { api } from '../../ui-kit/api.js';
import { deviceSocket, type LinkState } from '../../ui-kit/device-socket.js';
import { useInterval } from './hooks.js';

// The kiosk's live view of the hall: the menu from the API (refreshed on a timer, on every socket
// connect and after each ticket) and, over the `/kiosk` namespace, its printer and print results.

const MENU_REFRESH_MS = 15_000;
const KEPT_PRINT_RESULTS = 50;

export interface Menu {
  hall: HallInfo | null;
  services: Service[];
  /** The last refresh failed: what is shown may be stale. */
  offline: boolean;
  /** Server clock minus this device's, to show the hall's time. */
  clockOffsetMs: number;
}

export function useMenu(): Menu & { refresh: () => void } {
  const [menu, setMenu] = useState<Menu>({ hall: null, services: [], offline: false, clockOffsetMs: 0 });
  const refresh = useCallback(async () => {
    try {
      const [hall, services] = await Promise.all([api<HallInfo>('GET', '/api/hall'), api<Service[]>('GET', '/api/services')]);
      setMenu({ hall, services, offline: false, clockOffsetMs: Date.parse(hall.serverTime) - Date.now() });
    } catch {
      setMenu((old) => ({ ...old, offline: true }));
    }
  }, []);
  useInterval(refresh, MENU_REFRESH_MS);
  return { ...menu, refresh };
}

export interface KioskLive {
  /** The socket to the server: 'offline' the moment it is lost, so the kiosk says so at once. */
  link: LinkState;
  /** undefined until the server has said; null when no printer is bound to this kiosk. */
  printer: KioskPrinter | undefined;
  /** ticketId → the latest news of its print job. */
  prints: Map<number, PrintResult>;
}

export function useKioskSocket(token: string | null, on: { connect(): void; unauthorized(): void }): KioskLive {
  const [link, setLink] = useState<LinkState>('connecting');
  const [printer, setPrinter] = useState<KioskPrinter | undefined>(undefined);
  const [prints, setPrints] = useState<Map<number, PrintResult>>(() => new Map());
  const handlers = useRef(on);
  handlers.current = on;

  useEffect(() => {
    if (!token) return;
    const { socket, close } = deviceSocket({
      namespace: '/kiosk',
      auth: { token },
      onState(state) {
        setLink(state);
        // What the server last said of the printer is not known to hold while the link is down.
        if (state !== 'online') setPrinter(undefined);
        if (state === 'online') handlers.current.connect();
        if (state === 'unauthorized') handlers.current.unauthorized();
      },
    });
    socket.on('printer', (p: KioskPrinter) => setPrinter(p));
    socket.on('print', (result: PrintResult) =>
      setPrints((old) => {
        const next = new Map(old).set(result.ticketId, result);
        for (const id of next.keys()) if (next.size > KEPT_PRINT_RESULTS) next.delete(id);
        return next;
      }),
    );
    return close;
  }, [token]);

  return { link, printer, prints };
}
