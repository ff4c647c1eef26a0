import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { claimReminders, sweepAppointments } from '../hall/appointments-sweep.js';

const CHECK_EVERY_MS = 30_000;

/** One run of the timer: no-shows and visits done marked, numbers of past days deleted, reminders due sent. */
export function checkAppointments(app: FastifyInstance): void {
  try {
    const now = app.now();
    if (sweepAppointments(app.conn, app.hallId, now) > 0) app.realtime.publish(app.hallId, [{ kind: 'waiting' }]);
    app.notify.send(app.hallId, claimReminders(app.conn, app.hallId, now, app.notify.base(app.hallId)));
  } catch (err) {
    app.log.error({ err }, 'appointments sweep failed');
  }
}

/** Bookings move on by themselves, every 30 s. */
export default fp(
  async (app) => {
    let timer: NodeJS.Timeout | undefined;
    app.addHook('onReady', async () => {
      checkAppointments(app);
      timer = setInterval(() => checkAppointments(app), CHECK_EVERY_MS);
      timer.unref();
    });
    app.addHook('onClose', async () => clearInterval(timer));
  },
  { name: 'appointments', dependencies: ['db', 'clock', 'notify', 'realtime'] },
);
