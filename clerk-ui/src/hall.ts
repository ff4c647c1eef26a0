import { useCallback, useEffect, useState } from 'preact/hooks';
import type { HallInfo, Service, StaffSettings } from '../../server/protocol/schemas.js';
import { api } from '../../ui-kit/api.js';

// What every staff screen needs of the hall: its name, zone and digits, the active services
// (names and codes), and the settings that shape the screens. Read on start, on every socket
// reconnect (`refresh`) and every minute.

const REFRESH_MS = 60_000;

export interface Hall {
  info: HallInfo | null;
  services: Service[];
  settings: StaffSettings | null;
  clockOffsetMs: number;
  refresh(): void;
}

export function useHall(token: string | null): Hall {
  const [state, setState] = useState<Omit<Hall, 'refresh'>>({ info: null, services: [], settings: null, clockOffsetMs: 0 });
  const refresh = useCallback(async () => {
    try {
      const [info, services, settings] = await Promise.all([
        api<HallInfo>('GET', '/api/hall'),
        api<Service[]>('GET', '/api/services'),
        token ? api<StaffSettings>('GET', '/api/staff/settings', { token }) : Promise.resolve(null),
      ]);
      setState({ info, services, settings, clockOffsetMs: Date.parse(info.serverTime) - Date.now() });
    } catch {
      // Offline or the session ended: keep what is shown; the socket and the shell say why.
    }
  }, [token]);
  useEffect(() => {
    void refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  return { ...state, refresh };
}
