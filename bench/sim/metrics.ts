import type { Day } from './day.js';
import type { RunResult } from './simulate.js';

// The figures of FORMAT.md. Waits are over served visitors (called before the last counter
// closed). withinTargetPct: % of served visitors called within their service's targetWaitS
// (wait ≤ target). p90WaitS: nearest rank, the ⌈0.9·n⌉-th smallest wait. priorityMeanWaitS is
// null on a day without priority visitors. etaMaeS / etaNaiveMaeS: mean |estimate − wait| over
// served visitors that had an estimate (a service no counter would ever serve has none).
// Seconds, to one decimal.

export interface Figures {
  meanWaitS: number;
  p90WaitS: number;
  maxWaitS: number;
  withinTargetPct: number;
  priorityMeanWaitS: number | null;
  idleWhileEligible: number;
  etaMaeS: number | null;
  etaNaiveMaeS: number | null;
  served: number;
  unserved: number;
}

export const FIGURE_KEYS = [
  'meanWaitS',
  'p90WaitS',
  'maxWaitS',
  'withinTargetPct',
  'priorityMeanWaitS',
  'idleWhileEligible',
  'etaMaeS',
  'etaNaiveMaeS',
  'served',
  'unserved',
] as const satisfies readonly (keyof Figures)[];

const round1 = (x: number) => Math.round(x * 10) / 10;
const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

/** Nearest-rank percentile of a list (0 for an empty one). */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return 0;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Figures over the visitors `include` keeps (all by default). */
export function figures(day: Day, run: RunResult, include: (serviceId: number) => boolean = () => true): Figures {
  const target = new Map(day.services.map((s) => [s.id, s.targetWaitS]));
  const waits: number[] = [];
  const priorityWaits: number[] = [];
  const etaErr: number[] = [];
  const naiveErr: number[] = [];
  let within = 0;
  let unserved = 0;
  for (const v of day.visitors) {
    if (!include(v.serviceId)) continue;
    const visit = run.visits[v.index]!;
    if (visit.waitS === null) {
      unserved++;
      continue;
    }
    waits.push(visit.waitS);
    if (v.priority) priorityWaits.push(visit.waitS);
    if (visit.waitS <= target.get(v.serviceId)!) within++;
    if (visit.etaS !== null) etaErr.push(Math.abs(visit.etaS - visit.waitS));
    if (visit.naiveS !== null) naiveErr.push(Math.abs(visit.naiveS - visit.waitS));
  }
  return {
    meanWaitS: round1(mean(waits)),
    p90WaitS: round1(percentile(waits, 90)),
    maxWaitS: round1(waits.length ? Math.max(...waits) : 0),
    withinTargetPct: round1(waits.length ? (100 * within) / waits.length : 0),
    priorityMeanWaitS: priorityWaits.length ? round1(mean(priorityWaits)) : null,
    idleWhileEligible: run.idleWhileEligible,
    etaMaeS: etaErr.length ? round1(mean(etaErr)) : null,
    etaNaiveMaeS: naiveErr.length ? round1(mean(naiveErr)) : null,
    served: waits.length,
    unserved,
  };
}

/** Share of a service's visitors (served or not) called within target: the sizing test. */
export function withinTargetOfAll(day: Day, run: RunResult, serviceId: number): number {
  const target = day.services.find((s) => s.id === serviceId)!.targetWaitS;
  let n = 0;
  let ok = 0;
  for (const v of day.visitors) {
    if (v.serviceId !== serviceId) continue;
    n++;
    const w = run.visits[v.index]!.waitS;
    if (w !== null && w <= target) ok++;
  }
  return n === 0 ? 100 : (100 * ok) / n;
}
