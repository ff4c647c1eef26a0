import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calibrate,
  etaRange,
  observe,
  rangeMinutes,
  RANGE_RULE,
  spreadAt,
  startTracker,
  type EtaCall,
  type EtaOutcome,
  type EtaRange,
} from '../../server/engine/eta-range.js';

const MIN = 60_000;
const { scaleMs, priorWeight } = RANGE_RULE;
const held = (r: EtaRange, waitMs: number) => {
  const m = rangeMinutes(r);
  return m.low * MIN <= waitMs && waitMs <= m.high * MIN;
};

describe('the range around an estimate', () => {
  it('before anyone is called, is the prior: ±0.5 × (estimate + 2 min)', () => {
    expect(calibrate([])).toEqual({ low: -0.5, high: 0.5 });
    expect(etaRange(10 * MIN, calibrate([]))).toEqual({ lowMs: 4 * MIN, highMs: 16 * MIN, estimateMs: 10 * MIN });
    // A short estimate: the low end stops at 0.
    expect(etaRange(1 * MIN, calibrate([]))).toEqual({ lowMs: 0, highMs: 2.5 * MIN, estimateMs: 1 * MIN });
  });

  it("learns the day's errors: the 10th and 90th percentiles of (wait − estimate) / (estimate + 2 min), shrunk towards the prior", () => {
    // Estimates of 15 min whose waits run 10 % short to 30 % long, evenly.
    const n = 2001;
    const record: EtaOutcome[] = Array.from({ length: n }, (_, i) => ({ estimateMs: 15 * MIN, waitMs: 15 * MIN * (0.9 + (0.4 * i) / (n - 1)) }));
    const spread = calibrate(record, { ...RANGE_RULE, window: n, fit: false });
    const z = (factor: number) => (15 * MIN * (factor - 1)) / (15 * MIN + scaleMs);
    const shrink = (x: number, prior: number) => (n * x + priorWeight * prior) / (n + priorWeight);
    expect(spread.low).toBeCloseTo(shrink(z(0.94), -0.5), 6);
    expect(spread.high).toBeCloseTo(shrink(z(1.26), 0.5), 6);
  });

  it('takes narrower percentiles when whole minutes would make the range hold more than 80 % of the record', () => {
    // 10-minute estimates, waits 6–14 min: the 10th–90th percentiles, 6.3–13.7 min, are shown
    // as 6–14 min, which holds every one of them.
    const record = Array.from({ length: 50 }, (_, i) => ({ estimateMs: 10 * MIN, waitMs: 6 * MIN + (8 * MIN * i) / 49 }));
    const plain = etaRange(10 * MIN, calibrate(record, { ...RANGE_RULE, fit: false }));
    const fitted = etaRange(10 * MIN, calibrate(record));
    expect(record.filter((o) => held(plain, o.waitMs)).length).toBe(50);
    const share = record.filter((o) => held(fitted, o.waitMs)).length / 50;
    expect(share).toBeGreaterThanOrEqual(0.8);
    expect(share).toBeLessThan(1);
    expect(rangeMinutes(fitted).high - rangeMinutes(fitted).low).toBeLessThan(rangeMinutes(plain).high - rangeMinutes(plain).low);
  });

  it('holds the real wait about 80 % of the time, as shown, on a day like its record', () => {
    // A steady day: the wait is the estimate × a random factor; the record calibrates, later visitors are judged.
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const visit = (): EtaOutcome => {
      const estimateMs = random() * 40 * MIN;
      const factor = Math.exp(0.4 * (random() + random() + random() - 1.5));
      return { estimateMs, waitMs: estimateMs * factor + random() * 2 * MIN };
    };
    const spread = calibrate(Array.from({ length: RANGE_RULE.window }, visit));
    const judged = Array.from({ length: 2000 }, visit);
    const share = judged.filter((o) => held(etaRange(o.estimateMs, spread), o.waitMs)).length / judged.length;
    expect(share).toBeGreaterThan(0.72);
    expect(share).toBeLessThan(0.88);
  });

  it('uses only the latest outcomes of the window', () => {
    const old = Array.from({ length: 500 }, () => ({ estimateMs: 10 * MIN, waitMs: 40 * MIN }));
    const recent = Array.from({ length: RANGE_RULE.window }, () => ({ estimateMs: 10 * MIN, waitMs: 10 * MIN }));
    expect(calibrate([...old, ...recent]).high).toBeCloseTo((priorWeight * 0.5) / (RANGE_RULE.window + priorWeight), 6);
  });

  it('narrows as the estimate shrinks, holds the estimate, never goes below 0, and is shown in whole minutes, at least one wide', () => {
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
        expect(m.high - m.low).toBeGreaterThanOrEqual(1);
      }),
    );
  });

  it('rounds each end to the nearest minute, but never past the estimate as shown (rounded up)', () => {
    expect(rangeMinutes({ lowMs: 11.4 * MIN, highMs: 19.6 * MIN, estimateMs: 15 * MIN })).toEqual({ low: 11, high: 20 });
    expect(rangeMinutes({ lowMs: 11.6 * MIN, highMs: 19.4 * MIN, estimateMs: 15 * MIN })).toEqual({ low: 12, high: 19 });
    // The ticket says 20 min (19.2 rounded up): the range reaches it.
    expect(rangeMinutes({ lowMs: 17 * MIN, highMs: 19.3 * MIN, estimateMs: 19.2 * MIN })).toEqual({ low: 17, high: 20 });
    // Under a minute: «حتى دقيقة», never an empty range.
    expect(rangeMinutes({ lowMs: 0, highMs: 0.4 * MIN, estimateMs: 0.3 * MIN })).toEqual({ low: 0, high: 1 });
  });
});

