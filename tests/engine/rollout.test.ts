import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { EstimateCounter } from '../../server/engine/estimate.js';
import { candidatesOf, projectCall, SCORED, type HallView } from '../../server/engine/rollout.js';
import { isEligible } from '../../server/engine/order.js';
import { selectNext } from '../../server/engine/routing.js';
import { ROUTING_POLICIES, type CallingCounter, type RoutingRules, type ServiceRule, type WaitingTicket } from '../../server/engine/types.js';

const MIN = 60_000;
const NOW = Date.UTC(2026, 10, 27, 7, 0, 0);

const w = (id: number, serviceId: number, waitedMin: number, extra: Partial<WaitingTicket> = {}): WaitingTicket => ({
  id, serviceId, issuedAt: NOW - waitedMin * MIN, priority: false, targetCounterId: null, slotAt: null, ...extra,
});

const rules = (targetsMin: Record<number, number>, policy: RoutingRules['policy'] = 'default'): RoutingRules => ({
  policy,
  maxPriorityInRow: 2,
  services: new Map(Object.entries(targetsMin).map(([id, m]): [number, ServiceRule] => [Number(id), { id: Number(id), targetWaitS: m * 60 }])),
});

const view = (counters: EstimateCounter[], durationsMin: Record<number, number>): HallView => ({
  counters,
  durations: new Map(Object.entries(durationsMin).map(([id, m]): [number, number] => [Number(id), m * MIN])),
});

const oldestOf = (list: readonly WaitingTicket[]) =>
  list.reduce((a, b) => (b.issuedAt < a.issuedAt || (b.issuedAt === a.issuedAt && b.id < a.id) ? b : a));

// Counter 1 serves A (1) and B (2) and calls now; counter 2 serves A only and is free in 1 min.
const C1: CallingCounter = { id: 1, serviceIds: [1, 2], priorityStreak: 0 };
const C2: EstimateCounter = { id: 2, serviceIds: [1], priorityStreak: 0, freeInMs: 1 * MIN };

describe('the look-ahead: a hand-worked hall', () => {
  // Targets: A 10 min, B 10 min. Visits: A 6 min, B 4 min. Waiting: a (A, waited 7 min), b (B, 5).
  const a = w(1, 1, 7);
  const b = w(2, 2, 5);
  const r = rules({ 1: 10, 2: 10 });
  const v = view([{ ...C1, freeInMs: 0 }, C2], { 1: 6, 2: 4 });

  it('oldest-first and the plain rule call a: it is older and its deadline is sooner', () => {
    expect(selectNext(C1, [a, b], NOW, { ...r, policy: 'oldest-first' })?.ticket.id).toBe(1);
    expect(selectNext(C1, [a, b], NOW, r)?.ticket.id).toBe(1);
  });

  it('projects each call: calling a strands b, which only counter 1 serves', () => {
    // Counter 1 takes a (busy till +6). Counter 2, free at +1, may not serve B; b waits for
    // counter 1: called at +6, 5 + 6 = 11 min, past its 10.
    const pa = projectCall(C1, a, [a, b], NOW, r, v);
    expect(Object.fromEntries(pa.waits)).toEqual({ 1: 7 * MIN, 2: 11 * MIN });
    expect([pa.maxMs, pa.within, pa.totalMs]).toEqual([11 * MIN, 1, 18 * MIN]);
    // Counter 1 takes b (busy till +4); counter 2 frees at +1 and takes a: 7 + 1 = 8 min.
    const pb = projectCall(C1, b, [a, b], NOW, r, v);
    expect(Object.fromEntries(pb.waits)).toEqual({ 1: 8 * MIN, 2: 5 * MIN });
    expect([pb.maxMs, pb.within, pb.totalMs]).toEqual([8 * MIN, 2, 13 * MIN]);
  });

  it('with the hall in view, calls b: a shorter longest wait and both within target', () => {
    const s = selectNext(C1, [a, b], NOW, r, v)!;
    expect(s.ticket.id).toBe(2);
    expect(s.reason.en).toBe('waited 5 min, target 10 min');
  });

  it('other policies ignore the view', () => {
    for (const policy of ROUTING_POLICIES.filter((p) => p !== 'default')) {
      expect(selectNext(C1, [a, b], NOW, { ...r, policy }, v)?.ticket.id, policy).toBe(selectNext(C1, [a, b], NOW, { ...r, policy })?.ticket.id);
    }
  });

  it("still calls the hall's longest wait at once once it is late", () => {
    const late = w(1, 1, 11);
    expect(selectNext(C1, [late, b], NOW, r, v)?.ticket.id).toBe(1);
  });
});

