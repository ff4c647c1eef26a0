// The figures of one row of a report, kept as sums and counts so that days add up: a day's
// figures are computed once, and any range is their sum. Waits keep their distribution to the
// second, so that the 90th percentile of a year is exact.

export interface Figures {
  issued: number;
  served: number;
  noShow: number;
  cancelled: number;
  /** First waits (first call − issue): how many, their sum and maximum in ms, and how many within target. */
  waits: number;
  waitSumMs: number;
  waitMaxMs: number;
  withinTarget: number;
  /** Whole seconds (rounded) → how many waits. */
  waitHist: Map<number, number>;
  /** Service times of served tickets (complete − start, or − call when Start was skipped). */
  services: number;
  serviceSumMs: number;
  serviceMaxMs: number;
  /** 3-minute bucket → how many service times. */
  serviceHist: Map<number, number>;
  /** Waits after a transfer (transfer → next call). */
  transfers: number;
  transferSumMs: number;
  ratings: number;
  ratingSum: number;
  /** Time counters were open, and time spent serving at them (counter and clerk rows). */
  openMs: number;
  busyMs: number;
}

export const WAIT_BUCKET_S = 120;
export const SERVICE_BUCKET_S = 180;

export function emptyFigures(): Figures {
  return {
    issued: 0, served: 0, noShow: 0, cancelled: 0,
    waits: 0, waitSumMs: 0, waitMaxMs: 0, withinTarget: 0, waitHist: new Map(),
    services: 0, serviceSumMs: 0, serviceMaxMs: 0, serviceHist: new Map(),
    transfers: 0, transferSumMs: 0, ratings: 0, ratingSum: 0, openMs: 0, busyMs: 0,
  };
}

const bump = (hist: Map<number, number>, key: number, n = 1) => hist.set(key, (hist.get(key) ?? 0) + n);

export function addWait(f: Figures, ms: number, within: boolean): void {
  f.waits++;
  f.waitSumMs += ms;
  f.waitMaxMs = Math.max(f.waitMaxMs, ms);
  if (within) f.withinTarget++;
  bump(f.waitHist, Math.round(ms / 1000));
}

export function addService(f: Figures, ms: number): void {
  f.services++;
  f.serviceSumMs += ms;
  f.serviceMaxMs = Math.max(f.serviceMaxMs, ms);
  bump(f.serviceHist, Math.floor(ms / 1000 / SERVICE_BUCKET_S));
}

const SCALARS = [
  'issued', 'served', 'noShow', 'cancelled', 'waits', 'waitSumMs', 'withinTarget', 'services', 'serviceSumMs',
  'transfers', 'transferSumMs', 'ratings', 'ratingSum', 'openMs', 'busyMs',
] as const;

/** Adds `from` (as computed, or as stored) into `into`. */
export function mergeFigures(into: Figures, from: Figures | StoredFigures): Figures {
  if (Array.isArray(from)) return mergeStored(into, from);
  for (const k of SCALARS) into[k] += from[k];
  into.waitMaxMs = Math.max(into.waitMaxMs, from.waitMaxMs);
  into.serviceMaxMs = Math.max(into.serviceMaxMs, from.serviceMaxMs);
  for (const [s, n] of from.waitHist) bump(into.waitHist, s, n);
  for (const [b, n] of from.serviceHist) bump(into.serviceHist, b, n);
  return into;
}

/** A stored day straight from its arrays, without building its maps first (a year is many days). */
function mergeStored(into: Figures, [scalars, waitHist, serviceHist]: StoredFigures): Figures {
  SCALARS.forEach((k, i) => (into[k] += scalars[i]!));
  into.waitMaxMs = Math.max(into.waitMaxMs, scalars[SCALARS.length]!);
  into.serviceMaxMs = Math.max(into.serviceMaxMs, scalars[SCALARS.length + 1]!);
  for (let i = 0; i < waitHist.length; i += 2) bump(into.waitHist, waitHist[i]!, waitHist[i + 1]!);
  for (let i = 0; i < serviceHist.length; i += 2) bump(into.serviceHist, serviceHist[i]!, serviceHist[i + 1]!);
  return into;
}

/** Tickets issued, from figures as computed or as stored. */
export const issuedOf = (f: Figures | StoredFigures) => (Array.isArray(f) ? f[0][SCALARS.indexOf('issued')]! : f.issued);

// Stored as JSON: [the scalars in SCALARS order and the two maxima, wait histogram flat, service histogram flat].
export type StoredFigures = [number[], number[], number[]];

const flat = (hist: Map<number, number>) => [...hist].flat();
export function storeFigures(f: Figures): StoredFigures {
  return [[...SCALARS.map((k) => f[k]), f.waitMaxMs, f.serviceMaxMs], flat(f.waitHist), flat(f.serviceHist)];
}

/** The percentile by nearest rank (the ⌈0.9·n⌉-th smallest for the 90th), in whole seconds. */
export function percentileS(hist: Map<number, number>, total: number, percent: number): number | null {
  if (total === 0) return null;
  const rank = Math.ceil((percent * total) / 100); // integers: exact
  let seen = 0;
  for (const s of [...hist.keys()].sort((a, b) => a - b)) {
    seen += hist.get(s)!;
    if (seen >= rank) return s;
  }
  return null;
}
