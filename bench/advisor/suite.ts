import { hallDays, SOURCE_NAMES, SPLIT, type DaySet } from './days.js';
import { percentile } from '../sim/metrics.js';
import { isWorse, luckOf, type Luck } from './luck.js';
import { runAdvisorDay, type AdvisorReport } from './run.js';

// A set of days (HELD-OUT.md) through bench:advisor, and the goal's figures over them: the gap
// closed over all the days (the sum of what the advisor gained over the sum of the gaps), the
// days on which it was more than 5% worse than the fixed roster on mean or p90 wait, and the
// most switches per clerk-hour on any day.

export interface SuiteDay {
  name: string;
  fixedMeanS: number;
  fixedP90S: number;
  advisorMeanS: number;
  advisorP90S: number;
  pooledMeanS: number;
  gapClosedPct: number | null;
  switches: number;
  switchesPerClerkHour: number;
  /** Reserve counters opened (with `reserve`). */
  opened: number;
  fixedUnserved: number;
  advisorUnserved: number;
  /** More than 5% worse than the fixed roster on mean or p90 wait: over served visitors (FORMAT.md), and over every visitor (run.ts withUnserved). */
  worse: boolean;
  worseWithUnserved: boolean;
  /** The same over the visitors both served (run.ts servedInBoth). */
  worseServedInBoth: boolean;
  /** The day's changes at the same times with the roster's services kept, only their idle (run.ts switchCostAlone), more than 5% worse. */
  worseByCostAlone: boolean;
  forecastMae: number;
  lastWeekMae: number | null;
  /** With `shuffles`: the day's switches replayed on that many copies of it (luck.ts). */
  luck?: Luck;
}

