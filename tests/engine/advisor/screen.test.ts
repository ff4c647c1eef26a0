import { describe, expect, it } from 'vitest';
import { planWith } from '../../../server/engine/advisor/advise.js';
import { LONG_RATIO, screen } from '../../../server/engine/advisor/screen.js';
import { SETTLE_MS, SWITCH_COST_MS } from '../../../server/engine/advisor/types.js';
import { counter, hall, line, NOW } from './hall.js';

// Counter 1 serves A (service 1), with 20 waiting; counter 2 serves B (service 2), with nobody.
const busyA = (c2 = counter(2, [2], [2, 1]), more = [counter(1, [1])]) => hall({ counters: [...more, c2], waiting: line(1, 20, 1) });
const noArrivals = new Map<number, number>();

describe('screening the actions', () => {
  it('offers a counter the busy service its clerk is qualified for', () => {
    expect(screen(busyA(), noArrivals)).toContainEqual(expect.objectContaining({ kind: 'add-service', counterId: 2, serviceId: 1, serviceIds: [2, 1], helped: 1 }));
  });

  it('never adds to a counter with no time to spare a service of visits more than LONG_RATIO times as long as its quickest', () => {
    const lengths = (a: number, b: number) => new Map([[1, a], [2, b]]);
    // A: 20 waiting and 100 more expected this hour; B: `b` waiting, all on counter 2.
    const add = (durations: Map<number, number>, b: number) =>
      screen({ ...busyA(), durations, waiting: [...line(1, 20, 1), ...line(2, b, 100)] }, new Map([[1, 100]])).filter((c) => c.kind === 'add-service' && c.counterId === 2);
    // 70 one-minute visits of B fill counter 2's hour.
    expect(add(lengths(LONG_RATIO * 60_000 + 1_000, 60_000), 70)).toEqual([]);
    expect(add(lengths(LONG_RATIO * 60_000, 60_000), 70)).toEqual([expect.objectContaining({ serviceId: 1 })]);
    // 30 leave it half the hour to spare: A is added however long its visits.
    expect(add(lengths(10 * 60_000, 60_000), 30)).toEqual([expect.objectContaining({ serviceId: 1 })]);
  });

  it('never goes beyond a clerk’s qualifications', () => {
    const candidates = screen(busyA(counter(2, [2], [2])), noArrivals);
    expect(candidates.filter((c) => c.counterId === 2)).toEqual([]);
  });

  it('leaves alone a counter changed in the last 30 minutes', () => {
    const recent = counter(2, [2], [2, 1], { servicesChangedAt: NOW - SETTLE_MS + 60_000 });
    expect(screen(busyA(recent), noArrivals).filter((c) => c.counterId === 2)).toEqual([]);
    const settled = counter(2, [2], [2, 1], { servicesChangedAt: NOW - SETTLE_MS });
    expect(screen(busyA(settled), noArrivals).filter((c) => c.counterId === 2)).not.toEqual([]);
  });

  it('offers to drop the quiet service of a counter whose other is pressed, only while another counter serves it', () => {
    const both = counter(2, [2, 1], [2, 1]);
    const drop = expect.objectContaining({ kind: 'drop-service', counterId: 2, serviceId: 2, helped: 1 });
    expect(screen(busyA(both, [counter(1, [1]), counter(3, [2])]), noArrivals)).toContainEqual(drop);
    expect(screen(busyA(both), noArrivals)).not.toContainEqual(drop);
  });

  it('never drops a service to give the counter’s time to a service of longer visits', () => {
    // Counter 2 serves B and the pressed A; B is served at counter 3 too. Quick visits first (the generalized cμ rule).
    const drops = (a: number, b: number) =>
      screen({ ...busyA(counter(2, [2, 1], [2, 1]), [counter(1, [1]), counter(3, [2])]), durations: new Map([[1, a], [2, b]]) }, noArrivals).filter((c) => c.kind === 'drop-service');
    expect(drops(300_000 + 1_000, 300_000)).toEqual([]);
    expect(drops(300_000, 300_000)).toEqual([expect.objectContaining({ counterId: 2, serviceId: 2, helped: 1 })]);
    expect(drops(200_000, 300_000)).toEqual([expect.objectContaining({ counterId: 2, serviceId: 2, helped: 1 })]);
  });

  it('offers nothing to a paused or closed counter but opening the closed one for the pressed services its clerk may serve', () => {
    const paused = counter(2, [2], [2, 1], { state: 'paused' });
    expect(screen(busyA(paused), noArrivals).filter((c) => c.counterId === 2)).toEqual([]);
    const closed = counter(2, [2], [2, 1], { state: 'closed' });
    expect(screen(busyA(closed), noArrivals).filter((c) => c.counterId === 2)).toEqual([expect.objectContaining({ kind: 'open-counter', serviceIds: [1] })]);
  });

  it('rolls a switched counter out SWITCH_COST_MS later than its visit ends', () => {
    const base = [
      { id: 1, serviceIds: [1], freeInMs: 0, priorityStreak: 0 },
      { id: 2, serviceIds: [2], freeInMs: 90_000, priorityStreak: 1 },
    ];
    const add = screen(busyA(), noArrivals).find((c) => c.kind === 'add-service');
    expect(planWith(base, add!)).toEqual([base[0], { id: 2, serviceIds: [2, 1], freeInMs: 90_000 + SWITCH_COST_MS, priorityStreak: 1 }]);
  });
});
