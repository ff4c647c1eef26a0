import type { AdvisorInput, BinnedArrivals } from './types.js';

// Each service's arrivals over the next hour (issue 18, "How it decides" 1). The baseline of a
// service and 15-minute bin is its mean over the same weekday of earlier weeks (`history`);
// today's arrivals so far scale it by a ratio with gamma–Poisson shrinkage: the ratio's prior is
// Gamma(SHRINK·r, SHRINK) around r, so with O arrivals today where the baseline expected E, the
// ratio is (SHRINK·r + O) / (SHRINK + E). For the hall r = 1; for a service r is the hall's
// ratio, so a thin service borrows the hall's. Only bins up to `minuteOfDay` are read from
// `today` (the current one for the part that has passed): nothing from the future.
// Without history, a service's rate is today's over the last hour.

export const BIN_MIN = 15;
export const HORIZON_MIN = 60;
/** The ratio's prior weighs as much as this many expected arrivals. */
export const SHRINK = 10;

/** serviceId → expected arrivals in each minute of the horizon (index 0: the minute starting now). */
export type ArrivalForecast = Map<number, number[]>;

const binOf = (minute: number) => Math.floor(minute / BIN_MIN);
const at = (days: BinnedArrivals, serviceId: number, bin: number) => days.get(serviceId)?.[bin] ?? 0;

/** The baseline: serviceId → bin → mean arrivals over the history days. */
function baselineOf(history: readonly BinnedArrivals[]): (serviceId: number, bin: number) => number {
  return (serviceId, bin) => history.reduce((a, day) => a + at(day, serviceId, bin), 0) / history.length;
}

/** Every service the input speaks of. */
export function servicesOf(input: Pick<AdvisorInput, 'history' | 'today' | 'durations' | 'counters'>): number[] {
  const ids = new Set<number>(input.durations.keys());
  for (const day of [...input.history, input.today]) for (const id of day.keys()) ids.add(id);
  for (const c of input.counters) for (const id of c.qualifiedServiceIds) ids.add(id);
  return [...ids].sort((a, b) => a - b);
}

/** serviceId → today's ratio to the baseline, shrunk towards the hall's. */
export function todayRatios(input: Pick<AdvisorInput, 'history' | 'today' | 'minuteOfDay'>, serviceIds: readonly number[]): Map<number, number> {
  const baseline = baselineOf(input.history);
  const current = binOf(input.minuteOfDay);
  const passed = (input.minuteOfDay - current * BIN_MIN) / BIN_MIN;
  const observed = new Map<number, number>();
  const expected = new Map<number, number>();
  for (const id of serviceIds) {
    let o = 0;
    let e = 0;
    for (let b = 0; b <= current; b++) {
      o += at(input.today, id, b);
      e += (b < current ? 1 : passed) * baseline(id, b);
    }
    observed.set(id, o);
    expected.set(id, e);
  }
  const sum = (m: Map<number, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const hall = (SHRINK + sum(observed)) / (SHRINK + sum(expected));
  return new Map(serviceIds.map((id) => [id, (SHRINK * hall + observed.get(id)!) / (SHRINK + expected.get(id)!)]));
}

export function forecastArrivals(input: AdvisorInput, serviceIds: readonly number[] = servicesOf(input)): ArrivalForecast {
  const minutes = Math.min(HORIZON_MIN, input.closesAt === null ? HORIZON_MIN : Math.max(0, Math.ceil((input.closesAt - input.now) / 60_000)));
  const start = Math.floor(input.minuteOfDay);
  const out: ArrivalForecast = new Map();
  if (input.history.length === 0) {
    for (const id of serviceIds) {
      let lastHour = 0;
      for (let b = binOf(input.minuteOfDay - HORIZON_MIN + 1); b <= binOf(input.minuteOfDay); b++) lastHour += at(input.today, id, b);
      out.set(id, Array.from({ length: minutes }, () => lastHour / HORIZON_MIN));
    }
    return out;
  }
  const baseline = baselineOf(input.history);
  const ratios = todayRatios(input, serviceIds);
  for (const id of serviceIds) out.set(id, Array.from({ length: minutes }, (_, m) => (ratios.get(id)! * baseline(id, binOf(start + m))) / BIN_MIN));
  return out;
}

/** serviceId → arrivals expected over the horizon. */
export function expectedCounts(forecast: ArrivalForecast): Map<number, number> {
  return new Map([...forecast].map(([id, perMinute]) => [id, perMinute.reduce((a, b) => a + b, 0)]));
}
