import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  estimateNewTicket,
  forecastWaits,
  learnDurationMs,
  naiveEstimateMs,
  notStartedYet,
  remainingMs,
  type EstimateCounter,
  type HallForecastInput,
} from '../../server/engine/estimate.js';
import { LOOK_AHEAD_CALLS, withCallNext } from '../../server/engine/forecast-input.js';
import { isEligible, nextSinceAppointment } from '../../server/engine/order.js';
import { pickNext } from '../../server/engine/routing.js';
import { ENGINE_POLICIES, ROUTING_POLICIES, type RoutingPolicy, type RoutingRules, type ServiceRule, type WaitingTicket } from '../../server/engine/types.js';

const MIN = 60_000;
const NOW = Date.UTC(2026, 10, 27, 7, 0, 0);

const SERVICES = new Map<number, ServiceRule>([
  [1, { id: 1, targetWaitS: 900 }],
  [2, { id: 2, targetWaitS: 900 }],
  [3, { id: 3, targetWaitS: 900 }],
]);
const rules = (policy: RoutingPolicy = 'oldest-first'): RoutingRules => ({ policy, maxPriorityInRow: 2, services: SERVICES });

const w = (id: number, serviceId: number, minutesAgo: number, extra: Partial<WaitingTicket> = {}): WaitingTicket => ({
  id, serviceId, issuedAt: NOW - minutesAgo * MIN, priority: false, targetCounterId: null, slotAt: null, ...extra,
});

// Counter 1 serves service 1 and is free now; counter 2 serves 1 and 2 and is free in 2 min.
// Service 1 takes 4 min, service 2 takes 6 min.
const hall = (waiting: WaitingTicket[], policy: RoutingPolicy = 'oldest-first'): HallForecastInput => ({
  now: NOW,
  counters: [
    { id: 1, serviceIds: [1], priorityStreak: 0, freeInMs: 0 },
    { id: 2, serviceIds: [1, 2], priorityStreak: 0, freeInMs: 2 * MIN },
  ],
  waiting,
  durations: new Map([[1, 4 * MIN], [2, 6 * MIN]]),
  rules: rules(policy),
});

const FIVE = [w(1, 1, 10), w(2, 2, 9), w(3, 1, 8), w(4, 1, 7), w(5, 2, 6)];

describe('forecastWaits: a worked example', () => {
  it('runs the routing forward, counter by counter', () => {
    // 0:00  counter 1 calls 1 (oldest of service 1)         → busy until 4:00
    // 2:00  counter 2 calls 2 (oldest it may serve)          → busy until 8:00
    // 4:00  counter 1 calls 3                                → busy until 8:00
    // 8:00  both free: counter 1 first (lower id) calls 4    → busy until 12:00
    // 8:00  counter 2 calls 5                                → busy until 14:00
    expect(forecastWaits(hall(FIVE))).toEqual(
      new Map([[1, 0], [2, 2 * MIN], [3, 4 * MIN], [4, 8 * MIN], [5, 8 * MIN]]),
    );
  });

  it('leaves out tickets no counter can serve', () => {
    const waits = forecastWaits(hall([...FIVE, w(6, 3, 20), w(7, 1, 20, { targetCounterId: 9 })]));
    expect(waits.has(6)).toBe(false);
    expect(waits.has(7)).toBe(false);
    expect(waits.get(5)).toBe(8 * MIN);
  });

  it('follows the policy: service-order sends counter 2 to service 1 first', () => {
    // 2:00 counter 2 prefers service 1: calls 3; 4:00 counter 1 calls 4; 6:00 counter 2 calls 2;
    // 8:00 counter 1 has nothing left it may serve; 12:00 counter 2 calls 5.
    expect(forecastWaits(hall(FIVE, 'service-order'))).toEqual(
      new Map([[1, 0], [3, 2 * MIN], [4, 4 * MIN], [2, 6 * MIN], [5, 12 * MIN]]),
    );
  });

  it('starts busy counters when they free up', () => {
    const input = hall([w(1, 1, 5)]);
    const busy: HallForecastInput = { ...input, counters: input.counters.map((c) => ({ ...c, freeInMs: c.id === 1 ? 3 * MIN : 7 * MIN })) };
    expect(forecastWaits(busy).get(1)).toBe(3 * MIN);
  });
});

