import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { measureFollowed, refreshAdvice } from '../hall/advice.js';
import { counterServiceIds } from '../hall/state.js';
import { statements } from '../hall/prepared.js';

/** The advice is made again this often, and whenever the hall's counters change. */
export const ADVICE_EVERY_MS = 10 * 60_000;
const CHECK_EVERY_MS = 30_000;
/** A burst of counter changes (a morning's openings) makes one run, this long after the last. */
const DEBOUNCE_MS = 1_000;
const SLOW_MS = 250;

declare module 'fastify' {
  interface FastifyInstance {
    advice: {
      /** Runs the advisor now if ADVICE_EVERY_MS passed on the hall's clock, or the counters changed since the last run. */
      check(): void;
    };
  }
}

/** Which counters are open, paused or closed and what each serves: a change makes new advice. */
function countersKey(app: FastifyInstance): string {
  const rows = statements(app.conn).activeCounters.all({ hallId: app.hallId });
  const servicesOf = counterServiceIds(app.conn, rows.map((c) => c.id));
  return rows.map((c) => `${c.id}:${c.state}:${servicesOf.get(c.id)!.join(',')}`).join(';');
}

/** The staffing advisor, off the request path: on its timer and after counter changes, debounced. */
export default fp(
  async (app) => {
    let last = { at: -Infinity, key: '' };
    const check = () => {
      try {
        const now = app.now();
        const key = countersKey(app);
        if (now - last.at < ADVICE_EVERY_MS && key === last.key) return;
        last = { at: now, key };
        const started = performance.now();
        if (refreshAdvice(app.conn, app.hallId, now)) app.realtime.publishAdvice(app.hallId);
        measureFollowed(app.conn, app.hallId, now);
        const ms = Math.round(performance.now() - started);
        // It runs on the event loop that answers the kiosks: a slow advisor should show.
        if (ms > SLOW_MS) app.log.warn({ ms }, 'staffing advice was slow');
      } catch (err) {
        app.log.error({ err }, 'staffing advice failed');
      }
    };
    app.decorate('advice', { check });

    let debounce: NodeJS.Timeout | undefined;
    app.realtime.afterPublish((hallId, effects) => {
      if (hallId !== app.hallId || !effects.some((e) => e.kind === 'counter')) return;
      clearTimeout(debounce);
      debounce = setTimeout(check, DEBOUNCE_MS);
      debounce.unref();
    });
    let timer: NodeJS.Timeout | undefined;
    app.addHook('onReady', async () => {
      check();
      timer = setInterval(check, CHECK_EVERY_MS);
      timer.unref();
    });
    app.addHook('onClose', async () => {
      clearInterval(timer);
      clearTimeout(debounce);
    });
  },
  { name: 'advice', dependencies: ['db', 'clock', 'realtime'] },
);
