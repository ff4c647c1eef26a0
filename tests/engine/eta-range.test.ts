import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calibrate, etaRange, rangeMinutes, RANGE_RULE, type EtaOutcome } from '../../server/engine/eta-range.js';

const MIN = 60_000;

describe('the range around an estimate', () => {
  it('before anyone is called, is the prior: ±0.5 × (estimate + 5 min)', () => {
    expect(calibrate([])).toEqual({ low: -0.5, high: 0.5 });
    expect(etaRange(10 * MIN, calibrate([]))).toEqual({ lowMs: 2.5 * MIN, highMs: 17.5 * MIN });
    // A short estimate: the low end stops at 0.
    expect(etaRange(2 * MIN, calibrate([]))).toEqual({ lowMs: 0, highMs: 5.5 * MIN });
  });

  it('learns the day\'s errors: the 10th and 90th percentiles of (wait − estimate) / (estimate + 5 min)', () => {
    // Estimates of 15 min whose waits run 10 % short to 30 % long, evenly: z from −0.075 to 0.225.
    const record: EtaOutcome[] = Array.from({ length: 2001 }, (_, i) => ({ estimateMs: 15 * MIN, waitMs: 15 * MIN * (0.9 + (0.4 * i) / 2000) }));
    const spread = calibrate(record, { ...RANGE_RULE, window: 2001 });
    const shrink = (x: number, prior: number) => (2001 * x + 20 * prior) / 2021;
    expect(spread.low).toBeCloseTo(shrink(-0.075 + 0.03, -0.5), 6);
    expect(spread.high).toBeCloseTo(shrink(0.225 - 0.03, 0.5), 6);
  });

  it('holds the real wait about 80 % of the time on a day like its record', () => {
    // A steady day: the wait is the estimate × a lognormal-ish factor; half the record calibrates, the other half is judged.
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const visit = (): EtaOutcome => {
      const estimateMs = random() * 40 * MIN;
      const factor = Math.exp(0.4 * (random() + random() + random() - 1.5));
      return { estimateMs, waitMs: estimateMs * factor + random() * 2 * MIN };
    };
    const record = Array.from({ length: 200 }, visit);
    const spread = calibrate(record);
    const judged = Array.from({ length: 2000 }, visit);
    const inside = judged.filter((o) => {
      const r = etaRange(o.estimateMs, spread);
      return r.lowMs <= o.waitMs && o.waitMs <= r.highMs;
    }).length;
    expect(inside / judged.length).toBeGreaterThan(0.72);
    expect(inside / judged.length).toBeLessThan(0.88);
  });

  it('uses only the latest outcomes of the window', () => {
    const old = Array.from({ length: 500 }, () => ({ estimateMs: 10 * MIN, waitMs: 40 * MIN }));
    const recent = Array.from({ length: RANGE_RULE.window }, () => ({ estimateMs: 10 * MIN, waitMs: 10 * MIN }));
    const spread = calibrate([...old, ...recent]);
    expect(spread.high).toBeCloseTo((20 * 0.5) / (RANGE_RULE.window + 20), 6);
  });

  it('narrows as the estimate shrinks, holds the estimate, never goes below 0, and rounds outwards to minutes', () => {
    const outcome = fc.record({ estimateMs: fc.integer({ min: 0, max: 180 * MIN }), waitMs: fc.integer({ min: 0, max: 240 * MIN }) });
    fc.assert(
      fc.property(fc.array(outcome, { maxLength: 60 }), fc.integer({ min: 0, max: 180 * MIN }), fc.integer({ min: 0, max: 180 * MIN }), (record, a, b) => {
        const spread = calibrate(record);
        const [short, long] = [etaRange(Math.min(a, b), spread), etaRange(Math.max(a, b), spread)];
        expect(short.highMs - short.lowMs).toBeLessThanOrEqual(long.highMs - long.lowMs + 1e-6);
        const r = etaRange(a, spread);
        expect(r.lowMs).toBeGreaterThanOrEqual(0);
        expect(r.lowMs).toBeLessThanOrEqual(a);
        expect(r.highMs).toBeGreaterThanOrEqual(a);
        const m = rangeMinutes(r);
        expect(m.low).toBeLessThanOrEqual(Math.ceil(a / MIN));
        expect(m.high).toBeGreaterThanOrEqual(Math.ceil(a / MIN));
      }),
    );
    expect(rangeMinutes({ lowMs: 11.9 * MIN, highMs: 19.1 * MIN })).toEqual({ low: 11, high: 20 });
  });
});
