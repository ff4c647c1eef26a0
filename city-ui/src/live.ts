import { useEffect, useRef, useState } from 'preact/hooks';
import type { BoardRow } from '../../server/protocol/city.js';
import { refusal } from '../../ui-kit/api.js';
import { deviceSocket, type LinkState } from '../../ui-kit/device-socket.js';
import { withRow } from './board.js';

// The board as the city tells it: read at once and every REREAD_MS, then patched by the /city
// socket's `board` (on every connect) and `hall` events. A hall that falls silent sends nothing,
// so the rereads and the city's clock (from the answer's Date header) keep "stale" honest.

const REREAD_MS = 15_000;

type Board = { halls: BoardRow[] };

async function readBoard(token: string): Promise<{ halls: BoardRow[]; offsetMs: number }> {
  const res = await fetch('/api/city/board', { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw refusal(res, await res.json().catch(() => null));
  const cityTime = Date.parse(res.headers.get('date') ?? '');
  const { halls } = (await res.json()) as Board;
  return { halls, offsetMs: Number.isNaN(cityTime) ? 0 : cityTime - Date.now() };
}

export interface LiveBoard {
  rows: BoardRow[] | null;
  link: LinkState;
  /** The city's clock minus this machine's. */
  offsetMs: number;
}

export function useBoard(token: string, onUnauthorized: () => void): LiveBoard {
  const [rows, setRows] = useState<BoardRow[] | null>(null);
  const [link, setLink] = useState<LinkState>('connecting');
  const [offsetMs, setOffset] = useState(0);
  const unauthorized = useRef(onUnauthorized);
  unauthorized.current = onUnauthorized;

  useEffect(() => {
    const reread = () =>
      readBoard(token).then(
        (b) => (setRows(b.halls), setOffset(b.offsetMs)),
        (err: { status?: number }) => err.status === 401 && unauthorized.current(),
      );
    void reread();
    const timer = setInterval(reread, REREAD_MS);
    const live = deviceSocket({
      namespace: '/city',
      auth: { token },
      transports: ['websocket'],
      onState: (l) => {
        setLink(l);
        if (l === 'unauthorized') unauthorized.current();
      },
    });
    live.socket.on('board', (b: Board) => setRows(b.halls));
    live.socket.on('hall', (row: BoardRow) => setRows((current) => withRow(current ?? [], row)));
    return () => {
      clearInterval(timer);
      live.close();
    };
  }, [token]);

  return { rows, link, offsetMs };
}