describe('the look-ahead never lengthens the projected longest wait', () => {
  // Targets: A 40 min, B 5 min; every visit 6 min. Counter 2 serves B only, free in 1 min.
  // Waiting: a (A, waited 25), b1 (B, 4), b2 (B, 3).
  const a = w(1, 1, 25);
  const b1 = w(2, 2, 4);
  const b2 = w(3, 2, 3);
  const r = rules({ 1: 40, 2: 5 });
  const v = view([{ id: 2, serviceIds: [2], priorityStreak: 0, freeInMs: 1 * MIN }], { 1: 6, 2: 6 });

  it('the plain rule calls b1 (deadline in 1 min, a has 15)', () => {
    expect(selectNext(C1, [a, b1, b2], NOW, r)?.ticket.id).toBe(2);
  });

  it('calling b1 would bring all three within target but a to 31 min; calling a keeps the longest at 25', () => {
    // a: counter 2 calls b1 at +1 (5 min), counter 1 calls b2 at +6 (9 min, late).
    const pa = projectCall(C1, a, [a, b1, b2], NOW, r, v);
    expect([pa.maxMs, pa.within]).toEqual([25 * MIN, 2]);
    // b1: counter 2 calls b2 at +1 (4 min), counter 1 calls a at +6 (31 min, within its 40).
    const pb = projectCall(C1, b1, [a, b1, b2], NOW, r, v);
    expect([pb.maxMs, pb.within]).toEqual([31 * MIN, 3]);
    expect(selectNext(C1, [a, b1, b2], NOW, r, v)?.ticket.id).toBe(1);
  });
});

describe('candidates', () => {
  it('per service (and for transfers here): the oldest, and the oldest still within target', () => {
    const r = rules({ 1: 10, 2: 10 });
    const list = [w(1, 1, 30), w(2, 1, 20), w(3, 1, 8), w(4, 1, 2), w(5, 2, 4), w(6, 2, 1), w(7, 3, 50, { targetCounterId: 1 })];
    const ids = candidatesOf(C1, list, NOW, r).map((t) => t.id).sort((x, y) => x - y);
    // Service 1: 1 (oldest), 3 (oldest within 10 min). Service 2: 5 (both). Transfer: 7 (no
    // target for service 3: the hall's longest, 10 min, and it waited 50).
    expect(ids).toEqual([1, 3, 5, 7]);
  });
});

describe('a long queue', () => {
  // 250 waiting (no priority), four counters with partial skills: only the oldest SCORED are projected.
  const r = rules({ 1: 10, 2: 5, 3: 30 });
  const list = Array.from({ length: 250 }, (_, i) => w(i + 1, 1 + ((i * 7) % 3), 120 - i * 0.4));
  const v = view(
    [
      { id: 2, serviceIds: [1], priorityStreak: 0, freeInMs: 2 * MIN },
      { id: 3, serviceIds: [2, 3], priorityStreak: 0, freeInMs: 5 * MIN },
      { id: 4, serviceIds: [3], priorityStreak: 0, freeInMs: 0 },
    ],
    { 1: 4, 2: 6, 3: 9 },
  );

  it('the base rule calls the oldest first, so the oldest are projected the same without the rest', () => {
    const oldest = list.slice(0, SCORED);
    const full = projectCall(C1, list[0]!, list, NOW, r, v);
    const cut = projectCall(C1, list[0]!, oldest, NOW, r, v);
    for (const t of oldest) expect(cut.waits.get(t.id), `ticket ${t.id}`).toBe(full.waits.get(t.id));
  });

  it('still calls a ticket the counter may serve from a long queue', () => {
    const s = selectNext(C1, list, NOW, r, v);
    expect(s && isEligible(C1, s.ticket)).toBe(true);
  });
});

