import { describe, expect, it } from 'vitest';
import { starvesAtPeak } from '../../../server/engine/advisor/peak.js';
import { screen } from '../../../server/engine/advisor/screen.js';
import { expectedCounts, forecastArrivals } from '../../../server/engine/advisor/forecast.js';
import { counter, hall, line } from './hall.js';

// Quick A (service 1, 2-min visits) on counters 1 and 2, long B (service 2, 10-min visits) on
// counter 3, with ten B waiting at 10:00: counter 2's clerk may also serve B. On this weekday A
// peaks from 11:00 to 12:00 (50 arrivals: 100 min of work, too much for one counter) and B
// with it (12: 120 min), so B, added to counter 2, would take all of it for that hour.
const bins = (quiet: number, peak: number) => Array.from({ length: 96 }, (_, b) => (b >= 44 && b < 48 ? peak : quiet));
const day = (aPeak: number, bPeak: number) =>
  new Map([
    [1, bins(2, aPeak)],
    [2, bins(1, bPeak)],
  ]);
const morning = (history: Map<number, number[]>) =>
  hall({
    counters: [counter(1, [1]), counter(2, [1], [1, 2]), counter(3, [2])],
    waiting: line(2, 10, 1),
    durations: new Map([
      [1, 120_000],
      [2, 600_000],
    ]),
    history: [history, history],
    today: new Map([...history].map(([id, b]) => [id, b.slice(0, 40)])),
  });
const addB = (input: ReturnType<typeof morning>) => screen(input, expectedCounts(forecastArrivals(input))).find((c) => c.kind === 'add-service' && c.counterId === 2);

describe('the coming peak', () => {
  it('refuses to add a long service to a counter whose quick one it would starve at the peak after the next hour', () => {
    const peak = morning(day(12.5, 3));
    expect(starvesAtPeak(peak, peak.counters[1]!, [1, 2])).toBe(true);
    expect(addB(peak)).toBeUndefined();
  });

  it('lets it be when the quick service has no peak, or the long one none to take the counter', () => {
    for (const quiet of [morning(day(2, 3)), morning(day(12.5, 1))]) {
      expect(starvesAtPeak(quiet, quiet.counters[1]!, [1, 2])).toBe(false);
      expect(addB(quiet)).toMatchObject({ serviceIds: [1, 2], helped: 2 });
    }
  });
});
