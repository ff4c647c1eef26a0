import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { SupervisorBoard } from '../../../server/protocol/schemas.js';
import { api } from '../../../ui-kit/api.js';
import type { Live } from '../live.js';

// The board from the server (names, targets, estimates, devices), read again shortly after the
// live events change the hall and every half-minute; the live events themselves show at once.

const SETTLE_MS = 1500;
const REFRESH_MS = 30_000;

export function useBoard(token: string, live: Live) {
  const [board, setBoard] = useState<SupervisorBoard | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const load = useCallback(async () => {
    try {
      setBoard(await api<SupervisorBoard>('GET', '/api/supervisor/board', { token }));
    } catch {
      // Offline: the live view carries on; the next reconnect reads it again.
    }
  }, [token]);

  useEffect(() => {
    void load();
    const every = setInterval(load, REFRESH_MS);
    return () => clearInterval(every);
  }, [load, live.generation]);

  useEffect(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(load, SETTLE_MS);
    return () => clearTimeout(timer.current);
  }, [live.counters, live.waiting]);

  return { board, reload: load };
}