describe('estimateNewTicket', () => {
  it('places a new ticket behind everyone already waiting', () => {
    // After the five: counter 1 frees at 12:00, counter 2 at 14:00.
    expect(estimateNewTicket(hall(FIVE), { serviceId: 1, priority: false })).toBe(12 * MIN);
    // Counter 1 cannot serve service 2: only counter 2, at 14:00.
    expect(estimateNewTicket(hall(FIVE), { serviceId: 2, priority: false })).toBe(14 * MIN);
  });

  it('lets a priority visitor go first', () => {
    expect(estimateNewTicket(hall(FIVE), { serviceId: 1, priority: true })).toBe(0);
  });

  it('waits for the one counter a transfer names', () => {
    // Counter 2 at 2:00 calls 2 (older), at 8:00 calls 5 (older) and at 14:00 the new ticket.
    expect(estimateNewTicket(hall(FIVE), { serviceId: 1, priority: false, targetCounterId: 2 })).toBe(14 * MIN);
  });

  it('answers null when no counter serves the ticket', () => {
    expect(estimateNewTicket(hall(FIVE), { serviceId: 3, priority: false })).toBeNull();
    expect(estimateNewTicket(hall(FIVE), { serviceId: 1, priority: false, targetCounterId: 9 })).toBeNull();
    expect(estimateNewTicket({ ...hall(FIVE), counters: [] }, { serviceId: 1, priority: false })).toBeNull();
  });

  it('grows as more tickets wait', () => {
    // Service 1 only: the two counters take turns, so each ticket ahead adds 2 min (0, 2, 4…).
    const ahead = (n: number) => Array.from({ length: n }, (_, i) => w(i + 1, 1, 10 - i));
    const estimates = [0, 1, 2, 3, 4, 5].map((n) => estimateNewTicket(hall(ahead(n)), { serviceId: 1, priority: false })!);
    expect(estimates).toEqual([0, 2, 4, 6, 8, 10].map((m) => m * MIN));
    for (let i = 1; i < estimates.length; i++) expect(estimates[i]).toBeGreaterThan(estimates[i - 1]!);
  });
});

describe('learnDurationMs', () => {
  const prior = 5 * MIN;

  it('is the prior with no samples', () => {
    expect(learnDurationMs(prior, [])).toBe(prior);
  });

  it('moves toward the samples as they come in', () => {
    const one = learnDurationMs(prior, [10 * MIN]);
    const ten = learnDurationMs(prior, Array(10).fill(10 * MIN));
    const hundred = learnDurationMs(prior, Array(100).fill(10 * MIN));
    expect(one).toBeGreaterThan(prior);
    expect(ten).toBeGreaterThan(one);
    expect(hundred).toBeGreaterThan(ten);
    expect(hundred).toBeLessThan(10 * MIN);
    expect(learnDurationMs(prior, [10 * MIN], 1)).toBe(7.5 * MIN);
  });

  it('is not thrown by one visit left open for hours', () => {
    const samples = [...Array(10).fill(5 * MIN), 600 * MIN];
    const learned = learnDurationMs(prior, samples);
    const rawMean = (5 * prior + samples.reduce((a, b) => a + b, 0)) / (5 + samples.length);
    expect(learned).toBeLessThan(2 * prior);
    expect(learned).toBeLessThan(rawMean / 4);
    expect(learnDurationMs(prior, [...Array(10).fill(5 * MIN), 0])).toBeGreaterThan(4 * MIN);
  });
});

describe('remainingMs and the naive estimate', () => {
  it('counts down, but never below a quarter of the expected', () => {
    expect(remainingMs(8 * MIN, 0)).toBe(8 * MIN);
    expect(remainingMs(8 * MIN, 3 * MIN)).toBe(5 * MIN);
    expect(remainingMs(8 * MIN, 7 * MIN)).toBe(2 * MIN);
    expect(remainingMs(8 * MIN, 30 * MIN)).toBe(2 * MIN);
  });

  it('is people ahead × mean ÷ counters', () => {
    expect(naiveEstimateMs(6, 4 * MIN, 3)).toBe(8 * MIN);
    expect(naiveEstimateMs(0, 4 * MIN, 3)).toBe(0);
    expect(naiveEstimateMs(2, 4 * MIN, 0)).toBe(8 * MIN);
  });
});

