import { inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { devices } from '../../db/schema.js';

// Devices on socket.io (displays, kiosks, print agents) are "last seen" while connected: their
// last_seen_at is written when they connect or leave and refreshed every minute while they stay,
// in one small transaction for all of them (two hundred displays reconnecting at once are one
// write, not two hundred fsyncs). `npm run doctor` and /api/admin/health read it.

const FLUSH_EVERY_MS = 60_000;
const DEVICE_NAMESPACES = ['/display', '/kiosk', '/printer'];

export function trackPresence(app: FastifyInstance): void {
  const seen = new Set<number>();
  let timer: NodeJS.Timeout | undefined;

  const flush = () => {
    timer = undefined;
    for (const name of DEVICE_NAMESPACES) {
      for (const socket of app.realtime.io.of(name).sockets.values()) {
        const id = (socket.data as { deviceId?: number }).deviceId;
        if (typeof id === 'number') seen.add(id);
      }
    }
    if (seen.size === 0) return;
    const ids = [...seen];
    seen.clear();
    try {
      app.conn.db.update(devices).set({ lastSeenAt: app.now() }).where(inArray(devices.id, ids)).run();
    } catch (err) {
      app.log.warn({ err }, 'could not record when devices were last seen');
    }
  };
  const soon = () => {
    timer ??= setTimeout(flush, 2000);
    timer.unref();
  };

  for (const name of DEVICE_NAMESPACES) {
    app.realtime.io.of(name).on('connection', (socket) => {
      const id = (socket.data as { deviceId?: number }).deviceId;
      if (typeof id !== 'number') return;
      seen.add(id);
      soon();
      socket.on('disconnect', () => {
        seen.add(id);
        soon();
      });
    });
  }
  const every = setInterval(flush, FLUSH_EVERY_MS);
  every.unref();
  app.addHook('preClose', async () => {
    clearInterval(every);
    clearTimeout(timer);
  });
}
