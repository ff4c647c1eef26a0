import proxyAddr from '@fastify/proxy-addr';
import fp from 'fastify-plugin';
import { Server } from 'socket.io';
import type { Effect } from '../hall/effects.js';
import { attempt, rooms, type Ctx } from '../realtime/common.js';
import { attachDisplay, connectedDisplayIds } from '../realtime/display.js';
import { attachKiosk, publishKioskPrinter, publishPrintResult } from '../realtime/kiosk.js';
import {
  attachPrinter,
  emitPrinterStatus,
  isAgentConnected,
  sendPrinterStatuses,
  sendPrintJobs,
  type AgentEvents,
  type PrintJob,
} from '../realtime/printer.js';
import { publish } from '../realtime/publish.js';
import { attachStaff, publishAdvice } from '../realtime/staff.js';
import { attachTrack, type AddressOf } from '../realtime/track.js';
import type { printers } from '../../db/schema.js';
import type { PrintResult } from '../protocol/schemas.js';
import type { Principal } from '../auth/principal.js';
import { trackPresence } from '../ops/presence.js';

declare module 'fastify' {
  interface FastifyInstance {
    realtime: {
      io: Server;
      /** Tells displays, staff and trackers what committed effects changed. Never throws. */
      publish(hallId: number, effects: Effect[]): void;
      /**
       * publish, once the current burst of promise continuations has run, merged with the others
       * made in it: the tickets of one group commit go out together (one read of the waiting
       * counts, one message per display) instead of one publish each.
       */
      publishMerged(hallId: number, effects: Effect[]): void;
      /** Runs `listener` after every publish (the notification hook); its failures are logged. */
      afterPublish(listener: (hallId: number, effects: Effect[]) => void): void;
      /** Hands a connected print agent jobs the print queue marked sent. */
      sendPrintJobs(deviceId: number, jobs: PrintJob[]): void;
      isAgentConnected(deviceId: number): boolean;
      /** Where what print agents say goes (the print queue); until set, it is dropped. */
      onAgent(events: AgentEvents): void;
      /** A printer's status changed: its kiosk (`/kiosk` printer) and the staff (`/staff` printer) hear it. */
      publishPrinter(printer: typeof printers.$inferSelect): void;
      /** A print job of a ticket changed: the kiosk that issued the ticket hears it. */
      publishPrintResult(kioskId: number, result: PrintResult): void;
      /** The staffing advice shown now changed: the hall's supervisors and admins hear it (`/staff` advice). */
      publishAdvice(hallId: number): void;
      /** The display devices connected now (for the supervisor's board). */
      connectedDisplays(): Set<number>;
      /** Makes the sockets of a device or user reconnect, so that a revoked token or session drops out. */
      disconnect(who: { deviceId: number } | { userId: number }): void;
    };
  }
}

/** socket.io on the server's port: /display, /staff, /printer, /track and /kiosk (see API.md). */
export default fp(
  async (app, opts: { trustProxy?: string[] }) => {
    let closing = false;
    const io = new Server(app.server, {
      maxHttpBufferSize: 64 * 1024,
      allowRequest: (_request, admit) => admit(closing ? 'the server is closing' : null, !closing),
    });
    // The client's address as request.ip has it: behind a trusted proxy, the one it forwards.
    const trust = opts.trustProxy && proxyAddr.compile(opts.trustProxy);
    const addressOf: AddressOf = (socket) => (trust ? proxyAddr(socket.request, trust) : socket.handshake.address);
    const ctx: Ctx = { conn: app.conn, now: app.now, log: app.log.child({ module: 'realtime' }) };
    // The main namespace serves nobody: every client names its namespace.
    io.of('/').use((_socket, next) => next(new Error('unauthorized')));
    let agentEvents: AgentEvents | undefined;
    const toQueue: AgentEvents = {
      connected: (deviceId) => agentEvents?.connected(deviceId),
      disconnected: (deviceId) => agentEvents?.disconnected(deviceId),
      status: (deviceId, status) => agentEvents?.status(deviceId, status),
      jobDone: (deviceId, answer) => agentEvents?.jobDone(deviceId, answer),
    };
    const namespaces = [
      attachDisplay(io.of('/display'), ctx),
      attachStaff(io.of('/staff'), ctx),
      attachPrinter(io.of('/printer'), ctx, toQueue),
      attachTrack(io.of('/track'), ctx, addressOf),
      attachKiosk(io.of('/kiosk'), ctx),
    ];
    // Staff also hear the state of the hall's printers when they connect.
    io.of('/staff').on('connection', (socket) =>
      attempt(ctx, 'staff printers', () => sendPrinterStatuses(ctx, socket, (socket.data as Principal).hallId)),
    );

    const listeners: ((hallId: number, effects: Effect[]) => void)[] = [];
    const publishNow = (hallId: number, effects: Effect[]) => {
      attempt(ctx, 'publish', () => publish(ctx, io, hallId, effects));
      for (const listener of listeners) attempt(ctx, 'after publish', () => listener(hallId, effects));
    };
    const merged = new Map<number, Effect[]>();
    const flushMerged = () => {
      const halls = [...merged];
      merged.clear();
      for (const [hallId, effects] of halls) publishNow(hallId, effects);
    };
    app.decorate('realtime', {
      io,
      publish: publishNow,
      publishMerged(hallId: number, effects: Effect[]) {
        if (merged.size === 0) queueMicrotask(flushMerged);
        const list = merged.get(hallId);
        if (list) list.push(...effects);
        else merged.set(hallId, [...effects]);
      },
      afterPublish(listener: (hallId: number, effects: Effect[]) => void) {
        listeners.push(listener);
      },
      sendPrintJobs(deviceId: number, jobs: PrintJob[]) {
        attempt(ctx, 'sending print jobs', () => sendPrintJobs(ctx, io.of('/printer'), deviceId, jobs));
      },
      isAgentConnected: (deviceId: number) => isAgentConnected(io.of('/printer'), deviceId),
      onAgent(events: AgentEvents) {
        agentEvents = events;
      },
      publishPrinter(printer: typeof printers.$inferSelect) {
        attempt(ctx, 'publishing a printer to staff', () => emitPrinterStatus(ctx, io.of('/staff').to(rooms.hall(printer.hallId)), printer));
        if (printer.kioskId != null) {
          const kioskId = printer.kioskId;
          attempt(ctx, 'publishing a printer to its kiosk', () => publishKioskPrinter(ctx, io.of('/kiosk'), kioskId));
        }
      },
      publishPrintResult(kioskId: number, result: PrintResult) {
        attempt(ctx, 'publishing a print result', () => publishPrintResult(ctx, io.of('/kiosk'), kioskId, result));
      },
      publishAdvice(hallId: number) {
        attempt(ctx, 'publishing advice', () => publishAdvice(ctx, io.of('/staff'), hallId));
      },
      connectedDisplays: () => connectedDisplayIds(io.of('/display')),
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

    // Open websockets would hold the HTTP server's close: say goodbye (our devices come back by
    // themselves, to the next server), then drop every connection, before the server closes. It
    // listens until the other preClose hooks are done (a backup finishing may take seconds): a
    // device that came back meanwhile would hold it open for ever, so nobody new is let in.
    app.addHook('preClose', async () => {
      closing = true;
      for (const nsp of namespaces) nsp.disconnectSockets(true);
      io.engine.close();
    });
    app.addHook('onClose', async () => {
      await io.close();
    });
    // Devices' last_seen_at while their sockets stay (read by /api/admin/health and the doctor).
    trackPresence(app);
  },
  { name: 'realtime', dependencies: ['db', 'clock'] },
);