// ---- properties ----

const arbHall = (policies: readonly RoutingPolicy[]) =>
  fc
    .record({
      counters: fc.array(
        fc.record({
          serviceIds: fc.shuffledSubarray([1, 2, 3], { minLength: 1 }),
          priorityStreak: fc.integer({ min: 0, max: 2 }),
          freeInMs: fc.integer({ min: 0, max: 20 * MIN }),
        }),
        { minLength: 1, maxLength: 5 },
      ),
      waiting: fc.array(
        fc.record({
          serviceId: fc.integer({ min: 1, max: 3 }),
          priority: fc.boolean(),
          issuedAt: fc.integer({ min: NOW - 90 * MIN, max: NOW }),
          targetCounterId: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null, freq: 6 }),
        }),
        { maxLength: 40 },
      ),
      durations: fc.tuple(...[1, 2, 3].map(() => fc.integer({ min: MIN, max: 20 * MIN }))),
      policy: fc.constantFrom(...policies),
    })
    .map(({ counters, waiting, durations, policy }): HallForecastInput => ({
      now: NOW,
      counters: counters.map((c, i): EstimateCounter => ({ ...c, id: i + 1 })),
      waiting: waiting.map((t, i) => ({ ...t, id: i + 1, slotAt: null })),
      durations: new Map(durations.map((d, i) => [i + 1, d])),
      rules: rules(policy),
    }));

