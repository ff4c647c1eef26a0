import { ENGINE_POLICIES, ROUTING_POLICIES, type EnginePolicy, type RoutingPolicy } from '../../server/engine/types.js';
import type { Day } from './day.js';
import { figures, policyFigures, withinTargetOfAll, type Figures, type PolicyFigures } from './metrics.js';
import { simulate, type RunOptions, type RunResult } from './simulate.js';
import { pooledDay, scaledDay } from './variants.js';

// One day through every policy and the pooled reference: the object `--json` prints. A day with
// appointments is run with TheQ's strict precedence too, to compare.

type ByPolicy<T> = Record<RoutingPolicy, T> & { 'strict-appointments'?: T };

export interface DayReport {
  policies: ByPolicy<PolicyFigures>;
  references: { pooledFcfs: Figures };
}

export interface DayRuns {
  day: Day;
  runs: ByPolicy<RunResult>;
  pooled: { day: Day; run: RunResult };
}

/** The policies a day is run with. */
export function policiesFor(day: Day): readonly EnginePolicy[] {
  return day.visitors.some((v) => v.slotS !== null) ? ENGINE_POLICIES : ROUTING_POLICIES;
}

export function runDay(day: Day, opts: RunOptions = {}): DayRuns {
  const runs = {} as ByPolicy<RunResult>;
  for (const p of policiesFor(day)) runs[p] = simulate(day, p, opts);
  const pooled = pooledDay(day);
  return { day, runs, pooled: { day: pooled, run: simulate(pooled, 'oldest-first', opts) } };
}

export function report(r: DayRuns): DayReport {
  const policies = {} as ByPolicy<PolicyFigures>;
  for (const p of policiesFor(r.day)) policies[p] = policyFigures(r.day, r.runs[p]!);
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
