import { describe, expect, it } from 'vitest';
import { forecastInputOf, LEARNING_WINDOW, learningSamples, learntDurations, type HallNow } from '../../server/engine/forecast-input.js';
import type { WaitingTicket } from '../../server/engine/types.js';

const MIN = 60_000;
const NOW = Date.UTC(2026, 11, 7, 9, 0, 0);

const hall = (change: Partial<HallNow> = {}): HallNow => ({
  now: NOW,
  counters: [
    { id: 1, serviceIds: [1], priorityStreak: 0, open: true, visit: { serviceId: 1, calledAt: NOW - 3 * MIN, startedAt: NOW - 2 * MIN } },
    { id: 2, serviceIds: [1, 2], priorityStreak: 1, sinceAppointment: 0, open: true, visit: { serviceId: 2, calledAt: NOW - 5 * MIN, startedAt: null } },
    { id: 3, serviceIds: [2], priorityStreak: 0, open: false, visit: null },
  ],
  waiting: [],
  bookings: [],
  durations: new Map([
    [1, 10 * MIN],
    [2, 6 * MIN],
  ]),
  rules: { policy: 'default', maxPriorityInRow: 2, services: new Map() },
  ...change,
});

describe('forecastInputOf', () => {
  it('frees a busy counter when its visit, counted from its start (else its call), is expected to end', () => {
    const input = forecastInputOf(hall(), { openOnly: true });
    // Counter 1: 10 min expected, started 2 min ago: 8 min. Counter 2: never started, called
    // 5 min ago, 6 min expected: 1 min, but never below a quarter of the expected (1.5 min).
    expect(input.counters.map((c) => [c.id, c.freeInMs])).toEqual([
      [1, 8 * MIN],
      [2, 1.5 * MIN],
    ]);
    expect(input.counters[1]).toMatchObject({ serviceIds: [1, 2], priorityStreak: 1, sinceAppointment: 0 });
  });

  it('counts the closed counters as opening now only when asked (the estimate of a line nobody open serves)', () => {
    expect(forecastInputOf(hall(), { openOnly: false }).counters.map((c) => [c.id, c.freeInMs])).toEqual([
      [1, 8 * MIN],
      [2, 1.5 * MIN],
      [3, 0],
    ]);
  });

  it('puts the bookings to come after the waiting tickets', () => {
    const t = (id: number, slotAt: number | null): WaitingTicket => ({ id, serviceId: 1, priority: false, issuedAt: NOW, targetCounterId: null, slotAt });
    const input = forecastInputOf(hall({ waiting: [t(1, null)], bookings: [t(-4, NOW + MIN)] }), { openOnly: true });
    expect(input.waiting.map((w) => w.id)).toEqual([1, -4]);
  });
});

describe('learningSamples and learntDurations', () => {
  const visit = (startMin: number, lengthMin: number, started = true) => ({
    calledAt: NOW + startMin * MIN - 30_000,
    startedAt: started ? NOW + startMin * MIN : null,
    endedAt: NOW + (startMin + lengthMin) * MIN,
  });

  it('reads the latest LEARNING_WINDOW visits, from their start (else their call), leaving out those of no length', () => {
    const latestFirst = [visit(100, 4), visit(90, 0), visit(80, 2, false), ...Array.from({ length: LEARNING_WINDOW }, (_, i) => visit(-i, 7))];
    const samples = learningSamples(latestFirst);
    expect(samples.slice(0, 2)).toEqual([4 * MIN, 2 * MIN + 30_000]);
    // The window counts the visit of no length too: 50 visits read, 49 samples.
    expect(samples).toHaveLength(LEARNING_WINDOW - 1);
  });

  it('blends each service\'s prior with its own samples', () => {
    const learnt = learntDurations(new Map([[1, 5 * MIN], [2, 8 * MIN]]), (id) => (id === 1 ? [11 * MIN] : []));
    expect(learnt).toEqual(new Map([[1, 6 * MIN], [2, 8 * MIN]]));
  });
});