// ---- properties over random halls ----

const SERVICES = { 1: 10, 2: 5, 3: 30 }; // service 4 has no target
const COUNTER_IDS = [1, 2, 3, 4];

const arbCounter = (id: number) =>
  fc.record({
    id: fc.constant(id),
    serviceIds: fc.shuffledSubarray([1, 2, 3, 4], { minLength: 0 }),
    priorityStreak: fc.integer({ min: 0, max: 3 }),
    freeInMs: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 20 * MIN })),
  });

const arbWaiting = fc
  .array(
    fc.record({
      serviceId: fc.integer({ min: 1, max: 4 }),
      priority: fc.boolean(),
      issuedAt: fc.integer({ min: NOW - 60 * MIN, max: NOW }),
      targetCounterId: fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(...COUNTER_IDS, 99) }),
    }),
    { maxLength: 20 },
  )
  .map((ts) => ts.map((t, i): WaitingTicket => ({ ...t, id: i + 1, slotAt: null })));

const arbHall = fc.record({
  counters: fc.tuple(...COUNTER_IDS.map(arbCounter)),
  waiting: arbWaiting,
  maxPriorityInRow: fc.integer({ min: 1, max: 3 }),
  durations: fc.tuple(...[1, 2, 3].map(() => fc.integer({ min: 1, max: 20 }))),
  // Counter 1 calls; its own entry in the view is stale (busy) or missing: it is replaced.
  selfInView: fc.boolean(),
});

describe('look-ahead properties', () => {
  it('calls an eligible ticket, null iff none; priority first within the cap; never a longer projected longest wait than oldest-first', () => {
    fc.assert(
      fc.property(arbHall, ({ counters, waiting, maxPriorityInRow, durations, selfInView }) => {
        const r = { ...rules(SERVICES), maxPriorityInRow };
        const self = counters[0];
        const calling: CallingCounter = { id: self.id, serviceIds: self.serviceIds, priorityStreak: self.priorityStreak };
        const v = view(selfInView ? counters : counters.slice(1), { 1: durations[0], 2: durations[1], 3: durations[2] }); // service 4: the mean
        const s = selectNext(calling, waiting, NOW, r, v);
        const eligible = waiting.filter((t) => isEligible(calling, t));
        expect(s === null).toBe(eligible.length === 0);
        if (!s) return;
        expect(waiting).toContain(s.ticket);
        expect(isEligible(calling, s.ticket)).toBe(true);
        const capped = calling.priorityStreak >= maxPriorityInRow && eligible.some((t) => !t.priority);
        if (capped) expect(s.ticket.priority).toBe(false);
        else if (eligible.some((t) => t.priority)) expect(s.ticket.priority).toBe(true);
        // The oldest-first call among the same tickets (after the priority rule and its cap).
        const pool = capped ? eligible.filter((t) => !t.priority) : eligible.some((t) => t.priority) ? eligible.filter((t) => t.priority) : eligible;
        const oldest = oldestOf(pool);
        expect(projectCall(calling, s.ticket, waiting, NOW, r, v).maxMs).toBeLessThanOrEqual(projectCall(calling, oldest, waiting, NOW, r, v).maxMs);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic: the order of the waiting list and of the counters does not matter', () => {
    fc.assert(
      fc.property(arbHall, fc.integer(), ({ counters, waiting, maxPriorityInRow, durations }, seed) => {
        const r = { ...rules(SERVICES), maxPriorityInRow };
        const calling: CallingCounter = { id: 1, serviceIds: counters[0].serviceIds, priorityStreak: counters[0].priorityStreak };
        const d = { 1: durations[0], 2: durations[1], 3: durations[2] };
        const mix = <T extends { id: number }>(xs: readonly T[]) => [...xs].sort((a, b) => ((a.id * 2654435761) ^ seed) - ((b.id * 2654435761) ^ seed));
        const a = selectNext(calling, waiting, NOW, r, view(counters.slice(1), d))?.ticket.id;
        const b = selectNext(calling, mix(waiting), NOW, r, view(mix(counters.slice(1)), d))?.ticket.id;
        expect(b).toBe(a);
      }),
      { numRuns: 200 },
    );
  });
});
