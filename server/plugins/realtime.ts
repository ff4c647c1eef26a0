import fp from 'fastify-plugin';
import { Server } from 'socket.io';
import type { Effect } from '../hall/effects.js';
import { attempt, type Ctx } from '../realtime/common.js';
import { attachDisplay } from '../realtime/display.js';
import { attachPrinter, sendPrintJobs } from '../realtime/printer.js';
import { publish } from '../realtime/publish.js';
import { attachStaff } from '../realtime/staff.js';
import { attachTrack } from '../realtime/track.js';

declare module 'fastify' {
  interface FastifyInstance {
    realtime: {
      io: Server;
      /** Tells displays, staff and trackers what committed effects changed. Never throws. */
      publish(hallId: number, effects: Effect[]): void;
      /** Sends a print agent its pending jobs if it is connected; answers how many went out. */
      sendPrintJobs(deviceId: number): number;
      /** Makes the sockets of a device or user reconnect, so that a revoked token or session drops out. */
      disconnect(who: { deviceId: number } | { userId: number }): void;
    };
  }
}

/** socket.io on the server's port: /display, /staff, /printer and /track (see API.md). */
export default fp(
  async (app) => {
    const io = new Server(app.server, { maxHttpBufferSize: 64 * 1024 });
    const ctx: Ctx = { conn: app.conn, now: app.now, log: app.log.child({ module: 'realtime' }) };
    // The main namespace serves nobody: every client names its namespace.
    io.of('/').use((_socket, next) => next(new Error('unauthorized')));
    const namespaces = [
      attachDisplay(io.of('/display'), ctx),
      attachStaff(io.of('/staff'), ctx),
      attachPrinter(io.of('/printer'), ctx),
      attachTrack(io.of('/track'), ctx),
    ];

    app.decorate('realtime', {
      io,
      publish(hallId: number, effects: Effect[]) {
        attempt(ctx, 'publish', () => publish(ctx, io, hallId, effects));
      },
      sendPrintJobs(deviceId: number) {
        let sent = 0;
        attempt(ctx, 'sending print jobs', () => {
          sent = sendPrintJobs(ctx, io.of('/printer'), deviceId);
        });
        return sent;
      },
      disconnect(who: { deviceId: number } | { userId: number }) {
        for (const nsp of namespaces) {
          for (const socket of nsp.sockets.values()) {
            const data = socket.data as { deviceId?: number; userId?: number };
            const match = 'deviceId' in who ? data.deviceId === who.deviceId : data.userId === who.userId;
            // Dropping the connection (not a polite disconnect) makes clients reconnect: a valid
            // session comes back at once, a revoked token gets `unauthorized` and stays out.
            if (match) socket.conn.close();
          }
        }
      },
    });

    // Open websockets would hold the HTTP server's close: say goodbye (clients then do not try
    // to reconnect), then drop every connection, before the server closes.
    app.addHook('preClose', async () => {
      for (const nsp of namespaces) nsp.disconnectSockets(true);
      io.engine.close();
    });
    app.addHook('onClose', async () => {
      await io.close();
    });
  },
  { name: 'realtime', dependencies: ['db', 'clock'] },
);