describe("the day's ranges, call after call", () => {
  // A day whose waits run further past their estimates as it goes: from 0.9× to 2× the estimate,
  // with noise. Each visitor is judged against the range in force when they were issued.
  function growingDay(): EtaCall[] {
    let seed = 11;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    return Array.from({ length: 400 }, (_, i) => {
      const issuedAt = i * MIN;
      const estimateMs = (5 + 25 * random()) * MIN;
      const drift = 0.9 + (1.1 * i) / 400;
      const waitMs = estimateMs * drift * Math.exp(0.3 * (random() + random() - 1));
      return { estimateMs, waitMs, calledAt: issuedAt + waitMs };
    }).sort((a, b) => a.calledAt - b.calledAt);
  }
  function heldShare(step: number): number {
    const rule = { ...RANGE_RULE, step };
    const tracker = startTracker();
    const calls = growingDay();
    for (const call of calls) observe(tracker, call, rule);
    const held = calls.filter((c) => {
      const m = rangeMinutes(etaRange(c.estimateMs, spreadAt(tracker, c.calledAt - c.waitMs), rule));
      return m.low * MIN <= c.waitMs && c.waitMs <= m.high * MIN;
    });
    return held.length / calls.length;
  }

  it('widens as the misses come, where the last 50 calls alone fall behind', () => {
    expect(heldShare(0)).toBeLessThan(0.75);
    const share = heldShare(RANGE_RULE.step);
    expect(share).toBeGreaterThanOrEqual(0.75);
    expect(share).toBeLessThanOrEqual(0.85);
  });

  it('judges each call against the spread in force at its issue: the prior before the first call', () => {
    const tracker = startTracker();
    expect(spreadAt(tracker, 0)).toEqual(calibrate([]));
    // Called 20 min late on a 10-minute estimate: the prior's 10 ± 6 min missed it on the high side.
    observe(tracker, { estimateMs: 10 * MIN, waitMs: 30 * MIN, calledAt: 30 * MIN });
    const tail = (1 - RANGE_RULE.share) / 2;
    expect(tracker.lift).toEqual({ low: -RANGE_RULE.step * tail, high: RANGE_RULE.step * (1 - tail) });
    expect(spreadAt(tracker, 30 * MIN)).toEqual(calibrate([]));
    expect(spreadAt(tracker, 30 * MIN + 1)).toEqual(tracker.spread);
    const fitted = calibrate(tracker.record);
    expect(tracker.spread.high).toBeCloseTo(fitted.high + RANGE_RULE.step * (1 - tail), 9);
  });
});