describe('forecast properties', () => {
  it('estimates exactly the tickets some counter can serve, never negative', () => {
    fc.assert(
      fc.property(arbHall(ROUTING_POLICIES), (input) => {
        const waits = forecastWaits(input);
        for (const t of input.waiting) {
          const servable = input.counters.some((c) =>
            t.targetCounterId !== null ? t.targetCounterId === c.id : c.serviceIds.includes(t.serviceId),
          );
          expect(waits.has(t.id)).toBe(servable);
          if (servable) expect(waits.get(t.id)).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('under oldest-first, a later regular ticket of a service never waits less than an earlier one', () => {
    fc.assert(
      fc.property(arbHall(['oldest-first']), (input) => {
        const waits = forecastWaits(input);
        const regular = input.waiting.filter((t) => !t.priority && t.targetCounterId === null && waits.has(t.id));
        for (const a of regular)
          for (const b of regular)
            if (a.serviceId === b.serviceId && (a.issuedAt < b.issuedAt || (a.issuedAt === b.issuedAt && a.id < b.id)))
              expect(waits.get(a.id)!).toBeLessThanOrEqual(waits.get(b.id)!);
      }),
      { numRuns: 300 },
    );
  });

  it('a new ticket estimate is ≥ 0 and does not drop when one more ticket waits (one service)', () => {
    const arb = fc.record({
      freeIn: fc.array(fc.integer({ min: 0, max: 10 * MIN }), { minLength: 1, maxLength: 6 }),
      ages: fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 30 }),
      priority: fc.boolean(),
      policy: fc.constantFrom(...ROUTING_POLICIES),
    });
    fc.assert(
      fc.property(arb, ({ freeIn, ages, priority, policy }) => {
        const input = (n: number): HallForecastInput => ({
          now: NOW,
          counters: freeIn.map((f, i) => ({ id: i + 1, serviceIds: [1], priorityStreak: 0, freeInMs: f })),
          waiting: ages.slice(0, n).map((a, i) => w(i + 1, 1, a)),
          durations: new Map([[1, 5 * MIN]]),
          rules: rules(policy),
        });
        let previous = 0;
        for (let n = 0; n <= ages.length; n++) {
          const e = estimateNewTicket(input(n), { serviceId: 1, priority })!;
          expect(e).toBeGreaterThanOrEqual(previous);
          previous = e;
        }
      }),
      { numRuns: 200 },
    );
  });
});

// The forecast gives the routing only the tickets that could come first in each group
// (estimate.ts, WaitingLine). The plain run below gives it every waiting ticket at every step,
// as the rule is written: both must call the same tickets at the same moments. With
// `lookAheadCalls`, its first that many calls are Call next's with the hall in view.
function plainForecast(input: HallForecastInput, stopAt: number | null = null, lookAheadCalls = 0): Map<number, number> {
  const { now, rules, durations } = input;
  const fallback = durations.size ? [...durations.values()].reduce((a, b) => a + b, 0) / durations.size : 0;
  const counters = input.counters
    .map((c) => ({ ...c, freeAt: now + Math.max(0, c.freeInMs) }))
    .sort((a, b) => a.id - b.id);
  const waiting = [...input.waiting];
  const waits = new Map<number, number>();
  while (waiting.length > 0 && counters.length > 0) {
    let next = 0;
    for (let i = 1; i < counters.length; i++) if (counters[i]!.freeAt < counters[next]!.freeAt) next = i;
    const counter = counters[next]!;
    const at = counter.freeAt;
    const view = { counters: counters.map((c) => ({ ...c, freeInMs: c.freeAt - at })), durations };
    const picked = waits.size < lookAheadCalls ? pickNext(counter, waiting.filter((t) => t.issuedAt <= at), at, rules, view) : pickNext(counter, waiting, at, rules);
    if (picked === null) {
      const bookings = waiting.filter((t) => isEligible(counter, t) && t.issuedAt > counter.freeAt).map((t) => t.issuedAt);
      if (bookings.length === 0) counters.splice(next, 1);
      else counter.freeAt = Math.min(...bookings);
      continue;
    }
    waits.set(picked.ticket.id, counter.freeAt - now);
    if (picked.ticket.id === stopAt) break;
    waiting.splice(waiting.indexOf(picked.ticket), 1);
    counter.freeAt += durations.get(picked.ticket.serviceId) ?? fallback;
    counter.priorityStreak = picked.ticket.priority ? counter.priorityStreak + 1 : 0;
    counter.sinceAppointment = nextSinceAppointment(counter.sinceAppointment, picked.ticket);
  }
  return waits;
}

describe('the forecast calls whom the routing would', () => {
  // Services 1–4 with different targets, service 5 with none (the hall's longest applies);
  // issue times on a coarse grid, so that many tie.
  const arb = fc
    .record({
      targets: fc.tuple(...[1, 2, 3, 4].map(() => fc.integer({ min: 1, max: 40 }))),
      counters: fc.array(
        fc.record({
          serviceIds: fc.shuffledSubarray([1, 2, 3, 4, 5], { minLength: 1 }),
          priorityStreak: fc.integer({ min: 0, max: 3 }),
          freeInMs: fc.integer({ min: 0, max: 20 * MIN }),
        }),
        { minLength: 1, maxLength: 6 },
      ),
      waiting: fc.array(
        fc.record({
          serviceId: fc.integer({ min: 1, max: 5 }),
          priority: fc.boolean(),
          minutesAgo: fc.integer({ min: 0, max: 60 }),
          targetCounterId: fc.option(fc.integer({ min: 1, max: 7 }), { nil: null, freq: 5 }),
          // An appointment's slot, minutes from now, and whether the citizen has checked in.
          slotMin: fc.option(fc.integer({ min: -30, max: 40 }), { nil: null, freq: 3 }),
          arrived: fc.boolean(),
        }),
        { maxLength: 60 },
      ),
      durations: fc.tuple(...[1, 2, 3, 4].map(() => fc.integer({ min: 1, max: 20 }))),
      maxPriorityInRow: fc.integer({ min: 1, max: 3 }),
      policy: fc.constantFrom(...ENGINE_POLICIES),
      sinceAppointment: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
      probe: fc.record({ serviceId: fc.integer({ min: 1, max: 5 }), priority: fc.boolean() }),
    })
    .map(({ targets, counters, waiting, durations, maxPriorityInRow, policy, sinceAppointment, probe }) => {
      const services = new Map(targets.map((m, i): [number, ServiceRule] => [i + 1, { id: i + 1, targetWaitS: m * 60 }]));
      const input: HallForecastInput = {
        now: NOW,
        counters: counters.map((c, i): EstimateCounter => ({ ...c, id: i + 1, sinceAppointment })),
        waiting: waiting.map((t, i): WaitingTicket => {
          const slotAt = t.slotMin === null ? null : NOW + t.slotMin * MIN;
          // A booking not checked in yet is expected at its slot.
          const issuedAt = slotAt !== null && !t.arrived && slotAt > NOW ? slotAt : NOW - t.minutesAgo * MIN;
          return { id: i + 1, serviceId: t.serviceId, priority: t.priority, issuedAt, targetCounterId: t.targetCounterId, slotAt };
        }),
        // Service 5 has no known duration either: the hall's mean applies.
        durations: new Map(durations.map((m, i) => [i + 1, m * MIN])),
        rules: { policy, maxPriorityInRow, services },
      };
      return { input, probe };
    });

  it('for every waiting ticket, under every policy', () => {
    fc.assert(
      fc.property(arb, ({ input }) => {
        expect(forecastWaits(input)).toEqual(plainForecast(input));
      }),
      { numRuns: 1000 },
    );
  });

  it('for a new ticket', () => {
    fc.assert(
      fc.property(arb, ({ input, probe }) => {
        const id = input.waiting.length + 1;
        const withProbe = { ...input, waiting: [...input.waiting, { id, ...probe, issuedAt: NOW, targetCounterId: null, slotAt: null }] };
        const expected = input.counters.some((c) => c.serviceIds.includes(probe.serviceId)) ? (plainForecast(withProbe, id).get(id) ?? null) : null;
        expect(estimateNewTicket(input, probe)).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('with the look-ahead, a hand-worked hall (tests/engine/rollout.test.ts): b first, as Call next calls it', () => {
    // Counter 1 serves A and B, free now; counter 2 serves A only, free in 1 min. A takes 6 min,
    // B 4; both have a 10-min target. a (A) has waited 7 min, b (B) 5.
    const input: HallForecastInput = {
      now: NOW,
      counters: [
        { id: 1, serviceIds: [1, 2], priorityStreak: 0, freeInMs: 0 },
        { id: 2, serviceIds: [1], priorityStreak: 0, freeInMs: MIN },
      ],
      waiting: [w(1, 1, 7), w(2, 2, 5)],
      durations: new Map([[1, 6 * MIN], [2, 4 * MIN]]),
      rules: { policy: 'default', maxPriorityInRow: 2, services: new Map([[1, { id: 1, targetWaitS: 600 }], [2, { id: 2, targetWaitS: 600 }]]) },
    };
    // The plain rule: counter 1 takes a now, b waits for it (6 min). Call next: counter 1 takes
    // b, counter 2 takes a in 1 min.
    expect(Object.fromEntries(forecastWaits(input))).toEqual({ 1: 0, 2: 6 * MIN });
    expect(Object.fromEntries(forecastWaits(withCallNext(input)))).toEqual({ 1: MIN, 2: 0 });
  });

  // The default policy's Call next looks ahead (rollout.ts): its forecast runs the first
  // LOOK_AHEAD_CALLS calls as Call next makes them, so an estimate forecasts the rule that calls.
  it('with the look-ahead: its first calls as Call next makes them, the rest by the plain rule', () => {
    fc.assert(
      fc.property(arb, ({ input, probe }) => {
        const ahead = withCallNext(input);
        expect(forecastWaits(ahead)).toEqual(plainForecast(input, null, input.rules.policy === 'default' ? LOOK_AHEAD_CALLS : 0));
        const id = input.waiting.length + 1;
        const withProbe = { ...input, waiting: [...input.waiting, { id, ...probe, issuedAt: NOW, targetCounterId: null, slotAt: null }] };
        const expected = input.counters.some((c) => c.serviceIds.includes(probe.serviceId))
          ? (plainForecast(withProbe, id, input.rules.policy === 'default' ? LOOK_AHEAD_CALLS : 0).get(id) ?? null)
          : null;
        expect(estimateNewTicket(ahead, probe)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('forecast speed', () => {
  // How fast is a benchmark's question (bench:sim); here only that a big hall is forecast whole.
  it('forecasts every one of 300 waiting tickets × 20 counters', () => {
    const counters = Array.from({ length: 20 }, (_, i): EstimateCounter => ({
      id: i + 1,
      serviceIds: [1 + (i % 6), 1 + ((i + 1) % 6), 1 + ((i + 3) % 6)],
      priorityStreak: 0,
      freeInMs: (i * 37_000) % (5 * MIN),
    }));
    const waiting = Array.from({ length: 300 }, (_, i) => w(i + 1, 1 + ((i * 7) % 6), 90 - i * 0.3, { priority: i % 11 === 0 }));
    const services = new Map(Array.from({ length: 6 }, (_, i): [number, ServiceRule] => [i + 1, { id: i + 1, targetWaitS: 600 + i * 120 }]));
    const durations = new Map(Array.from({ length: 6 }, (_, i): [number, number] => [i + 1, (3 + i) * MIN]));
    for (const policy of ROUTING_POLICIES) {
      const input: HallForecastInput = { now: NOW, counters, waiting, durations, rules: { policy, maxPriorityInRow: 2, services } };
      const waits = forecastWaits(input);
      expect(waits.size, policy).toBe(300);
    }
  });
});

describe('notStartedYet', () => {
  const serving = { counterIds: new Set([4]), serviceIds: new Set([1]) };
  const workday = [[8 * 60, 12 * 60], [13 * 60, 15 * 60]] as const;

  it('is null while a counter serves the line', () => {
    expect(notStartedYet(serving, { serviceId: 1 }, workday, 9 * 60)).toBeNull();
    expect(notStartedYet(serving, { serviceId: 2, targetCounterId: 4 }, workday, 9 * 60)).toBeNull();
  });

  it('says when the service opens later today, else that it has not started', () => {
    expect(notStartedYet(serving, { serviceId: 2 }, workday, 7 * 60)).toEqual({ opensAtMinute: 8 * 60 });
    expect(notStartedYet(serving, { serviceId: 2 }, workday, 12 * 60 + 30)).toEqual({ opensAtMinute: 13 * 60 });
    expect(notStartedYet(serving, { serviceId: 2 }, workday, 9 * 60)).toEqual({ opensAtMinute: null });
    expect(notStartedYet(serving, { serviceId: 2 }, [], 7 * 60)).toEqual({ opensAtMinute: null });
    // Sent to a counter that is closed: not started, whoever serves the service.
    expect(notStartedYet(serving, { serviceId: 1, targetCounterId: 2 }, workday, 9 * 60)).toEqual({ opensAtMinute: null });
  });
});

describe('appointments in the forecast', () => {
  const one: EstimateCounter = { id: 1, serviceIds: [1], priorityStreak: 0, freeInMs: 6 * MIN };
  const input = (waiting: WaitingTicket[], counter = one): HallForecastInput => ({
    now: NOW,
    counters: [counter],
    waiting,
    durations: new Map([[1, 10 * MIN]]),
    rules: rules('default'),
  });
  /** A booking not checked in yet, expected at its slot `inMin` from now. */
  const booking = (id: number, inMin: number) => w(id, 1, -inMin, { slotAt: NOW + inMin * MIN });

  it("gives a walk-in an estimate that counts the counter time of the appointments still to come", () => {
    // The counter is free in 6 min; the appointment at +5 is due then and goes first, then walk-in 1, then the new walk-in.
    const walkIn = w(1, 1, 1);
    expect(estimateNewTicket(input([walkIn]), { serviceId: 1, priority: false })).toBe(16 * MIN);
    expect(estimateNewTicket(input([walkIn, booking(2, 5)]), { serviceId: 1, priority: false })).toBe(26 * MIN);
  });

  it('calls a booking no earlier than when it is expected, and a counter waits for it', () => {
    const waits = forecastWaits(input([booking(2, 20)], { ...one, freeInMs: 0 }));
    expect(waits.get(2)).toBe(20 * MIN);
  });
});