export interface SuiteReport {
  set: DaySet;
  accept: number;
  trueArrivals: boolean;
  /** Reserve clerks added to each day's roster (days.ts). */
  reserve: number;
  days: SuiteDay[];
  gapClosedPct: number;
  /** Days more than 5% worse than the fixed roster on mean or p90 wait (over served visitors), with the unserved counted, and over the visitors both served. */
  worseDays: string[];
  worseDaysWithUnserved: string[];
  worseDaysServedInBoth: string[];
  /** Days the changes' idle alone, the roster's services kept, leaves more than 5% worse: the goal's test within what switching costs. */
  worseDaysByCostAlone: string[];
  maxSwitchesPerClerkHour: number;
  /** With `shuffles`: the days expected worse by luck alone, Σ worse copies ÷ copies (served visitors, and with the unserved counted). */
  expectedWorseDays?: { served: number; withUnserved: number };
  forecastMae: number;
  lastWeekMae: number;
  /** advise() calls with at least 10 counters on shift: how many, and their time (ms, wall clock on this machine). */
  adviseMs: { calls: number; mean: number; p95: number; max: number };
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;

export interface SuiteOptions {
  /** The probability the supervisor takes a recommendation. */
  accept: number;
  trueArrivals: boolean;
  /** Reserve clerks added to each day's roster (days.ts). */
  reserve: number;
  /** Each day's switches replayed on this many reshuffled copies of it (luck.ts); 0: not. */
  shuffles: number;
}

export function runSuite(set: DaySet, { accept, trueArrivals, reserve, shuffles }: SuiteOptions, onDay?: (d: SuiteDay) => void): SuiteReport {
  const days: SuiteDay[] = [];
  const bigHallMs: number[] = [];
  for (const source of SOURCE_NAMES)
    for (const seed of SPLIT[set]) {
      const { name, day, history } = hallDays(source, seed, reserve);
      const r: AdvisorReport = runAdvisorDay(day, { history, accept, trueArrivals, estimates: false, seed });
      const d: SuiteDay = {
        name,
        fixedMeanS: r.fixedRoster.meanWaitS,
        fixedP90S: r.fixedRoster.p90WaitS,
        advisorMeanS: r.advisor.meanWaitS,
        advisorP90S: r.advisor.p90WaitS,
        pooledMeanS: r.pooledFcfs.meanWaitS,
        gapClosedPct: r.gapClosedPct,
        switches: r.advisor.switches,
        switchesPerClerkHour: r.advisor.switchesPerClerkHour,
        opened: r.advisor.opened,
        fixedUnserved: r.fixedRoster.unserved,
        advisorUnserved: r.advisor.unserved,
        worse: isWorse(r.advisor, r.fixedRoster),
        worseWithUnserved: isWorse(r.withUnserved.advisor, r.withUnserved.fixedRoster),
        worseServedInBoth: isWorse(r.servedInBoth.advisor, r.servedInBoth.fixedRoster),
        worseByCostAlone: r.switchCostAlone !== null && isWorse(r.switchCostAlone, r.fixedRoster),
        forecastMae: r.forecast.nextHourMae,
        lastWeekMae: r.forecast.sameTimeLastWeekMae,
        ...(shuffles > 0 ? { luck: luckOf(day, r.applied, shuffles, seed) } : {}),
      };
      days.push(d);
      for (const c of r.calls) if (c.counters >= 10) bigHallMs.push(c.ms);
      onDay?.(d);
    }
  const sum = (f: (d: SuiteDay) => number) => days.reduce((a, d) => a + f(d), 0);
  const gap = sum((d) => Math.max(0, d.fixedMeanS - d.pooledMeanS));
  return {
    set,
    accept,
    trueArrivals,
    reserve,
    days,
    gapClosedPct: gap > 0 ? round1((100 * sum((d) => d.fixedMeanS - d.advisorMeanS)) / gap) : 0,
    worseDays: days.filter((d) => d.worse).map((d) => d.name),
    worseDaysWithUnserved: days.filter((d) => d.worseWithUnserved).map((d) => d.name),
    worseDaysServedInBoth: days.filter((d) => d.worseServedInBoth).map((d) => d.name),
    worseDaysByCostAlone: days.filter((d) => d.worseByCostAlone).map((d) => d.name),
    maxSwitchesPerClerkHour: Math.max(0, ...days.map((d) => d.switchesPerClerkHour)),
    ...(shuffles > 0
      ? { expectedWorseDays: { served: round2(sum((d) => d.luck!.worse / shuffles)), withUnserved: round2(sum((d) => d.luck!.worseWithUnserved / shuffles)) } }
      : {}),
    forecastMae: round1(sum((d) => d.forecastMae) / Math.max(1, days.length)),
    lastWeekMae: round1(sum((d) => d.lastWeekMae ?? 0) / Math.max(1, days.length)),
    adviseMs: {
      calls: bigHallMs.length,
      mean: round1(bigHallMs.reduce((a, b) => a + b, 0) / Math.max(1, bigHallMs.length)),
      p95: round1(percentile(bigHallMs, 95)),
      max: round1(Math.max(0, ...bigHallMs)),
    },
  };
}

export function renderDay(d: SuiteDay): string {
  const gap = d.gapClosedPct === null ? '—' : `${d.gapClosedPct}%`;
  return `${d.name.padEnd(13)} fixed ${String(d.fixedMeanS).padStart(6)} s (p90 ${String(d.fixedP90S).padStart(5)})  advisor ${String(d.advisorMeanS).padStart(6)} s (p90 ${String(d.advisorP90S).padStart(5)})  pooled ${String(d.pooledMeanS).padStart(5)} s  gap closed ${gap.padStart(7)}  switches ${d.switches} (${d.switchesPerClerkHour}/clerk-h)  opened ${d.opened}  unserved ${d.fixedUnserved} → ${d.advisorUnserved}  forecast MAE ${d.forecastMae} (last week ${d.lastWeekMae ?? '—'})${d.luck ? `  luck: worse on ${d.luck.worse} of ${d.luck.copies} copies (${d.luck.worseWithUnserved} with the unserved)` : ''}`;
}

const names = (xs: readonly string[]) => (xs.length ? xs.join(', ') : 'none');

export function renderSuite(r: SuiteReport): string {
  return [
    `${r.set} days${r.reserve ? ` with ${r.reserve} reserve clerk${r.reserve > 1 ? 's' : ''}` : ''}, acceptance ${r.accept}${r.trueArrivals ? ', forecast fed the true arrivals' : ''}:`,
    `  gap closed ${r.gapClosedPct}% (over all days); more than 5% worse on mean or p90: ${names(r.worseDays)} ` +
      `(with the unserved counted: ${names(r.worseDaysWithUnserved)}; over the visitors both served: ${names(r.worseDaysServedInBoth)}); ` +
      `at most ${r.maxSwitchesPerClerkHour} switches per clerk-hour; ${r.days.reduce((a, d) => a + d.opened, 0)} reserve counters opened on ${r.days.filter((d) => d.opened > 0).length} days; next-hour forecast MAE ${r.forecastMae} arrivals per service (same time last week: ${r.lastWeekMae})`,
    `  the same changes at the same times with every counter keeping the roster's services (only each switch's idle): more than 5% worse on ${names(r.worseDaysByCostAlone)}`,
    ...(r.expectedWorseDays
      ? [`  days expected worse by luck alone (each day's switches on reshuffled copies of it): ${r.expectedWorseDays.served} (with the unserved counted: ${r.expectedWorseDays.withUnserved})`]
      : []),
    `  advise() with 10+ counters on shift: ${r.adviseMs.calls} calls, mean ${r.adviseMs.mean} ms, p95 ${r.adviseMs.p95} ms, max ${r.adviseMs.max} ms`,
  ].join('\n');
}
