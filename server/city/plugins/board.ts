import { createAdapter } from '@socket.io/postgres-adapter';
import fp from 'fastify-plugin';
import { Server } from 'socket.io';
import { boardRow, isStale, type HallRow } from '../board.js';
import { listHalls } from '../halls.js';

declare module 'fastify' {
  interface FastifyInstance {
    cityBoard: {
      io: Server;
      /** Tells every city process's /city clients that a hall's row changed. */
      publish(hall: HallRow): void;
      /** Sends the rows of halls that went stale since the last sweep to this process's clients. */
      sweep(): Promise<void>;
    };
  }
}

/**
 * socket.io /city: the live board for city staff (token in the handshake's auth). Rows reach the
 * clients of every city process through @socket.io/postgres-adapter (NOTIFY on the shared
 * database), over websockets only, so that a load balancer needs no sticky sessions.
 */
export default fp<{ sweepEveryMs?: number }>(
  async (app, opts) => {
    const io = new Server(app.server, { transports: ['websocket'], maxHttpBufferSize: 16 * 1024 });
    io.adapter(createAdapter(app.city.pool));
    io.of('/').use((_socket, next) => next(new Error('unauthorized')));
    const city = io.of('/city');
    city.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      if (typeof token !== 'string') return next(new Error('unauthorized'));
      app.cityPrincipal(token, 'bearer').then(
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

    // Each process tells its own clients when a hall passes the 60 s without a word.
    let fresh = new Set<number>();
    const sweep = async () => {
      const now = app.now();
      const halls = await listHalls(app.city.db);
      const freshNow = new Set<number>();
      for (const hall of halls) {
        if (!isStale(hall, now)) freshNow.add(hall.id);
        else if (fresh.has(hall.id)) city.local.emit('hall', boardRow(hall, now));
      }
      fresh = freshNow;
    };
    const timer = setInterval(() => sweep().catch((err: unknown) => app.log.error({ err }, 'city board sweep failed')), opts.sweepEveryMs ?? 5000);
    timer.unref();

    app.decorate('cityBoard', {
      io,
      publish(hall: HallRow) {
        city.emit('hall', boardRow(hall, app.now()));
      },
      sweep,
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
