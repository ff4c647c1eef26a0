// A range around the wait estimate, meant to hold the real wait 80% of the time. It is
// calibrated on the day's own record: for every visitor already called, the estimate they were
// given at issue against the wait they had. Errors grow with the estimate, so each is measured
// relative to it: z = (wait − estimate) / (estimate + scale), and the range is
// estimate + [z₁₀, z₉₀] × (estimate + scale), those percentiles shrunk towards ±prior while the
// record is short. The same code runs in the server and in bench:sim (BENCHMARKS.md, "Estimate
// ranges", for how the constants were chosen; per-length buckets of estimates did not help).

export interface EtaOutcome {
  /** The estimate given at issue, ms. */
  estimateMs: number;
  /** The wait the visitor had until called, ms. */
  waitMs: number;
}

export interface EtaRange {
  lowMs: number;
  highMs: number;
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
  scaleMs: 5 * 60_000,
  /** The spread assumed before the day has a record. */
  prior: 0.5,
  /** How many outcomes the prior weighs against the day's record. */
  priorWeight: 20,
  /** The latest outcomes used. */
  window: 200,
};

export type RangeRule = typeof RANGE_RULE;

/** Linear-interpolated quantile of sorted values. */
function quantile(sorted: readonly number[], q: number): number {
  const at = q * (sorted.length - 1);
  const i = Math.floor(at);
  const next = sorted[Math.min(i + 1, sorted.length - 1)]!;
  return sorted[i]! + (at - i) * (next - sorted[i]!);
}

/** The spread of the record's latest outcomes (newest last): computed once, used for every estimate. */
export function calibrate(record: readonly EtaOutcome[], rule: RangeRule = RANGE_RULE): Spread {
  const z = record.slice(-rule.window).map((o) => (o.waitMs - o.estimateMs) / (o.estimateMs + rule.scaleMs));
  const n = z.length;
  if (n === 0) return { low: -rule.prior, high: rule.prior };
  z.sort((a, b) => a - b);
  const tail = (1 - rule.share) / 2;
  const shrink = (x: number, prior: number) => (n * x + rule.priorWeight * prior) / (n + rule.priorWeight);
  return { low: shrink(quantile(z, tail), -rule.prior), high: shrink(quantile(z, 1 - tail), rule.prior) };
}

/** The range around one estimate: it always holds the estimate itself and never goes below 0. */
export function etaRange(estimateMs: number, spread: Spread, rule: RangeRule = RANGE_RULE): EtaRange {
  const room = estimateMs + rule.scaleMs;
  return {
    lowMs: Math.max(0, Math.min(estimateMs, estimateMs + spread.low * room)),
    highMs: Math.max(estimateMs, estimateMs + spread.high * room),
  };
}

/** The range as people read it, in whole minutes, widened outwards: it holds the rounded-up estimate. */
export function rangeMinutes(r: EtaRange): { low: number; high: number } {
  return { low: Math.floor(r.lowMs / 60_000), high: Math.ceil(r.highMs / 60_000) };
}
