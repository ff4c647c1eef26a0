import { describe, expect, it } from 'vitest';
import { advise, clearGainMs, LIGHT_FRACTION, MIN_GAIN_MS } from '../../../server/engine/advisor/advise.js';
import type { Outcome } from '../../../server/engine/advisor/rollout.js';
import { MAX_ADVICE } from '../../../server/engine/advisor/types.js';
import { counter, hall, line } from './hall.js';

// Counter 1 serves A (service 1), 20 waiting; counter 2 serves B (service 2), its clerk also qualified for A.
const lopsided = (over = {}) => hall({ counters: [counter(1, [1]), counter(2, [2], [2, 1])], waiting: line(1, 20, 1), ...over });

describe('the staffing advisor', () => {
  it('recommends the obvious switch, with its expected effect', () => {
    const [advice, ...rest] = advise(lopsided());
    expect(rest).toEqual([]);
    expect(advice).toMatchObject({ kind: 'add-service', counterId: 2, serviceId: 1 });
    if (advice?.kind !== 'add-service') throw new Error('no advice');
    expect(advice.effect.serviceId).toBe(1);
    // 20 visits of 5 min on one counter: the last waits over 1.5 h; on two, about half as long.
    expect(advice.effect.waitAfterS).toBeLessThan(0.7 * advice.effect.waitBeforeS);
    expect(advice.forMinutes).toBeGreaterThanOrEqual(20);
    expect(advice.forMinutes).toBeLessThanOrEqual(60);
  });

  it('gives the same advice for the same input and seed', () => {
    const busier = lopsided({ history: [new Map([[1, Array.from({ length: 96 }, () => 3)]])], today: new Map([[1, Array.from({ length: 40 }, () => 4)]]) });
    expect(advise(busier)).toEqual(advise(busier));
  });

  it('recommends nothing on a balanced hall', () => {
    const balanced = hall({ counters: [counter(1, [1], [1, 2]), counter(2, [2], [2, 1])], waiting: [...line(1, 3, 1), ...line(2, 3, 10)] });
    expect(advise(balanced)).toEqual([]);
  });

  it('recommends nothing whose gain does not clearly beat the switch', () => {
    // Eight visits of A (40 min of work) on counter 1; counter 2 is free only in 30 min: it would take one or two at most.
    const late = [counter(1, [1]), counter(2, [2], [2, 1], { freeInMs: 30 * 60_000 })];
    expect(advise(lopsided({ counters: late, waiting: line(1, 8, 1) }))).toEqual([]);
  });

  it('leaves a light hall alone: no switch for a service waiting under LIGHT_FRACTION of its target', () => {
    const [advice] = advise(lopsided());
    const before = advice!.effect.waitBeforeS;
    const withTarget = (targetWaitS: number) =>
      lopsided({ rules: { ...hall().rules, services: new Map([...hall().rules.services, [1, { id: 1, targetWaitS }]]) } });
    expect(advise(withTarget(Math.ceil(before / LIGHT_FRACTION) + 60))).toEqual([]);
    expect(advise(withTarget(Math.floor(before / LIGHT_FRACTION) - 60))).toEqual([expect.objectContaining({ kind: 'add-service', counterId: 2, serviceId: 1 })]);
  });

  it('never names a service the clerk is not qualified for, nor a counter changed in the last 30 minutes', () => {
    expect(advise(lopsided({ counters: [counter(1, [1]), counter(2, [2], [2])] }))).toEqual([]);
    expect(advise(lopsided({ counters: [counter(1, [1]), counter(2, [2], [2, 1], { servicesChangedAt: hall().now - 10 * 60_000 })] }))).toEqual([]);
  });

  it('counts on a counter only until its shift ends', () => {
    // Counter 2 leaves before the switch (SWITCH_COST_MS) would be done.
    const leaving = [counter(1, [1]), counter(2, [2], [2, 1], { closesInMs: 50_000 })];
    expect(advise(lopsided({ counters: leaving }))).toEqual([]);
  });

  it('at most MAX_ADVICE, each on its own counter and for its own service', () => {
    // A and B each with a long line on one counter; three counters of C (service 3, nobody waiting) qualified for both.
    const counters = [counter(1, [1]), counter(2, [2]), ...[3, 4, 5].map((id) => counter(id, [3], [3, 1, 2]))];
    const durations = new Map([1, 2, 3].map((id) => [id, 300_000]));
    const advice = advise(lopsided({ counters, durations, waiting: [...line(1, 30, 1), ...line(2, 30, 100)] }));
    expect(advice).toHaveLength(MAX_ADVICE);
    expect(new Set(advice.map((a) => a.counterId)).size).toBe(MAX_ADVICE);
    expect(new Set(advice.map((a) => a.effect.serviceId))).toEqual(new Set([1, 2]));
  });

  it('advises opening a closed counter when the next hour misses its target, naming the services', () => {
    const closed = counter(3, [], [1, 2], { state: 'closed' });
    const advice = advise(lopsided({ counters: [counter(1, [1]), counter(2, [2]), closed] }));
    expect(advice).toEqual([expect.objectContaining({ kind: 'open-counter', counterId: 3, serviceIds: [1] })]);
    // Two waiting, within target: no need.
    expect(advise(lopsided({ counters: [counter(1, [1]), counter(2, [2]), closed], waiting: line(1, 2, 1) }))).toEqual([]);
  });
});

describe('a clear gain', () => {
  // Twelve roll-outs of ten tickets each, with these waits in minutes.
  const outcomes = (minutes: number[]): Outcome[] =>
    Array.from({ length: 12 }, () => {
      const waits = minutes.map((m) => m * 60_000);
      return { byService: new Map(), totalMs: waits.reduce((a, b) => a + b, 0), waits, lastCallOf: new Map() };
    });
  const before = outcomes(Array.from({ length: 10 }, () => 20));

  it('is the mean wait saved, when it is large', () => {
    expect(clearGainMs(before, outcomes(Array.from({ length: 10 }, () => 10)))).toBe(100 * 60_000);
    expect(clearGainMs(before, outcomes([...Array.from({ length: 9 }, () => 20), 20 - MIN_GAIN_MS / 60_000 + 1]))).toBeNull();
  });

  it('is none when it lengthens the p90 wait, however much it saves on average', () => {
    expect(clearGainMs(before, outcomes([0, 0, 0, 0, 0, 0, 0, 0, 60, 60]))).toBeNull();
  });
});
