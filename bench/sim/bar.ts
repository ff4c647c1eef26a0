import { ROUTING_POLICIES, type RoutingPolicy } from '../../server/engine/types.js';
import type { Figures } from './metrics.js';
import type { DayReport } from './run.js';

// The bar the default policy is held to (issue 3), against each peer on one day: within target
// at least every peer's; mean wait within a few percent of the best peer's; longest wait and
// priority visitors' mean wait at most every peer's.

export const PEERS = ROUTING_POLICIES.filter((p): p is Exclude<RoutingPolicy, 'default'> => p !== 'default');

export const CRITERIA = ['within', 'mean', 'longest', 'priority'] as const;
export type Criterion = (typeof CRITERIA)[number];

/** The figure each criterion reads, and whether more is better. */
export const FIGURE_OF: Record<Criterion, { key: keyof Figures; higherIsBetter: boolean }> = {
  within: { key: 'withinTargetPct', higherIsBetter: true },
  mean: { key: 'meanWaitS', higherIsBetter: false },
  longest: { key: 'maxWaitS', higherIsBetter: false },
  priority: { key: 'priorityMeanWaitS', higherIsBetter: false },
};

export interface Verdict {
  criterion: Criterion;
  /** null: not applicable (a day without priority visitors). */
  ok: boolean | null;
  /** The figure of the policy held to the bar (the default, unless asked otherwise). */
  own: number | null;
  /** The others it is held against. */
  peers: Partial<Record<RoutingPolicy, number | null>>;
}

/** The bar for `candidate` against the other three policies (for the default: its three peers). */
export function barVerdicts(r: DayReport, meanSlackPct = 3, candidate: RoutingPolicy = 'default'): Verdict[] {
  const others = ROUTING_POLICIES.filter((p) => p !== candidate);
  return CRITERIA.map((criterion) => {
    const { key, higherIsBetter } = FIGURE_OF[criterion];
    const value = (f: Figures) => f[key] as number | null;
    const own = value(r.policies[candidate]);
    const peers = Object.fromEntries(others.map((p) => [p, value(r.policies[p])])) as Verdict['peers'];
    const theirs = Object.values(peers).filter((v): v is number => v != null);
    if (own === null || theirs.length === 0) return { criterion, ok: null, own, peers };
    const best = higherIsBetter ? Math.max(...theirs) : Math.min(...theirs);
    const slack = criterion === 'mean' ? 1 + meanSlackPct / 100 : 1;
    const ok = higherIsBetter ? own >= best : own <= best * slack;
    return { criterion, ok, own, peers };
  });
}

/**
 * How far `policy` is from the best of all four policies on a criterion that day: percentage
 * points below the best within-target share, or % above the lowest wait. 0 for the best.
 */
export function shortfall(r: DayReport, policy: RoutingPolicy, criterion: Criterion): number | null {
  const { key, higherIsBetter } = FIGURE_OF[criterion];
  const values = ROUTING_POLICIES.map((p) => r.policies[p][key] as number | null).filter((v): v is number => v !== null);
  const own = r.policies[policy][key] as number | null;
  if (own === null || values.length === 0) return null;
  if (higherIsBetter) return Math.max(...values) - own;
  const best = Math.min(...values);
  return best === 0 ? (own === 0 ? 0 : Infinity) : (own / best - 1) * 100;
}
