import { rng } from '../day/generate.js';
import type { Day } from '../sim/day.js';
import { figures } from '../sim/metrics.js';
import { simulate } from '../sim/simulate.js';
import { replay, withUnserved, type StaffingChange, type Waits } from './run.js';

// A day's luck (HELD-OUT.md, ninth attempt): is a day the advisor left worse a wrong choice or
// chance? The switches it made are replayed at the same times on copies of the day whose visit
// lengths are reshuffled among the visitors of each service (the same arrivals, the same lengths
// for each service, drawn by different visitors), and each copy is judged as the day is: more
// than 5% worse than its fixed roster on mean or p90 wait. Switches that help on nearly every copy
// are a choice; a day worse on a few copies only is worse by its luck.

export const WORSE_TOLERANCE = 1.05;

export interface Luck {
  copies: number;
  /** Copies on which the switches leave the day more than 5% worse (served visitors, FORMAT.md). */
  worse: number;
  /** The same with the unserved counted as waiting until closing. */
  worseWithUnserved: number;
}

export const isWorse = (a: Waits, than: Waits) =>
  a.meanWaitS > WORSE_TOLERANCE * than.meanWaitS || a.p90WaitS > WORSE_TOLERANCE * than.p90WaitS;

/** The day with each service's visit lengths dealt again among its visitors. */
export function reshuffled(day: Day, seed: number): Day {
  const random = rng(seed);
  const lengths = new Map<number, number[]>();
  for (const v of day.visitors) {
    if (!lengths.has(v.serviceId)) lengths.set(v.serviceId, []);
    lengths.get(v.serviceId)!.push(v.serviceS);
  }
  for (const xs of lengths.values())
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [xs[i], xs[j]] = [xs[j]!, xs[i]!];
    }
  return { ...day, visitors: day.visitors.map((v) => ({ ...v, serviceS: lengths.get(v.serviceId)!.pop()! })) };
}

export function luckOf(day: Day, applied: readonly StaffingChange[], copies: number, seed = 1): Luck {
  const luck: Luck = { copies, worse: 0, worseWithUnserved: 0 };
  if (applied.length === 0) return luck;
  for (let k = 0; k < copies; k++) {
    const copy = reshuffled(day, seed * 1000 + k);
    const fixed = simulate(copy, 'default', { estimates: false });
    const switched = simulate(copy, 'default', { estimates: false, staffing: replay(applied) });
    if (isWorse(figures(copy, switched), figures(copy, fixed))) luck.worse++;
    if (isWorse(withUnserved(copy, switched), withUnserved(copy, fixed))) luck.worseWithUnserved++;
  }
  return luck;
}
