import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Piscina } from 'piscina';
import type { Advice, AdvisorInput } from '../engine/advisor/types.js';
import { measureFollowed, refreshAdvice } from '../hall/advice.js';
import { counterServiceIds } from '../hall/state.js';
import { statements } from '../hall/prepared.js';

/** The advice is made again this often, and whenever the hall's counters change. */
const ADVICE_EVERY_MS = 10 * 60_000;
const CHECK_EVERY_MS = 30_000;
/** A burst of counter changes (a morning's openings) makes one run, this long after the last. */
const DEBOUNCE_MS = 1_000;

// advise() runs on a thread of its own (tens of ms here, several times that on a hall's mini PC),
// never on the event loop that answers the kiosks; as with the receipts (server/printing/pool.ts),
// from the sources the thread loads the .ts file through tsx, from the bundle dist/advise-worker.mjs.
const FROM_SOURCES = import.meta.url.endsWith('.ts');
const WORKER = new URL(FROM_SOURCES ? '../engine/advisor/worker.ts' : './advise-worker.mjs', import.meta.url).href;

declare module 'fastify' {
  interface FastifyInstance {
    advice: {
      /**
       * Runs the advisor if ADVICE_EVERY_MS passed on the hall's clock, or the counters changed
       * since the last run; resolves once the advice is written. Runs never overlap.
       */
      check(): Promise<void>;
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
    // One thread, started with the first run, at the lowest priority: advice can wait a little.
    const pool = new Piscina<AdvisorInput, Advice[]>({
      filename: WORKER,
      minThreads: 0,
      maxThreads: 1,
      idleTimeout: Infinity,
      niceIncrement: 19,
      execArgv: FROM_SOURCES ? ['--import', 'tsx'] : [],
    });
    let last = { at: -Infinity, key: '' };
    let closing = false;
    const run = async () => {
      if (closing) return;
      try {
        const now = app.now();
        const key = countersKey(app);
        if (now - last.at < ADVICE_EVERY_MS && key === last.key) return;
        last = { at: now, key };
        // A hall with no counter open has no advice (advise.ts): no thread is started for it.
        const advisor = (input: AdvisorInput) => (input.counters.some((c) => c.state === 'open') ? pool.run(input) : []);
        if (await refreshAdvice(app.conn, app.hallId, now, advisor)) app.realtime.publishAdvice(app.hallId);
        measureFollowed(app.conn, app.hallId, now);
      } catch (err) {
        if (!closing) app.log.error({ err }, 'staffing advice failed');
      }
    };
    let running = Promise.resolve();
    const check = () => (running = running.then(run));
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
      void check();
      timer = setInterval(check, CHECK_EVERY_MS);
      timer.unref();
    });
    app.addHook('onClose', async () => {
      closing = true;
      clearInterval(timer);
      clearTimeout(debounce);
      // A run in progress is stopped, not waited for: on a loaded mini PC its low-priority thread
      // can hold a restart for many seconds, and advice made while closing would not be shown.
      await pool.destroy();
      await running;
    });
  },
  { name: 'advice', dependencies: ['db', 'clock', 'realtime'] },
);
