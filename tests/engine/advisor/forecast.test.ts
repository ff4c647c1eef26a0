import { describe, expect, it } from 'vitest';
import { expectedCounts, forecastArrivals, SHRINK, todayRatios } from '../../../server/engine/advisor/forecast.js';
import { hall, MINUTE_OF_DAY } from './hall.js';

// Bins of 15 minutes: 10:00 is bin 40. A history day with `perBin` arrivals of each service in every bin.
const flat = (perBin: Record<number, number>) => new Map(Object.entries(perBin).map(([id, n]) => [Number(id), Array.from({ length: 96 }, () => n)]));
const bins = (upTo: number, perBin: number) => Array.from({ length: upTo }, () => perBin);

describe('the arrivals forecast', () => {
  it('is the history baseline when today goes as the history did', () => {
    const input = hall({ history: [flat({ 1: 6, 2: 3 })], today: new Map([[1, bins(40, 6)], [2, bins(40, 3)]]) });
    const counts = expectedCounts(forecastArrivals(input));
    expect(counts.get(1)).toBeCloseTo(24, 6);
    expect(counts.get(2)).toBeCloseTo(12, 6);
  });

  it('scales each service by today so far, a thick one by its own ratio', () => {
    // Service 1 comes twice as often as its baseline today (over 40 bins: 480 against 240).
    const input = hall({ history: [flat({ 1: 6, 2: 3 })], today: new Map([[1, bins(40, 12)], [2, bins(40, 3)]]) });
    const r = todayRatios(input, [1, 2]);
    expect(r.get(1)!).toBeGreaterThan(1.9);
    expect(r.get(2)!).toBeCloseTo(1, 0);
  });

  it('lets a thin service borrow the hall ratio (gamma–Poisson shrinkage)', () => {
    // The hall is 50% busier today; service 2 is thin (expected 1 so far) and had 0: it is not forecast at 0.
    const history = [flat({ 1: 10, 2: 0 })];
    history[0]!.get(2)![39] = 1;
    const today = new Map([
      [1, bins(40, 15)],
      [2, bins(40, 0)],
    ]);
    const input = hall({ history, today });
    const r = todayRatios(input, [1, 2]);
    const hallRatio = (SHRINK + 600) / (SHRINK + 401);
    expect(r.get(2)).toBeCloseTo((SHRINK * hallRatio) / (SHRINK + 1), 9);
    expect(r.get(2)!).toBeGreaterThan(1.3);
  });

  it('reads nothing of today after now', () => {
    const history = [flat({ 1: 6 })];
    const today = bins(44, 6);
    const later = [...today];
    later[41] = 100; // the bin after the current one (10:15–10:30)
    later[40] = 6;
    const a = forecastArrivals(hall({ history, today: new Map([[1, today]]), minuteOfDay: MINUTE_OF_DAY + 5 }));
    const b = forecastArrivals(hall({ history, today: new Map([[1, later]]), minuteOfDay: MINUTE_OF_DAY + 5 }));
    expect(b).toEqual(a);
  });

  it('counts only the part of the current bin that has passed', () => {
    // 5 minutes into bin 40 with 2 arrivals: exactly the baseline's third of 6.
    const history = [flat({ 1: 6 })];
    const today = [...bins(40, 6), 2];
    expect(todayRatios(hall({ history, today: new Map([[1, today]]), minuteOfDay: MINUTE_OF_DAY + 5 }), [1]).get(1)).toBeCloseTo(1, 9);
  });

  it('without history, runs on at the last hour’s rate, and stops at closing', () => {
    const today = new Map([[1, [...bins(36, 0), 3, 3, 3, 3]]]);
    expect(expectedCounts(forecastArrivals(hall({ today }))).get(1)).toBeCloseTo(12, 9);
    const closing = forecastArrivals(hall({ today, closesAt: hall().now + 20 * 60_000 }));
    expect(closing.get(1)).toHaveLength(20);
  });
});
