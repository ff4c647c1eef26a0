import { BIN_MIN, HORIZON_MIN, servicesOf, windowCounts } from './forecast.js';
import type { AdvisorCounter, AdvisorInput } from './types.js';

// The coming peak. A service added to a counter stays there past the hour the roll-out sees. In
// an hour where that service is beyond capacity even so, its tickets, the oldest, take all the
// counter's time (calling the oldest first never shares it): a long-visit service added in a quiet
// morning then starves a quick one at the midday peak (mixtures-712, BENCHMARKS.md). So an add is
// refused if, in an hour after the roll-out's while the counter is on shift (the history's
// baseline × today's ratio), the service added stays beyond capacity and a service the counter
// serves would, without the counter, be pressed beyond PEAK_PRESSURE.

/** Tuned on the tuning days: the most protective value keeping their gap closed well above 60%. */
export const PEAK_PRESSURE = 1.2;
/** How far ahead the peak is looked for. */
const AHEAD_MIN = 6 * 60;

/** serviceId → work ÷ counter time over `counts`' hour, each counter's time shared out by work (arrivals × visit length). */
export function workPressures(counts: ReadonlyMap<number, number>, durations: ReadonlyMap<number, number>, serving: readonly Pick<AdvisorCounter, 'serviceIds'>[]): Map<number, number> {
  const mean = [...durations.values()].reduce((a, b) => a + b, 0) / Math.max(1, durations.size);
  const work = (id: number) => (counts.get(id) ?? 0) * (durations.get(id) ?? mean);
  const time = new Map<number, number>();
  for (const c of serving) {
    const total = c.serviceIds.reduce((a, id) => a + work(id), 0);
    for (const id of c.serviceIds) time.set(id, (time.get(id) ?? 0) + (total === 0 ? 1 / c.serviceIds.length : work(id) / total));
  }
  return new Map([...counts.keys()].map((id) => [id, work(id) === 0 ? 0 : work(id) / ((time.get(id) ?? 0) * HORIZON_MIN * 60_000)]));
}

/** Whether `counter` serving `serviceIds` would starve a service it serves now at a peak after the roll-out's hour. */
export function starvesAtPeak(input: AdvisorInput, counter: AdvisorCounter, serviceIds: readonly number[]): boolean {
  const added = serviceIds.filter((id) => !counter.serviceIds.includes(id));
  const serving = input.counters.filter((c) => c.state !== 'closed');
  const ids = servicesOf(input);
  const last = Math.min(AHEAD_MIN, (counter.closesInMs ?? Infinity) / 60_000) - HORIZON_MIN;
  for (let m = HORIZON_MIN; m <= last; m += BIN_MIN) {
    const counts = windowCounts(input, input.minuteOfDay + m, HORIZON_MIN, ids);
    const onShift = serving.filter((c) => (c.closesInMs ?? Infinity) > m * 60_000);
    const after = workPressures(counts, input.durations, onShift.map((c) => (c.id === counter.id ? { serviceIds: [...serviceIds] } : c)));
    if (!added.some((id) => (after.get(id) ?? 0) > 1)) continue;
    const without = workPressures(counts, input.durations, onShift.filter((c) => c.id !== counter.id));
    if (counter.serviceIds.some((id) => (without.get(id) ?? 0) > PEAK_PRESSURE)) return true;
  }
  return false;
}
