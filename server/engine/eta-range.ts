// A range around the wait estimate, meant to hold the real wait 80% of the time. It is
// calibrated on the day's own record: for every visitor already called, the estimate they were
// given at issue against the wait they had. Errors grow with the estimate, so each is measured
// relative to it: z = (wait − estimate) / (estimate + scale), and the range is
// estimate + [z_low, z_high] × (estimate + scale), two percentiles of the latest z (see
// calibrate) shrunk towards ±prior while the record is short, then each side moved by the
// day's misses on it (observe). The same code runs in the server and in bench:sim;
// BENCHMARKS.md, "Estimate ranges", says how the constants were chosen.

export interface EtaOutcome {
  /** The estimate given at issue, ms. */
  estimateMs: number;
  /** The wait the visitor had until called, ms. */
  waitMs: number;
}

export interface EtaRange {
  lowMs: number;
  highMs: number;
  /** The estimate it is around. */
  estimateMs: number;
}

/** The relative errors' low and high percentiles. */
export interface Spread {
  low: number;
  high: number;
}

export const RANGE_RULE = {
  /** The share of real waits the range is meant to hold. */
  share: 0.8,
  /** Errors are relative to estimate + scale: a short estimate still gets some room. */
  scaleMs: 2 * 60_000,
  /** The spread assumed before the day has a record. */
  prior: 0.5,
  /** How many outcomes the prior weighs against the day's record. */
  priorWeight: 10,
  /** The latest outcomes used. */
  window: 50,
  /** Fit the percentiles to the shown ranges (calibrate), trying shares from fitFrom by fitStep. */
  fit: true,
  fitFrom: 0.5,
  fitStep: 0.025,
  /** How far each miss (or hit) moves a side of the spread, in z (observe). */
  step: 0.04,
};

export type RangeRule = typeof RANGE_RULE;

/** Linear-interpolated quantile of sorted values. */
function quantile(sorted: readonly number[], q: number): number {
  const at = q * (sorted.length - 1);
  const i = Math.floor(at);
  const next = sorted[Math.min(i + 1, sorted.length - 1)]!;
  return sorted[i]! + (at - i) * (next - sorted[i]!);
}

/**
 * The spread of the record's latest outcomes (newest last): computed once, used for every estimate.
 * The ranges shown are whole minutes, at least one wide, so on a light day a range from the 10th to
 * the 90th percentile holds far more than 80%: the percentiles taken are the closest pair whose
 * shown ranges would have held `share` of the record itself.
 */
export function calibrate(record: readonly EtaOutcome[], rule: RangeRule = RANGE_RULE): Spread {
  const recent = record.slice(-rule.window);
  const z = recent.map((o) => (o.waitMs - o.estimateMs) / (o.estimateMs + rule.scaleMs));
  const n = z.length;
  if (n === 0) return { low: -rule.prior, high: rule.prior };
  z.sort((a, b) => a - b);
  const shrink = (x: number, prior: number) => (n * x + rule.priorWeight * prior) / (n + rule.priorWeight);
  const spreadFor = (share: number): Spread => {
    const tail = (1 - share) / 2;
    return { low: shrink(quantile(z, tail), -rule.prior), high: shrink(quantile(z, 1 - tail), rule.prior) };
  };
  if (!rule.fit) return spreadFor(rule.share);
  for (let share = rule.fitFrom; share < rule.share; share += rule.fitStep) {
    const spread = spreadFor(share);
    if (heldShare(recent, spread, rule) >= rule.share) return spread;
  }
  return spreadFor(rule.share);
}

/** The share of these outcomes whose wait the shown range (whole minutes) around their estimate held. */
function heldShare(record: readonly EtaOutcome[], spread: Spread, rule: RangeRule): number {
  let held = 0;
  for (const o of record) {
    const { low, high } = rangeMinutes(etaRange(o.estimateMs, spread, rule));
    if (low * 60_000 <= o.waitMs && o.waitMs <= high * 60_000) held++;
  }
  return held / record.length;
}

/** The range around one estimate: it always holds the estimate itself and never goes below 0. */
export function etaRange(estimateMs: number, spread: Spread, rule: RangeRule = RANGE_RULE): EtaRange {
  const room = estimateMs + rule.scaleMs;
  return {
    lowMs: Math.max(0, Math.min(estimateMs, estimateMs + spread.low * room)),
    highMs: Math.max(estimateMs, estimateMs + spread.high * room),
    estimateMs,
  };
}

/**
 * The range as people read it, in whole minutes: each end to the nearest minute, at least a minute
 * wide, and holding the estimate as it is shown (rounded up). Rounding outwards instead makes every
 * range up to two minutes wider than its percentiles, so that on a light day it holds far more than 80%.
 */
export function rangeMinutes(r: EtaRange): { low: number; high: number } {
  const shown = Math.ceil(r.estimateMs / 60_000);
  const low = Math.min(shown, Math.round(r.lowMs / 60_000));
  return { low, high: Math.max(low + 1, shown, Math.round(r.highMs / 60_000)) };
}

/** A visitor called: the outcome and when, ms. */
export interface EtaCall extends EtaOutcome {
  calledAt: number;
}

/**
 * The day's ranges so far. The last 50 calls lag on days whose errors grow (a visitor called now
 * waited under the morning's conditions), so each side of the spread also tracks its own miss rate
 * online (adaptive conformal inference, Gibbs & Candès 2021, on the spread itself): each visitor
 * called is judged against the range shown at their issue, and every miss on a side moves that side
 * out by `step` × 0.9, every hold moves it in by `step` × 0.1, so that each side misses 10% of the
 * calls. Advanced in place, one call at a time in call order; rebuilt from the day's calls alone.
 */
export interface EtaTracker {
  record: EtaOutcome[];
  lift: Spread;
  /** The spread in force from each call on, in call order (`spread` is the last). */
  history: { calledAt: number; spread: Spread }[];
  spread: Spread;
}

export const startTracker = (): EtaTracker => ({ record: [], lift: { low: 0, high: 0 }, history: [], spread: calibrate([]) });

/** The spread that was in force at `t` (the latest one from a call before it). */
export function spreadAt(tracker: EtaTracker, t: number): Spread {
  const { history } = tracker;
  let [lo, hi] = [0, history.length]; // the first entry called at or after t
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (history[mid]!.calledAt < t) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? calibrate([]) : history[lo - 1]!.spread;
}

/** A visitor was called: their wait against the range they were shown at issue moves the spread. */
export function observe(tracker: EtaTracker, call: EtaCall, rule: RangeRule = RANGE_RULE): void {
  const shown = rangeMinutes(etaRange(call.estimateMs, spreadAt(tracker, call.calledAt - call.waitMs), rule));
  const tail = (1 - rule.share) / 2;
  tracker.lift = {
    low: tracker.lift.low + rule.step * (Number(call.waitMs < shown.low * 60_000) - tail),
    high: tracker.lift.high + rule.step * (Number(call.waitMs > shown.high * 60_000) - tail),
  };
  tracker.record = [...tracker.record.slice(1 - rule.window), { estimateMs: call.estimateMs, waitMs: call.waitMs }];
  const fitted = calibrate(tracker.record, rule);
  tracker.spread = { low: fitted.low - tracker.lift.low, high: fitted.high + tracker.lift.high };
  tracker.history.push({ calledAt: call.calledAt, spread: tracker.spread });
}
