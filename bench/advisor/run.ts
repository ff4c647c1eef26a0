import { forecastInputOf } from '../../server/engine/forecast-input.js';
import { advise } from '../../server/engine/advisor/advise.js';
import { BIN_MIN, expectedCounts, forecastArrivals, HORIZON_MIN } from '../../server/engine/advisor/forecast.js';
import { QUIET_AFTER_DISMISS_MS, type Advice, type AdvisorCounter, type AdvisorInput, type BinnedArrivals } from '../../server/engine/advisor/types.js';
import { rng } from '../day/generate.js';
import type { Day } from '../sim/day.js';
import { figures, percentile, policyFigures, type Figures, type PolicyFigures } from '../sim/metrics.js';
import { simulate, type RunResult, type Staffing } from '../sim/simulate.js';
import { pooledDay } from '../sim/variants.js';

// One day three ways (FORMAT.md "Extensions (v2)", bench:advisor): the fixed roster, the roster
// with the advisor's recommendations applied, and pooled FCFS. The advisor is asked every
// TICK_S and whenever a counter opens or closes, with what is known then: the arrivals so far
// and the history days. Each recommendation is taken with probability `accept` (seeded) and
// applied DELAY_S later (simulate.ts idles the counter SWITCH_IDLE_S); one not taken is not
// offered again for QUIET_AFTER_DISMISS_MS, as in the hall. A counter with a shift and no services
// in the roster is a reserve clerk: shown to the advisor as closed, it serves from when an "open a
// counter" naming it is taken (and applied DELAY_S later) to the end of its shift; pooled FCFS is
// run without it. A counter outside its shift is not shown to the advisor.

const TICK_S = 600;
const DELAY_S = 180;

export interface AdvisorOptions {
  history: readonly Day[];
  /** The probability the supervisor takes a recommendation. */
  accept: number;
  /** The forecast is fed the day's true arrivals (the day itself as its only history). */
  trueArrivals?: boolean;
  /** Take the wait estimates too (bench:sim's eta fields); the suite skips them. */
  estimates?: boolean;
  seed?: number;
}

export interface ForecastError {
  /** Mean absolute error of the next hour's arrivals per service, at each time the advisor was asked. */
  nextHourMae: number;
  /** The same for "same time last week" (the most recent history day). */
  sameTimeLastWeekMae: number | null;
}

/** A counter's services changed on the advisor's word: when (s), and to what. */
export interface StaffingChange {
  atS: number;
  counterId: number;
  serviceIds: number[];
}

/** A day's mean and p90 wait (s), as the goal compares them. */
export type Waits = Pick<Figures, 'meanWaitS' | 'p90WaitS'>;

