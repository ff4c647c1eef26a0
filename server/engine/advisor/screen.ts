import { HORIZON_MIN } from './forecast.js';
import { SETTLE_MS, type AdvisorCounter, type AdvisorInput } from './types.js';

// The screening (issue 18, "How it decides" 2): of every action within the rules (add or drop
// one service at one open counter, within its clerk's qualifications, not changed in the last
// SETTLE_MS; open a closed counter), the few worth rolling out. Each service's pressure is its
// work over the next hour (the tickets waiting and the arrivals forecast, × its mean length)
// over the counter time it gets (a counter serving k services gives each 1/k of the hour). An
// action is worth trying when it moves capacity from a less pressed service to a more pressed one
// (an add, not of a service of much longer visits than the counter's quickest, LONG_RATIO, unless
// the counter has time to spare; a drop, not to give the time to a service of longer visits than
// the one dropped: quick visits first, as in the generalized cμ rule, since the roll-out's hour
// misses what the quick service loses later).

/** A change to try: the counter and the services it would serve (a new counter: id null). */
export interface Candidate {
  kind: 'add-service' | 'drop-service' | 'open-counter';
  counterId: number | null;
  /** The service added or dropped (add/drop). */
  serviceId: number | null;
  serviceIds: number[];
  /** The service it is meant to help. */
  helped: number;
  score: number;
}

/** At most this many candidates are rolled out. */
const MAX_CANDIDATES = 5;
/** A service this pressed (work ÷ counter time) or less needs no help. */
const MIN_PRESSURE = 0.6;
/**
 * A service whose visits are more than this many times as long as the counter's quickest service's
 * is not added to a counter with no time to spare (its own services' pressure 1 or more): at a
 * later peak, calling the oldest first, the long visits take the counter's time from the quick
 * service, past the hour the roll-out sees (mixtures-712, BENCHMARKS.md). Tuned on the tuning days:
 * the smallest value of 1.5, 2, 3 keeping their gap closed above 60%. A counter with time to spare
 * may take a long service: else a long-visit bottleneck gets no help (families-1610, HELD-OUT.md;
 * "time to spare" from pressures 0.2–1.5 and always on the tuning days 1–60: below 1 closes most of
 * the gap, 80.0% against 68.4%, with the fewest days worse, 7 against 9).
 */
export const LONG_RATIO = 2;
/** The pressure of a service with work and no counter serving it. */
const UNCOVERED = 100;

function pressures(input: AdvisorInput, counts: ReadonlyMap<number, number>, serving: readonly AdvisorCounter[]): Map<number, number> {
  const mean = [...input.durations.values()].reduce((a, b) => a + b, 0) / Math.max(1, input.durations.size);
  const out = new Map<number, number>();
  for (const id of new Set([...counts.keys(), ...input.waiting.map((t) => t.serviceId)])) {
    const expected = counts.get(id) ?? 0;
    const waiting = input.waiting.filter((t) => t.serviceId === id).length;
    const work = (waiting + expected) * (input.durations.get(id) ?? mean);
    const share = serving.reduce((a, c) => a + (c.serviceIds.includes(id) ? 1 / c.serviceIds.length : 0), 0);
    out.set(id, work === 0 ? 0 : share === 0 ? UNCOVERED : work / (share * HORIZON_MIN * 60_000));
  }
  return out;
}

export function screen(input: AdvisorInput, counts: ReadonlyMap<number, number>): Candidate[] {
  const serving = input.counters.filter((c) => c.state !== 'closed');
  const pressure = pressures(input, counts, serving);
  const p = (id: number) => pressure.get(id) ?? 0;
  const busiest = (ids: readonly number[]) => ids.reduce((best, id) => (p(id) > p(best) ? id : best), ids[0]!);
  const settled = (c: AdvisorCounter) => c.servicesChangedAt === null || input.now - c.servicesChangedAt >= SETTLE_MS;
  const out: Candidate[] = [];
  // A service of unknown length is not held back, nor compared with.
  const longer = (id: number, than: readonly number[], ratio = 1) =>
    (input.durations.get(id) ?? 0) > ratio * Math.min(...than.map((s) => input.durations.get(s) ?? Infinity));

  for (const c of input.counters.filter((c) => c.state === 'open' && settled(c))) {
    const own = c.serviceIds.length === 0 ? 0 : p(busiest(c.serviceIds));
    const spare = own < 1;
    for (const id of c.qualifiedServiceIds) {
      if (c.serviceIds.includes(id) || p(id) < MIN_PRESSURE || p(id) <= own || (!spare && longer(id, c.serviceIds, LONG_RATIO))) continue;
      out.push({ kind: 'add-service', counterId: c.id, serviceId: id, serviceIds: [...c.serviceIds, id], helped: id, score: p(id) - own });
    }
    if (c.serviceIds.length < 2) continue;
    for (const id of c.serviceIds) {
      const rest = c.serviceIds.filter((s) => s !== id);
      const focus = busiest(rest);
      const coveredElsewhere = serving.some((o) => o.id !== c.id && o.serviceIds.includes(id));
      if (!coveredElsewhere || p(focus) < MIN_PRESSURE || p(focus) <= p(id) || longer(focus, [id])) continue;
      out.push({ kind: 'drop-service', counterId: c.id, serviceId: id, serviceIds: rest, helped: focus, score: p(focus) - p(id) });
    }
  }
  // A counter opened takes the (at most two) most pressed services its clerk may serve; a reserve clerk, any.
  const mostPressed = (ids: Iterable<number>) => [...ids].filter((id) => p(id) >= MIN_PRESSURE).sort((a, b) => p(b) - p(a) || a - b).slice(0, 2);
  const opening = input.counters.filter((c) => c.state === 'closed').map((c) => ({ id: c.id as number | null, ids: mostPressed(c.qualifiedServiceIds) }));
  if ((input.reserveClerks ?? 0) > 0) opening.push({ id: null, ids: mostPressed(pressure.keys()) });
  for (const { id, ids } of opening)
    if (ids.length > 0) out.push({ kind: 'open-counter', counterId: id, serviceId: null, serviceIds: ids, helped: ids[0]!, score: p(ids[0]!) });
  return out.sort((a, b) => b.score - a.score || (a.counterId ?? 0) - (b.counterId ?? 0)).slice(0, MAX_CANDIDATES);
}
