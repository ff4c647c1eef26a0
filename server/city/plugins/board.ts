import { createAdapter } from '@socket.io/postgres-adapter';
import fp from 'fastify-plugin';
import { Server } from 'socket.io';
import { cookieToken } from '../../realtime/staff.js';
import { STALE_AFTER_MS } from '../../protocol/city.js';
import { boardRow, type HallRow } from '../board.js';
import { listHalls } from '../halls.js';

declare module 'fastify' {
  interface FastifyInstance {
    cityBoard: {
      io: Server;
      /** Tells every city process's /city clients that a hall's row changed. */
      publish(hall: HallRow): void;
    };
  }
}

/**
 * socket.io /city: the live board for city staff (token in the handshake's auth, or the session
 * cookie from the city's own pages, as the hall's /staff). Rows reach the clients of every city
 * process through @socket.io/postgres-adapter (NOTIFY on the shared database), over websockets
 * only, so that a load balancer needs no sticky sessions.
 */
export default fp<{ sweepEveryMs?: number }>(
  async (app, opts) => {
    const io = new Server(app.server, { transports: ['websocket'], maxHttpBufferSize: 16 * 1024 });
    io.adapter(createAdapter(app.city.pool));
    io.of('/').use((_socket, next) => next(new Error('unauthorized')));
    const city = io.of('/city');
    city.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      const cookie = cookieToken(socket);
      const carried = typeof token === 'string' ? { token, via: 'bearer' as const } : cookie ? { token: cookie, via: 'cookie' as const } : null;
      if (!carried) return next(new Error('unauthorized'));
      app.cityPrincipal(carried.token, carried.via).then(
        (p) => next(p?.kind === 'user' ? undefined : new Error('unauthorized')),
        () => next(new Error('unauthorized')),
      );
    });
    city.on('connection', (socket) => {
      listHalls(app.city.db).then(
        (halls) => socket.emit('board', { halls: halls.map((h) => boardRow(h, app.now())) }),
        (err: unknown) => app.log.error({ err }, 'city board snapshot failed'),
      );
    });

    // Each process tells its own clients about the halls that passed 60 s without a word since
    // its last sweep (by the city's clock).
    let sweptAt = app.now();
    const sweep = async () => {
      const [from, now] = [sweptAt, (sweptAt = app.now())];
      for (const hall of await listHalls(app.city.db)) {
        const staleFrom = hall.lastHeardAt === null ? null : hall.lastHeardAt + STALE_AFTER_MS;
        if (staleFrom !== null && staleFrom >= from && staleFrom < now) city.local.emit('hall', boardRow(hall, now));
      }
    };
    const timer = setInterval(() => sweep().catch((err: unknown) => app.log.error({ err }, 'city board sweep failed')), opts.sweepEveryMs ?? 5000);
    timer.unref();

    app.decorate('cityBoard', {
      io,
      publish(hall: HallRow) {
        city.emit('hall', boardRow(hall, app.now()));
      },
    });
    app.addHook('preClose', async () => {
      clearInterval(timer);
      city.disconnectSockets(true);
      io.engine.close();
    });
    app.addHook('onClose', async () => {
      await io.close();
    });
  },
  { name: 'city-board', dependencies: ['city-database', 'city-auth', 'clock'] },
);
