import fp from 'fastify-plugin';
import { warmCache } from '../reports/days.js';
import { purgeExpired } from '../reports/retention.js';

const FIRST_RUN_MS = 5_000;
const EVERY_MS = 60 * 60_000;

/**
 * Reports' housekeeping, hourly and a little after start: purges what the hall's retention
 * setting says is too old, and computes the past days' figures not stored yet.
 */
export default fp(
  async (app) => {
    let closed = false;
    let running = false;
    const run = async () => {
      if (running || closed) return;
      running = true;
      try {
        const purged = await purgeExpired(app.conn, app.hallId, app.now());
        if (purged.events + purged.ratings + purged.contacts > 0) app.log.info({ purged }, 'retention: purged old personal data');
        if (!closed) await warmCache(app.conn, app.hallId, app.now(), () => closed);
      } catch (err) {
        if (!closed) app.log.error({ err }, 'reports housekeeping failed');
      } finally {
        running = false;
      }
    };
    let first: NodeJS.Timeout | undefined;
    let timer: NodeJS.Timeout | undefined;
    app.addHook('onReady', async () => {
      first = setTimeout(run, FIRST_RUN_MS).unref();
      timer = setInterval(run, EVERY_MS).unref();
    });
    app.addHook('onClose', async () => {
      closed = true;
      clearTimeout(first);
      clearInterval(timer);
    });
  },
  { name: 'reports', dependencies: ['db', 'clock'] },
);
