import { ROUTING_POLICIES, type RoutingPolicy } from '../../server/engine/types.js';
import { shortfall, type Criterion } from './bar.js';
import type { Day } from './day.js';
import { figures } from './metrics.js';
import type { DayReport } from './run.js';
import { simulate } from './simulate.js';

// A rule's regret on one day (issue 17): how far it falls short of the best of the four rules
// that day, on the within-target share (points), the mean wait and the longest wait (% above the
// best). The goal, per day: within GOAL of the best on all three. A day's `score` folds the three
// into one number, the largest of each shortfall over its allowance: ≤ 1 meets the goal.

export const GOAL = { within: 2, mean: 10, longest: 15 } as const satisfies Partial<Record<Criterion, number>>;
export const GOAL_CRITERIA = Object.keys(GOAL) as (keyof typeof GOAL)[];
export type GoalCriterion = (typeof GOAL_CRITERIA)[number];

export interface RuleOnDay {
  withinTargetPct: number;
  meanWaitS: number;
  maxWaitS: number;
  shortfall: Record<GoalCriterion, number>;
  score: number;
}

export interface DayRegret {
  name: string;
  visitors: number;
  features: HallFeatures;
  rules: Record<RoutingPolicy, RuleOnDay>;
}

/** What a hall can measure of a day from its own records, to tell which rule suits it. */
export interface HallFeatures {
  /** Offered work (Σ visit lengths) over the counters' time between the first and the last arrival. */
  load: number;
  /** Services per counter, on average. */
  skillsPerCounter: number;
  /** Counters serving every service, as a share of all. */
  generalistShare: number;
  /** Coefficient of variation of visit lengths within a service, averaged over visitors. */
  cv: number;
  priorityPct: number;
}

export function regretOf(name: string, day: Day): DayRegret {
  const report = { policies: {} } as DayReport;
  for (const p of ROUTING_POLICIES) report.policies[p] = figures(day, simulate(day, p, { estimates: false }));
  const rules = {} as DayRegret['rules'];
  for (const p of ROUTING_POLICIES) {
    const f = report.policies[p];
    const short = Object.fromEntries(GOAL_CRITERIA.map((c) => [c, round1(shortfall(report, p, c) ?? 0)])) as RuleOnDay['shortfall'];
    const score = Math.max(...GOAL_CRITERIA.map((c) => short[c] / GOAL[c]));
    rules[p] = { withinTargetPct: f.withinTargetPct, meanWaitS: f.meanWaitS, maxWaitS: f.maxWaitS, shortfall: short, score: Math.round(score * 100) / 100 };
  }
  return { name, visitors: day.visitors.length, features: featuresOf(day), rules };
}

export const meetsGoal = (r: RuleOnDay): boolean => r.score <= 1;

export function featuresOf(day: Day): HallFeatures {
  const { visitors, counters, services } = day;
  const first = visitors[0]?.arrivalS ?? 0;
  const last = visitors[visitors.length - 1]?.arrivalS ?? 0;
  const counterS = counters.reduce((a, c) => a + Math.max(0, Math.min(c.endS, last) - Math.max(c.startS, first)), 0);
  const work = visitors.reduce((a, v) => a + v.serviceS, 0);
  let cvSum = 0;
  for (const s of services) {
    const xs = visitors.filter((v) => v.serviceId === s.id).map((v) => v.serviceS);
    if (xs.length < 2) continue;
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
    cvSum += m > 0 ? (sd / m) * xs.length : 0;
  }
  const n = Math.max(1, visitors.length);
  return {
    load: round2(counterS > 0 ? work / counterS : 0),
    skillsPerCounter: round2(counters.reduce((a, c) => a + c.serviceIds.length, 0) / Math.max(1, counters.length)),
    generalistShare: round2(counters.filter((c) => c.serviceIds.length === services.length).length / Math.max(1, counters.length)),
    cv: round2(cvSum / n),
    priorityPct: round1((100 * visitors.filter((v) => v.priority).length) / n),
  };
}

export interface RuleSummary {
  policy: RoutingPolicy;
  days: number;
  /** Days on which the rule is within GOAL of the best on all three. */
  meetsGoal: number;
  worst: Record<GoalCriterion, number> & { score: number };
  medianScore: number;
}

export function summarize(days: readonly DayRegret[]): RuleSummary[] {
  return ROUTING_POLICIES.map((policy) => {
    const on = days.map((d) => d.rules[policy]);
    const scores = on.map((r) => r.score).sort((a, b) => a - b);
    const worst = Object.fromEntries(GOAL_CRITERIA.map((c) => [c, Math.max(0, ...on.map((r) => r.shortfall[c]))])) as RuleSummary['worst'];
    worst.score = scores[scores.length - 1] ?? 0;
    return { policy, days: days.length, meetsGoal: on.filter(meetsGoal).length, worst, medianScore: scores[Math.floor((scores.length - 1) / 2)] ?? 0 };
  });
}

/** The rule meeting the goal on the most days; then the smallest worst score; then the default's order. */
export function bestRule(summary: readonly RuleSummary[]): RuleSummary {
  return [...summary].sort((a, b) => b.meetsGoal - a.meetsGoal || a.worst.score - b.worst.score)[0]!;
}

/** "within target −1.2 points, mean wait +8%, longest wait +20%". */
export function describeShortfall(s: Record<GoalCriterion, number>): string {
  return `within target ${s.within ? `−${s.within}` : 0} points, mean wait +${s.mean}%, longest wait +${s.longest}%`;
}

const round1 = (x: number) => (Number.isFinite(x) ? Math.round(x * 10) / 10 : x);
const round2 = (x: number) => Math.round(x * 100) / 100;