export interface AdvisorReport {
  fixedRoster: PolicyFigures;
  /** `opened`: reserve counters opened on the advisor's word (not counted in `switches`). */
  advisor: PolicyFigures & { switches: number; opened: number; switchesPerClerkHour: number };
  pooledFcfs: Figures;
  gapClosedPct: number | null;
  forecast: ForecastError;
  /**
   * Mean and p90 wait over every visitor, one never called counted as waiting until the last
   * counter closed: the figures above are over served visitors (FORMAT.md), so a roster that serves
   * more of a long line looks worse there than one that sends them home.
   */
  withUnserved: Record<'fixedRoster' | 'advisor' | 'pooledFcfs', Waits>;
  /**
   * Mean and p90 wait over the visitors both the fixed roster and the advisor served: a day worse
   * over served visitors but not over these is worse only by the visitors the advisor served and
   * the fixed roster sent home.
   */
  servedInBoth: { visitors: number } & Record<'fixedRoster' | 'advisor', Waits>;
  /**
   * The day with the same changes at the same times but every counter keeping the roster's
   * services, so each costs its clerk SWITCH_IDLE_S and nothing else (null: no change). A day this
   * alone leaves more than 5% worse is one where the goal's test is within what switching costs.
   */
  switchCostAlone: Waits | null;
  /** Every change made on a recommendation taken (reserve counters opened too), in order. */
  applied: StaffingChange[];
  /** Every recommendation shown, with its time and whether it was taken. */
  log: { t: number; advice: Advice; taken: boolean }[];
  /** Each advise() call: its CPU time (ms, wall clock) and the counters it was shown. */
  calls: { ms: number; counters: number }[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/** serviceId → arrivals per 15-minute bin of a day's walk-ins, those before `untilS` only. */
function binned(day: Day, untilS = Infinity): Map<number, number[]> {
  const out = new Map<number, number[]>(day.services.map((s) => [s.id, []]));
  for (const v of day.visitors) {
    if (v.slotS !== null || v.arrivalS >= untilS) continue;
    const bins = out.get(v.serviceId)!;
    const b = Math.floor(v.arrivalS / 60 / BIN_MIN);
    bins[b] = (bins[b] ?? 0) + 1;
  }
  return out;
}

/** A history day's arrivals, by this day's service ids (matched by code). */
function historyOf(day: Day, other: Day): BinnedArrivals {
  const ids = new Map(day.services.map((s) => [s.code, s.id]));
  const own = binned(other);
  return new Map(other.services.filter((s) => ids.has(s.code)).map((s) => [ids.get(s.code)!, own.get(s.id)!]));
}

export function runAdvisorDay(day: Day, opts: AdvisorOptions): AdvisorReport {
  const estimates = opts.estimates ?? true;
  const history = (opts.trueArrivals ? [day] : opts.history).map((h) => historyOf(day, h));
  const fixed = simulate(day, 'default', { estimates });
  const reserve = new Set(day.counters.filter((c) => c.serviceIds.length === 0).map((c) => c.id));
  const pooled = pooledDay({ ...day, counters: day.counters.filter((c) => !reserve.has(c.id)) });
  const pooledRun = simulate(pooled, 'oldest-first', { estimates });

  const random = rng((opts.seed ?? 1) * 7 + 1);
  const shifts = [...new Set(day.counters.flatMap((c) => [c.startS, c.endS]))].sort((a, b) => a - b);
  const firstS = shifts[0] ?? 0;
  const services = new Map(day.counters.map((c) => [c.id, c.serviceIds]));
  const changedAt = new Map<number, number>();
  const pending: StaffingChange[] = [];
  const applied: StaffingChange[] = [];
  /** Reserve counters opened, and when. */
  const openedAt = new Map<number, number>();
  const dismissed = new Map<string, number>();
  const log: AdvisorReport['log'] = [];
  const calls: AdvisorReport['calls'] = [];
  const errors: { forecast: number; naive: number | null }[] = [];
  let switches = 0;

  const isTick = (t: number) => t >= firstS && (t - firstS) % TICK_S === 0;
  const staffing: Staffing = {
    nextAt(t) {
      const tick = t < firstS ? firstS : firstS + (Math.floor((t - firstS) / TICK_S) + 1) * TICK_S;
      const shift = shifts.find((s) => s > t) ?? Infinity;
      const apply = Math.min(Infinity, ...pending.filter((p) => p.atS > t).map((p) => p.atS));
      const last = Math.max(...shifts);
      return Math.min(tick > last ? Infinity : tick, shift, apply);
    },
    at(t, hall) {
      const changes = pending.filter((p) => p.atS === t);
      for (const p of changes) {
        pending.splice(pending.indexOf(p), 1);
        applied.push(p);
        if (reserve.has(p.counterId) && !openedAt.has(p.counterId)) openedAt.set(p.counterId, t);
        else switches++;
        services.set(p.counterId, p.serviceIds);
        changedAt.set(p.counterId, t);
      }
      if (!isTick(t) && !shifts.includes(t)) return changes;

      const onShift = day.counters.filter((c) => c.startS <= t && t < c.endS);
      if (onShift.length === 0) return changes;
      const freeIn = new Map(forecastInputOf(hall, { openOnly: true }).counters.map((c) => [c.id, c]));
      const counters = onShift.map(
        (c): AdvisorCounter => ({
          id: c.id,
          number: c.id,
          serviceIds: services.get(c.id)!,
          qualifiedServiceIds: c.qualifiedServiceIds,
          state: services.get(c.id)!.length === 0 ? 'closed' : 'open',
          servicesChangedAt: changedAt.has(c.id) ? changedAt.get(c.id)! * 1000 : null,
          freeInMs: freeIn.get(c.id)?.freeInMs ?? 0,
          priorityStreak: freeIn.get(c.id)?.priorityStreak ?? 0,
          closesInMs: (c.endS - t) * 1000,
        }),
      );
      const input: AdvisorInput = {
        now: t * 1000,
        minuteOfDay: t / 60,
        counters,
        waiting: hall.waiting,
        durations: hall.durations,
        rules: hall.rules,
        history,
        today: binned(day, t),
        closesAt: null,
        seed: t,
      };
      if (isTick(t)) errors.push(forecastError(day, input, t));
      const started = performance.now();
      const advised = advise(input);
      calls.push({ ms: performance.now() - started, counters: counters.length });
      for (const advice of advised) {
        if (advice.counterId === null || pending.some((p) => p.counterId === advice.counterId)) continue;
        const key = `${advice.kind}/${advice.counterId}/${advice.kind === 'open-counter' ? advice.serviceIds : advice.serviceId}`;
        if (t - (dismissed.get(key) ?? -Infinity) < QUIET_AFTER_DISMISS_MS / 1000) continue;
        const taken = random() < opts.accept;
        log.push({ t, advice, taken });
        if (!taken) {
          dismissed.set(key, t);
          continue;
        }
        const now = services.get(advice.counterId)!;
        const next =
          advice.kind === 'open-counter' ? advice.serviceIds : advice.kind === 'add-service' ? [...now, advice.serviceId] : now.filter((id) => id !== advice.serviceId);
        pending.push({ atS: t + DELAY_S, counterId: advice.counterId, serviceIds: next });
      }
      return changes;
    },
  };
  const withAdvice = simulate(day, 'default', { estimates, staffing });

  const fixedFigures = policyFigures(day, fixed);
  const advisorFigures = policyFigures(day, withAdvice);
  const pooledFigures = figures(pooled, pooledRun);
  const clerkHours = day.counters.reduce((a, c) => a + (c.endS - (reserve.has(c.id) ? (openedAt.get(c.id) ?? c.endS) : c.startS)) / 3600, 0);
  const gap = fixedFigures.meanWaitS - pooledFigures.meanWaitS;
  const naive = errors.map((e) => e.naive).filter((x) => x !== null);
  return {
    fixedRoster: fixedFigures,
    advisor: { ...advisorFigures, switches, opened: openedAt.size, switchesPerClerkHour: Math.round((switches / Math.max(1e-9, clerkHours)) * 1000) / 1000 },
    pooledFcfs: pooledFigures,
    gapClosedPct: gap > 0 ? round1((100 * (fixedFigures.meanWaitS - advisorFigures.meanWaitS)) / gap) : null,
    withUnserved: { fixedRoster: withUnserved(day, fixed), advisor: withUnserved(day, withAdvice), pooledFcfs: withUnserved(pooled, pooledRun) },
    servedInBoth: servedInBoth(day, fixed, withAdvice),
    switchCostAlone: applied.length === 0 ? null : meanAndP90(figures(day, costAlone(day, applied, estimates))),
    forecast: { nextHourMae: round1(mean(errors.map((e) => e.forecast))), sameTimeLastWeekMae: naive.length ? round1(mean(naive)) : null },
    applied,
    log,
    calls,
  };
}

/** The same changes at the same times, whatever the day does. */
export function replay(changes: readonly StaffingChange[]): Staffing {
  return {
    nextAt: (t) => Math.min(Infinity, ...changes.filter((c) => c.atS > t).map((c) => c.atS)),
    at: (t) => changes.filter((c) => c.atS === t),
  };
}

/** The day with `changes` made at their times, each counter keeping the roster's services: only their idle. */
export function costAlone(day: Day, changes: readonly StaffingChange[], estimates = false): RunResult {
  const roster = new Map(day.counters.map((c) => [c.id, c.serviceIds]));
  return simulate(day, 'default', { estimates, staffing: replay(changes.map((c) => ({ ...c, serviceIds: roster.get(c.counterId)! }))) });
}

/** Mean and p90 wait over every visitor, one never called counted as waiting until the last counter closed. */
export function withUnserved(day: Day, run: RunResult): Waits {
  const lastS = Math.max(...day.counters.map((c) => c.endS));
  return waitsOf(day.visitors.map((v) => run.visits[v.index]!.waitS ?? Math.max(0, lastS - v.arrivalS)));
}

export function servedInBoth(day: Day, a: RunResult, b: RunResult): AdvisorReport['servedInBoth'] {
  const both = day.visitors.filter((v) => a.visits[v.index]!.waitS !== null && b.visits[v.index]!.waitS !== null);
  const waits = (run: RunResult) => waitsOf(both.map((v) => run.visits[v.index]!.waitS!));
  return { visitors: both.length, fixedRoster: waits(a), advisor: waits(b) };
}

const waitsOf = (waitsS: number[]): Waits => ({ meanWaitS: round1(mean(waitsS)), p90WaitS: round1(percentile(waitsS, 90)) });
const meanAndP90 = ({ meanWaitS, p90WaitS }: Figures): Waits => ({ meanWaitS, p90WaitS });

/** At `t`: the forecast's and "same time last week"'s absolute error on each service's next-hour arrivals (mean over services). */
function forecastError(day: Day, input: AdvisorInput, t: number): { forecast: number; naive: number | null } {
  const counts = expectedCounts(forecastArrivals(input));
  const actual = new Map(day.services.map((s) => [s.id, 0]));
  for (const v of day.visitors) if (v.slotS === null && v.arrivalS >= t && v.arrivalS < t + HORIZON_MIN * 60) actual.set(v.serviceId, actual.get(v.serviceId)! + 1);
  const lastWeek = input.history[0];
  const minute0 = Math.floor(t / 60);
  let f = 0;
  let n = 0;
  for (const [id, a] of actual) {
    f += Math.abs((counts.get(id) ?? 0) - a);
    if (lastWeek) {
      let expected = 0;
      for (let m = 0; m < HORIZON_MIN; m++) expected += (lastWeek.get(id)?.[Math.floor((minute0 + m) / BIN_MIN)] ?? 0) / BIN_MIN;
      n += Math.abs(expected - a);
    }
  }
  const k = Math.max(1, actual.size);
  return { forecast: f / k, naive: lastWeek ? n / k : null };
}
