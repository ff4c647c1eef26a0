import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { dayOf, nameOf, type DayRef } from './day-sets.js';
import { regretOf, type DayRegret } from './regret.js';

// Days' regrets on worker threads: each thread loads this file through tsx (as the command itself
// is loaded) and answers { i, ref } with { i, regret }.

const THREAD = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => tsx.tsImport(${JSON.stringify(import.meta.url)}, ${JSON.stringify(import.meta.url)}))`;

/** The days' regrets, in the order of `refs`, computed on up to `workers` threads. */
export async function regrets(refs: readonly DayRef[], workers: number): Promise<DayRegret[]> {
  if (workers <= 1) return refs.map((r) => regretOf(nameOf(r), dayOf(r)));
  const out: DayRegret[] = new Array(refs.length);
  let next = 0;
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const w = new Worker(THREAD, { eval: true });
      const give = () => (next < refs.length ? w.postMessage({ i: next, ref: refs[next++] }) : void w.terminate().then(() => resolve()));
      w.on('message', ({ i, regret }: { i: number; regret: DayRegret }) => ((out[i] = regret), give()));
      w.on('error', reject);
      give();
    });
  await Promise.all(Array.from({ length: Math.min(workers, refs.length) }, one));
  return out;
}

if (!isMainThread) parentPort!.on('message', ({ i, ref }: { i: number; ref: DayRef }) => parentPort!.postMessage({ i, regret: regretOf(nameOf(ref), dayOf(ref)) }));
