import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RoutingPolicy } from '../../server/engine/types.js';
import { DayFormatError, loadDay, type Day } from './day.js';
import { bestRule, describeShortfall, GOAL, meetsGoal, regretOf, summarize, type DayRegret, type RuleSummary } from './regret.js';

// bench:sim --find-policy --history DIR: which rule suits a hall, from its own past days. Each
// offered rule runs every day; the one within the issue 17 goal of the best rule (regret.ts) on
// the most days is recommended, then the one with the smallest worst score, then the default.

export interface PolicyAdvice {
  goal: typeof GOAL;
  days: DayRegret[];
  rules: RuleSummary[];
  recommended: RuleSummary;
}

/**
 * The days in DIR: every NAME.trace.csv, with NAME.roster.json, or else DIR/roster.json (one
 * roster for every day). Sorted by name.
 */
export function loadHistory(dir: string): { name: string; day: Day }[] {
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch (e) {
    throw new DayFormatError(`cannot read ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const traces = files.filter((f) => f.endsWith('.trace.csv')).sort();
  if (traces.length === 0) throw new DayFormatError(`${dir}: no NAME.trace.csv in it`);
  return traces.map((f) => {
    const name = f.slice(0, -'.trace.csv'.length);
    const own = join(dir, `${name}.roster.json`);
    const roster = existsSync(own) ? own : join(dir, 'roster.json');
    if (!existsSync(roster)) throw new DayFormatError(`${dir}: no ${name}.roster.json nor roster.json for ${f}`);
    return { name, day: loadDay(join(dir, f), roster) };
  });
}

export function findPolicy(history: readonly { name: string; day: Day }[]): PolicyAdvice {
  const days = history.map(({ name, day }) => regretOf(name, day));
  const rules = summarize(days);
  return { goal: GOAL, days, rules, recommended: bestRule(rules) };
}

/** One line per rule, the recommended one first. */
export function renderAdvice(a: PolicyAdvice): string {
  const line = (s: RuleSummary) => `${s.policy}: within the goal on ${s.meetsGoal} of ${s.days} days; worst: ${describeShortfall(s.worst)}`;
  return [
    `Recommended: ${line(a.recommended)}`,
    `(goal per day: within ${a.goal.within} points of the best rule's within-target share, ${a.goal.mean}% of its mean wait, ${a.goal.longest}% of its longest wait)`,
    ...a.rules.filter((s) => s !== a.recommended).map((s) => `  ${line(s)}`),
  ].join('\n');
}

export interface AdviceCheck {
  hall: string;
  recommended: RoutingPolicy;
  /** On the hall's days after its history: days within the goal for the recommended rule and the default. */
  later: { days: number; recommended: number; default: number };
}

/** Map.groupBy, which Node 20 lacks. */
function groupBy<T, K>(xs: readonly T[], key: (x: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const x of xs) out.set(key(x), [...(out.get(key(x)) ?? []), x]);
  return out;
}

/** Per hall (source and seed): the rule recommended from its first `k` days, on its later ones. */
export function checkAdvice(days: readonly DayRegret[], k: number): AdviceCheck[] {
  const halls = groupBy(days, (d) => d.name.split('~')[0]!);
  return [...halls].map(([hall, of]) => {
    const recommended = bestRule(summarize(of.slice(0, k))).policy;
    const later = of.slice(k);
    const count = (p: RoutingPolicy) => later.filter((d) => meetsGoal(d.rules[p])).length;
    return { hall, recommended, later: { days: later.length, recommended: count(recommended), default: count('default') } };
  });
}
