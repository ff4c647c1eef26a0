import { ROUTING_POLICIES, type RoutingPolicy } from '../../server/engine/types.js';
import type { Day } from './day.js';
import { figures, withinTargetOfAll, type Figures } from './metrics.js';
import { simulate, type RunOptions, type RunResult } from './simulate.js';
import { pooledDay, scaledDay } from './variants.js';

// One day through every policy and the pooled reference: the object `--json` prints.

export interface DayReport {
  policies: Record<RoutingPolicy, Figures>;
  references: { pooledFcfs: Figures };
}

export interface DayRuns {
  day: Day;
  runs: Record<RoutingPolicy, RunResult>;
  pooled: { day: Day; run: RunResult };
}

export function runDay(day: Day, opts: RunOptions = {}): DayRuns {
  const runs = {} as Record<RoutingPolicy, RunResult>;
  for (const p of ROUTING_POLICIES) runs[p] = simulate(day, p, opts);
  const pooled = pooledDay(day);
  return { day, runs, pooled: { day: pooled, run: simulate(pooled, 'oldest-first', opts) } };
}

export function report(r: DayRuns): DayReport {
  const policies = {} as Record<RoutingPolicy, Figures>;
  for (const p of ROUTING_POLICIES) policies[p] = figures(r.day, r.runs[p]);
  return { policies, references: { pooledFcfs: figures(r.pooled.day, r.pooled.run) } };
}

export interface Sizing {
  policy: RoutingPolicy;
  sharePct: number;
  /** Fewest counters meeting every service's target for sharePct of its visitors, or null. */
  counters: number | null;
  /** Per service code: % of its visitors called within target with that many counters. */
  withinTargetPct: Record<string, number>;
}

/** Tries 1, 2, … counters (the roster's mix, scaled) until every service meets its target. */
export function findCounters(day: Day, policy: RoutingPolicy, sharePct = 90, maxCounters = Math.max(50, 4 * day.counters.length)): Sizing {
  let last: Record<string, number> = {};
  for (let n = 1; n <= maxCounters; n++) {
    const scaled = scaledDay(day, n);
    const run = simulate(scaled, policy, { estimates: false });
    last = Object.fromEntries(day.services.map((s) => [s.code, Math.round(withinTargetOfAll(scaled, run, s.id) * 10) / 10]));
    if (Object.values(last).every((pct) => pct >= sharePct)) return { policy, sharePct, counters: n, withinTargetPct: last };
  }
  return { policy, sharePct, counters: null, withinTargetPct: last };
}
