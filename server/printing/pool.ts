import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { RenderTask } from './render-worker.js';
import type { TicketFacts } from './texts.js';

// Tickets are drawn on worker threads, never on the event loop that answers the kiosks. From the
// sources (tsx, vitest) the worker is the .ts file, loaded through tsx; from the bundle
// (dist/server.mjs) it is dist/render-worker.mjs, built beside it (scripts/build.mjs).
const FROM_SOURCES = import.meta.url.endsWith('.ts');
const WORKER = new URL(FROM_SOURCES ? './render-worker.ts' : './render-worker.mjs', import.meta.url).href;

export class RenderPool {
  private readonly pool: Piscina<RenderTask, Uint8Array>;

  /**
   * A small pool: one thread on two cores, two from three cores up; the event loop keeps a core.
   * Its threads start with the first receipt (not in the way of a restart, when displays come
   * back) and run at the lowest priority: a receipt can wait a few milliseconds, an answer to a
   * kiosk or a call to the displays should not.
   */
  constructor(threads = Math.max(1, Math.min(2, availableParallelism() - 1))) {
    this.pool = new Piscina({
      filename: WORKER,
      minThreads: 0,
      maxThreads: threads,
      idleTimeout: Infinity,
      niceIncrement: 19,
      execArgv: FROM_SOURCES ? ['--import', 'tsx'] : [],
    });
  }

  /** The ESC/POS bytes of a ticket. */
  async ticket(facts: TicketFacts, width: number): Promise<Buffer> {
    const bytes = await this.pool.run({ facts, width });
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Stops the threads; receipts not drawn yet are dropped (their jobs wait for the next start). */
  close(): Promise<void> {
    return this.pool.close({ force: true });
  }
}
