import { useEffect, useState } from 'preact/hooks';
import { io } from 'socket.io-client';
import type { TrackedTicket } from '../../../server/protocol/schemas.js';
import { api, ApiError } from '../../../ui-kit/api.js';

// The ticket, live: read once over HTTP, then every change over the `/track` namespace. While the
// socket is down (a phone asleep, a weak signal) the page asks again every few seconds, and
// again whenever it comes back to the screen.

const POLL_MS = 8000;

export type Tracked =
  | { kind: 'loading' }
  | { kind: 'missing' }
  | { kind: 'ready'; ticket: TrackedTicket; offline: boolean };

export function useTracked(code: string): [Tracked, (ticket: TrackedTicket) => void] {
  const [state, setState] = useState<Tracked>({ kind: 'loading' });
  const show = (ticket: TrackedTicket) => setState({ kind: 'ready', ticket, offline: false });

  useEffect(() => {
    let closed = false;
    const offline = () => setState((s) => (s.kind === 'ready' ? { ...s, offline: true } : s));
    const load = async () => {
      try {
        const ticket = await api<TrackedTicket>('GET', `/api/track/${encodeURIComponent(code)}`);
        if (!closed) show(ticket);
      } catch (err) {
        if (closed) return;
        if (err instanceof ApiError && err.status === 404) setState({ kind: 'missing' });
        else offline();
      }
    };

    const socket = io('/track', { auth: { trackingCode: code } });
    socket.on('ticket', (ticket: TrackedTicket) => show(ticket));
    socket.on('disconnect', offline);
    socket.on('connect_error', (err) => {
      // A refused handshake is not retried by socket.io: ask over HTTP why (gone, or busy).
      if (err.message === 'unauthorized') void load();
      else offline();
    });
    const poll = setInterval(() => !socket.connected && load(), POLL_MS);
    const onVisible = () => {
      if (document.visibilityState !== 'visible') return;
      void load();
      if (!socket.connected) socket.connect();
    };
    document.addEventListener('visibilitychange', onVisible);
    void load();
    return () => {
      closed = true;
      clearInterval(poll);
      document.removeEventListener('visibilitychange', onVisible);
      socket.close();
    };
  }, [code]);

  return [state, show];
}
