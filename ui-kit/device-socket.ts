import { io, type Socket } from 'socket.io-client';

// A socket for a device that nobody tends (a TV, a kiosk): it comes back by itself after the
// network drops, after the server restarts (which says goodbye, and socket.io then stops
// retrying) and after a refused handshake; and it checks the line itself with a heartbeat,
// because a dead Wi-Fi can take socket.io's own ping a minute to notice.

export type LinkState = 'connecting' | 'online' | 'offline' | 'unauthorized';

export interface DeviceSocketOptions {
  namespace: string;
  auth: Record<string, unknown>;
  onState(state: LinkState): void;
  /** Emits `heartbeat` with an acknowledgement this often (ms); 0: no heartbeat. */
  heartbeatMs?: number;
  /** An acknowledgement later than this (ms) counts as a miss; two misses reconnect. */
  heartbeatTimeoutMs?: number;
  onHeartbeat?(answer: unknown): void;
  /** The city's servers take WebSocket only (several processes behind a load balancer, no sticky sessions). */
  transports?: ('polling' | 'websocket')[];
}

export interface DeviceSocket {
  socket: Socket;
  close(): void;
}

const RETRY_MS = 2000;
const UNAUTHORIZED_RETRY_MS = 30_000;

export function deviceSocket(opts: DeviceSocketOptions): DeviceSocket {
  const socket = io(opts.namespace, {
    auth: opts.auth,
    ...(opts.transports ? { transports: opts.transports } : {}),
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });
  let closed = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const retryIn = (ms: number) => {
    clearTimeout(retry);
    retry = setTimeout(() => !closed && !socket.connected && socket.connect(), ms);
  };

  opts.onState('connecting');
  socket.on('connect', () => opts.onState('online'));
  socket.on('disconnect', (reason) => {
    if (closed) return;
    opts.onState('offline');
    if (reason === 'io server disconnect') retryIn(RETRY_MS);
  });
  socket.on('connect_error', (err) => {
    const unauthorized = err.message === 'unauthorized';
    opts.onState(unauthorized ? 'unauthorized' : 'offline');
    // A refusal by the server's middleware is not retried by socket.io itself.
    if (!socket.active) retryIn(unauthorized ? UNAUTHORIZED_RETRY_MS : RETRY_MS);
  });

  let misses = 0;
  const beat = opts.heartbeatMs
    ? setInterval(() => {
        if (!socket.connected) return;
        socket.timeout(opts.heartbeatTimeoutMs ?? 5000).emit('heartbeat', (err: Error | null, answer: unknown) => {
          if (!err) {
            misses = 0;
            opts.onHeartbeat?.(answer);
            return;
          }
          if (++misses < 2 || closed) return;
          misses = 0;
          opts.onState('offline');
          socket.disconnect();
          retryIn(100);
        });
      }, opts.heartbeatMs)
    : undefined;

  return {
    socket,
    close() {
      closed = true;
      clearTimeout(retry);
      clearInterval(beat);
      socket.disconnect();
    },
  };
}
