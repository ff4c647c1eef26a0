import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { dueAt, isEligible, nextPriorityStreak, nextSinceAppointment } from '../../server/engine/order.js';
import { selectNext } from '../../server/engine/routing.js';
import { applyAction } from '../../server/engine/tickets.js';
import {
  ROUTING_POLICIES,
  type CallingCounter,
  type RoutingPolicy,
  type RoutingRules,
  type ServiceRule,
  type Ticket,
  type WaitingTicket,
} from '../../server/engine/types.js';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 27, 6, 0, 0); // 09:00 in Damascus
const NOW = T0 + 20 * MIN;

// Service 1: target 15 min; service 2: target 5 min; service 3: target 30 min.
const SERVICES = new Map<number, ServiceRule>([
  [1, { id: 1, targetWaitS: 15 * 60 }],
  [2, { id: 2, targetWaitS: 5 * 60 }],
  [3, { id: 3, targetWaitS: 30 * 60 }],
]);

const rules = (policy: RoutingPolicy, maxPriorityInRow = 2): RoutingRules => ({ policy, maxPriorityInRow, services: SERVICES });

const counter = (id: number, serviceIds: number[], priorityStreak = 0): CallingCounter => ({ id, serviceIds, priorityStreak });

/** A ticket issued `issuedMin` minutes after T0. */
function w(id: number, serviceId: number, issuedMin: number, extra: Partial<WaitingTicket> = {}): WaitingTicket {
  return { id, serviceId, issuedAt: T0 + issuedMin * MIN, priority: false, targetCounterId: null, slotAt: null, ...extra };
}

const pick = (c: CallingCounter, list: WaitingTicket[], policy: RoutingPolicy, now = NOW) =>
  selectNext(c, list, now, rules(policy))?.ticket.id ?? null;

// Counter 1 serves services 1 then 2, in that order of preference.
const C1 = counter(1, [1, 2]);

describe('oldest-first', () => {
  it('calls the longest waiting among the services the counter has', () => {
    // 12 is oldest but service 3 is not counter 1's; 11 (issued 09:03) beats 10 (09:05).
    const list = [w(10, 1, 5), w(11, 2, 3), w(12, 3, 0)];
    expect(pick(C1, list, 'oldest-first')).toBe(11);
  });

  it('calls a priority visitor first', () => {
    const list = [w(10, 1, 5), w(11, 2, 3), w(13, 1, 10, { priority: true })];
    expect(pick(C1, list, 'oldest-first')).toBe(13);
  });
});

describe('service-order', () => {
  it("follows the counter's preference, first come first served within a service", () => {
    // 20 is oldest but service 2 is the counter's second choice; of service 1, 22 came first.
    const list = [w(20, 2, 0), w(21, 1, 6), w(22, 1, 4)];
    expect(pick(C1, list, 'service-order')).toBe(22);
  });

  it('calls priority before preference', () => {
    const list = [w(20, 2, 0), w(21, 1, 6), w(23, 2, 8, { priority: true })];
    expect(pick(C1, list, 'service-order')).toBe(23);
  });

  it('treats a ticket transferred to this counter as its first preference', () => {
    // 24 is of service 2 and the youngest, but it was sent to counter 1 in particular.
    const list = [w(21, 1, 6), w(22, 1, 4), w(24, 2, 9, { targetCounterId: 1 })];
    expect(pick(C1, list, 'service-order')).toBe(24);
  });
});

describe('novosga', () => {
  it('orders by preference, then priority, then arrival', () => {
    // 32 is a priority visitor of the preferred service: first.
    const list = [w(30, 2, 0, { priority: true }), w(31, 1, 5), w(32, 1, 7, { priority: true })];
    expect(pick(C1, list, 'novosga')).toBe(32);
    // Without it, preference beats the priority of 30: 31.
    expect(pick(C1, list.slice(0, 2), 'novosga')).toBe(31);
  });
});

describe('default: the hall\'s longest wait, then deadlines, then the late', () => {
  // At 09:20: 40 waited 18 min of a 15 min target (late), 41 waited 10 of 15 (deadline 09:25),
  // 42 waited 3 of 5 (deadline 09:22), 43 waited 5 of 15 (deadline 09:30).
  const late = w(40, 1, 2);
  const atRisk = w(41, 1, 10);
  const atRiskSooner = w(42, 2, 17);
  const fresh = w(43, 1, 15);
  // 44 waited 35 min of a 30 min target: the hall's longest wait, but counter 1 cannot serve it.
  const longestElsewhere = w(44, 3, -15);

  it("calls the hall's longest wait first once it is past its target", () => {
    expect(pick(C1, [late, atRisk, atRiskSooner, fresh], 'default')).toBe(40);
  });

  it('otherwise calls the earliest deadline among those still within target', () => {
    expect(pick(C1, [longestElsewhere, late, atRisk, atRiskSooner, fresh], 'default')).toBe(42);
    expect(pick(C1, [longestElsewhere, late, atRisk, fresh], 'default')).toBe(41);
  });

  it('lets a late visitor who is not the longest wait yield to those still savable', () => {
    expect(pick(C1, [longestElsewhere, late, fresh], 'default')).toBe(43);
  });

  it('calls the late, longest wait first, when nobody can be saved', () => {
    expect(pick(C1, [longestElsewhere, w(45, 1, 0), late], 'default')).toBe(45);
  });

  it("calls a priority visitor before anyone, even the hall's longest wait", () => {
    expect(pick(C1, [w(44, 2, 4), w(45, 1, 19, { priority: true })], 'default')).toBe(45);
  });

  it('is first come, first served with one target and nobody late; earliest deadline across targets', () => {
    expect(pick(C1, [w(52, 1, 18), w(51, 1, 16), w(53, 1, 17)], 'default')).toBe(51);
    // 50: issued 09:19 with a 5 min target (deadline 09:24); 51: 09:16 + 15 (09:31).
    expect(pick(C1, [w(50, 2, 19), w(51, 1, 16)], 'default')).toBe(50);
  });

  it('differs from oldest-first exactly where that saves a visitor', () => {
    const list = [longestElsewhere, late, atRisk];
    expect(pick(C1, list, 'oldest-first')).toBe(40);
    expect(pick(C1, list, 'default')).toBe(41);
  });

  it('breaks ties by preference, then id', () => {
    // Same deadline 09:24: 60 (service 1, issued 09:09) and 61 (service 2, issued 09:19).
    expect(pick(C1, [w(61, 2, 19), w(60, 1, 9)], 'default')).toBe(60);
    expect(pick(C1, [w(71, 1, 19), w(70, 1, 19)], 'default')).toBe(70);
  });
});

describe('eligibility', () => {
  it('a counter serves its own services and the tickets sent to it', () => {
    expect(isEligible(C1, w(1, 1, 0))).toBe(true);
    expect(isEligible(C1, w(1, 3, 0))).toBe(false);
    expect(isEligible(C1, w(1, 3, 0, { targetCounterId: 1 }))).toBe(true);
  });

  it('a ticket sent to another counter is that counter alone', () => {
    const sent = w(1, 1, 0, { targetCounterId: 2 });
    expect(isEligible(C1, sent)).toBe(false);
    for (const p of ROUTING_POLICIES) {
      expect(pick(C1, [sent], p)).toBeNull();
      expect(pick(C1, [sent, w(2, 2, 5)], p)).toBe(2);
      expect(pick(counter(2, [3]), [sent, w(2, 2, 5)], p)).toBe(1);
    }
  });

  it('answers null only when nothing waits for the counter', () => {
    for (const p of ROUTING_POLICIES) {
      expect(pick(C1, [], p)).toBeNull();
      expect(pick(C1, [w(1, 3, 0)], p)).toBeNull();
    }
  });
});

describe('the priority cap', () => {
  it('after maxPriorityInRow priority calls, calls a regular visitor, then priority again', () => {
    for (const p of ROUTING_POLICIES) {
      let waiting = [w(1, 1, 0), w(2, 1, 1, { priority: true }), w(3, 1, 2, { priority: true }), w(4, 1, 3, { priority: true })];
      let streak = 0;
      const called: number[] = [];
      for (let i = 0; i < 4; i++) {
        const s = selectNext(counter(1, [1], streak), waiting, NOW, rules(p, 2))!;
        called.push(s.ticket.id);
        streak = nextPriorityStreak(streak, s.ticket);
        waiting = waiting.filter((t) => t !== s.ticket);
      }
      expect(called, p).toEqual([2, 3, 1, 4]);
    }
  });

  it('still calls priority visitors when nobody else waits', () => {
    for (const p of ROUTING_POLICIES) {
      expect(pick(counter(1, [1], 5), [w(2, 1, 1, { priority: true })], p)).toBe(2);
    }
  });

  it('counts the streak', () => {
    expect(nextPriorityStreak(0, { priority: true })).toBe(1);
    expect(nextPriorityStreak(1, { priority: true })).toBe(2);
    expect(nextPriorityStreak(2, { priority: false })).toBe(0);
  });
});

describe('transfers keep their place', () => {
  it('a ticket transferred to another service is called by its original issue time', () => {
    const original: Ticket = {
      id: 9, serviceId: 3, status: 'waiting', priority: false, issuedAt: T0, calledAt: null,
      counterId: null, targetCounterId: null, recalls: 0, slotAt: null,
    };
    const called = applyAction(original, { type: 'call', counterId: 5 }, T0 + 10 * MIN);
    if (!called.ok) throw new Error(called.message);
    const moved = applyAction(called.value, { type: 'transfer', serviceId: 1, counterId: null }, T0 + 15 * MIN);
    if (!moved.ok) throw new Error(moved.message);
    const list = [w(1, 1, 5), w(2, 1, 8), moved.value];
    expect(pick(C1, list, 'oldest-first')).toBe(9);
    expect(pick(C1, list, 'service-order')).toBe(9);
    expect(pick(C1, list, 'novosga')).toBe(9);
  });
});

describe('the reason a clerk reads', () => {
  it('says how long the visitor waited against the target, in both languages', () => {
    const s = selectNext(C1, [w(1, 1, 2)], NOW, rules('default'))!;
    expect(s.reason.en).toBe('waited 18 min, target 15 min');
    expect(s.reason.ar).toBe('انتظر ١٨ دقيقة، والهدف ١٥ دقيقة');
    expect(s.reason.fr).toBe('a attendu 18\u00a0min, objectif 15\u00a0min');
  });

  it("writes the Arabic reason in the hall's digits", () => {
    const s = selectNext(C1, [w(1, 1, 2)], NOW, rules('default'), undefined, 'latn')!;
    expect(s.reason.ar).toBe('انتظر 18 دقيقة، والهدف 15 دقيقة');
    expect(s.reason.en).toBe('waited 18 min, target 15 min');
  });

  it('counts minutes the Arabic way', () => {
    const ar = (waitedMin: number) => selectNext(C1, [w(1, 1, 20 - waitedMin)], NOW, rules('oldest-first'))!.reason.ar;
    expect(ar(0)).toBe('انتظر أقل من دقيقة، والهدف ١٥ دقيقة');
    expect(ar(1)).toBe('انتظر دقيقة واحدة، والهدف ١٥ دقيقة');
    expect(ar(2)).toBe('انتظر دقيقتين، والهدف ١٥ دقيقة');
    expect(ar(3)).toBe('انتظر ٣ دقائق، والهدف ١٥ دقيقة');
    expect(ar(10)).toBe('انتظر ١٠ دقائق، والهدف ١٥ دقيقة');
    expect(ar(11)).toBe('انتظر ١١ دقيقة، والهدف ١٥ دقيقة');
  });

  it('names a priority visitor and a transfer to this counter', () => {
    const p = selectNext(C1, [w(1, 1, 16, { priority: true })], NOW, rules('default'))!;
    expect(p.reason.en).toBe('priority visitor, waited 4 min, target 15 min');
    expect(p.reason.ar).toBe('مراجع ذو أولوية، انتظر ٤ دقائق، والهدف ١٥ دقيقة');
    const t = selectNext(C1, [w(1, 3, 8, { targetCounterId: 1 })], NOW, rules('default'))!;
    expect(t.reason.en).toBe('transferred to this counter, waited 12 min, target 30 min');
    expect(t.reason.ar).toBe('محوَّل إلى هذا الشباك، انتظر ١٢ دقيقة، والهدف ٣٠ دقيقة');
  });

  it("explains a regular visitor's turn after the priority cap", () => {
    const s = selectNext(counter(1, [1], 2), [w(1, 1, 19), w(2, 1, 18, { priority: true })], NOW, rules('default'))!;
    expect(s.ticket.id).toBe(1);
    expect(s.reason.en).toBe('regular turn after priority calls, waited 1 min, target 15 min');
    expect(s.reason.ar).toBe('دور المراجعين العاديين بعد نداءات الأولوية، انتظر دقيقة واحدة، والهدف ١٥ دقيقة');
  });
});

describe('appointments in the same line', () => {
  /** An appointment checked in `checkedInMin` after T0 (09:00) for the slot `slotMin` after T0. */
  const appt = (id: number, serviceId: number, checkedInMin: number, slotMin: number, extra: Partial<WaitingTicket> = {}) =>
    w(id, serviceId, checkedInMin, { slotAt: T0 + slotMin * MIN, ...extra });
  const held = (c: CallingCounter, list: WaitingTicket[], k?: number) =>
    selectNext(c, list, NOW, { ...rules('default'), appointmentEveryK: k })?.ticket.id;

  it('counts the wait from the slot, not from the check-in', () => {
    // Checked in at 09:00 for 09:15; the walk-in came at 09:10: the walk-in has waited longer.
    const list = [appt(1, 1, 0, 15), w(2, 1, 10)];
    expect(pick(C1, list, 'oldest-first')).toBe(2);
    expect(pick(C1, list, 'service-order')).toBe(2);
  });

  it('calls an appointment before its slot only when nobody else waits for the counter', () => {
    const early = appt(1, 1, 0, 30); // 09:30, and it is 09:20
    for (const policy of ROUTING_POLICIES) {
      expect(pick(C1, [early, w(2, 2, 19)], policy), policy).toBe(2);
      expect(pick(C1, [early], policy), policy).toBe(1);
    }
  });

  it('default: calls an appointment that is due before walk-ins still within their target', () => {
    // Walk-in 1 has waited 12 of its 15 minutes; the appointment was due at 09:18.
    const list = [w(1, 1, 8), appt(2, 1, 10, 18)];
    expect(pick(C1, list, 'default')).toBe(2);
    expect(pick(C1, list, 'oldest-first')).toBe(1);
  });

  it('default: while walk-ins of its service are late, one appointment in k calls', () => {
    // Walk-in 1 (service 1) has waited 20 min of 15; ticket 3 (service 3, not counter 1's) is the hall's longest.
    const list = [w(1, 1, 0), appt(2, 1, 10, 18), w(3, 3, -20)];
    expect(held(C1, list)).toBe(2); // nothing remembered: no limit
    expect(held({ ...C1, sinceAppointment: 0 }, list)).toBe(1); // just called an appointment
    expect(held({ ...C1, sinceAppointment: 1 }, list)).toBe(2); // one walk-in since: one in two
    expect(held({ ...C1, sinceAppointment: 1 }, list, 3)).toBe(1);
    expect(held({ ...C1, sinceAppointment: 2 }, list, 3)).toBe(2);
    // Late walk-ins of another service do not hold it back.
    expect(held({ ...C1, sinceAppointment: 0 }, [w(4, 2, 10), appt(2, 1, 10, 18), w(3, 3, -20)])).toBe(2);
  });

  describe('the one-in-k limit binds only while the appointment has slack', () => {
    // 09:20. Walk-in 1 (service 1) is late; counter 1 has just called an appointment, so
    // appointment 2 (slot 09:18, deadline 09:23) is held unless no counter can call it by 09:23.
    // Visits of service 1 last 10 min; counter 2 (service 1) is busy for `freeInMin`.
    const list = [w(1, 1, 0), appt(2, 1, 10, 18)];
    const just = { ...C1, sinceAppointment: 0 };
    const view = (freeInMin: number, others: Partial<CallingCounter & { freeInMs: number }>[] = []) => ({
      counters: [
        { ...just, freeInMs: 0 },
        { id: 2, serviceIds: [1], priorityStreak: 0, freeInMs: freeInMin * MIN },
        ...others.map((o, i) => ({ id: 3 + i, serviceIds: [1], priorityStreak: 0, freeInMs: 0, ...o })),
      ],
      durations: new Map([[1, 10 * MIN], [2, 10 * MIN], [3, 10 * MIN]]),
    });
    const call = (l: WaitingTicket[], v: ReturnType<typeof view>) => selectNext(just, l, NOW, rules('default'), v)?.ticket.id;

    it('holds it while another counter will be free before its deadline', () => {
      expect(call(list, view(2))).toBe(1);
      expect(call(list, view(3))).toBe(1); // free at 09:23, the deadline itself
    });

    it('calls it when no counter that may serve it will be free by then', () => {
      expect(call(list, view(4))).toBe(2);
      // An idle counter is about to call someone else: it is not counted on.
      expect(call(list, view(4, [{ freeInMs: 0 }]))).toBe(2);
      // A busy counter of another service is no help.
      expect(call(list, view(4, [{ serviceIds: [3], freeInMs: MIN }]))).toBe(2);
      // Nor one that has just called an appointment itself: the limit holds it back too.
      expect(call(list, view(4, [{ freeInMs: MIN, sinceAppointment: 0 }]))).toBe(2);
      expect(call(list, view(4, [{ freeInMs: MIN, sinceAppointment: 1 }]))).toBe(1);
    });

    it('plans the due appointments earliest deadline first: one counter free in time is not enough for two', () => {
      // Appointment 3 (slot 09:17, deadline 09:22) takes counter 2 at 09:22; appointment 2 then has nobody.
      const two = [...list, appt(3, 1, 5, 17)];
      expect(call(two, view(2))).toBe(2);
      expect(call(two, view(2, [{ freeInMs: 2 * MIN }]))).toBe(1);
    });

    it('without the hall in view (the forecast), holds it as before', () => {
      expect(selectNext(just, list, NOW, rules('default'))?.ticket.id).toBe(1);
    });
  });

  it("strict-appointments (TheQ): every checked-in appointment first, even before its slot", () => {
    const list = [w(1, 1, 0), appt(2, 1, 19, 40)];
    expect(selectNext(C1, list, NOW, { ...rules('default'), policy: 'strict-appointments' })?.ticket.id).toBe(2);
    expect(pick(C1, list, 'default')).toBe(1);
  });

  it('counts the calls since the last appointment', () => {
    expect(nextSinceAppointment(undefined, { slotAt: null })).toBe(Infinity);
    expect(nextSinceAppointment(0, { slotAt: null })).toBe(1);
    expect(nextSinceAppointment(5, { slotAt: T0 })).toBe(0);
  });

  it("gives the clerk the appointment's time and how late or early it is, in the hall's zone and digits", () => {
    const reason = (slotMin: number, digits: 'arab' | 'latn' = 'arab') =>
      selectNext(C1, [appt(1, 1, 0, slotMin)], NOW, rules('default'), undefined, digits, 'Asia/Damascus')!.reason;
    expect(reason(17)).toEqual({ en: 'appointment 09:17, 3 min late', ar: 'موعد ٠٩:١٧، متأخر بـ٣ دقائق', fr: 'rendez-vous à 09:17, 3\u00a0min de retard' });
    expect(reason(18).ar).toBe('موعد ٠٩:١٨، متأخر بدقيقتين');
    expect(reason(20)).toEqual({ en: 'appointment 09:20, on time', ar: 'موعد ٠٩:٢٠، في موعده', fr: 'rendez-vous à 09:20, à l’heure' });
    expect(reason(30)).toEqual({ en: 'appointment 09:30, 10 min early', ar: 'موعد ٠٩:٣٠، قبل موعده بـ١٠ دقائق', fr: 'rendez-vous à 09:30, 10\u00a0min d’avance' });
    expect(reason(17, 'latn').ar).toBe('موعد 09:17، متأخر بـ3 دقائق');
  });
});

// ---- properties over random halls ----

const COUNTER_IDS = [1, 2, 3, 4];

const arbCounter = (id: number) =>
  fc.record({
    id: fc.constant(id),
    serviceIds: fc.shuffledSubarray([1, 2, 3, 4], { minLength: 0 }),
    priorityStreak: fc.integer({ min: 0, max: 3 }),
  });

const arbWaiting = fc
  .array(
    fc.record({
      serviceId: fc.integer({ min: 1, max: 4 }), // service 4 has no target
      priority: fc.boolean(),
      issuedAt: fc.integer({ min: T0, max: T0 + 120 * MIN }),
      targetCounterId: fc.oneof(
        { weight: 4, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.constantFrom(...COUNTER_IDS, 99) },
      ),
      // An appointment checked in: its slot, before or after now.
      slotAt: fc.option(fc.integer({ min: T0, max: T0 + 300 * MIN }), { nil: null, freq: 3 }),
    }),
    { maxLength: 30 },
  )
  .map((ts) => ts.map((t, i): WaitingTicket => ({ ...t, id: i + 1 })));

/** Who the counter may call at `now`: the tickets due, if any; else the early appointments. */
const callable = (c: CallingCounter, waiting: readonly WaitingTicket[], now: number) => {
  const eligible = waiting.filter((t) => isEligible(c, t));
  const due = eligible.filter((t) => dueAt(t) <= now);
  return due.length > 0 ? due : eligible;
};

const arbPolicy = fc.constantFrom(...ROUTING_POLICIES);
const arbRules = fc.record({ policy: arbPolicy, maxPriorityInRow: fc.integer({ min: 1, max: 3 }) }).map(
  (r): RoutingRules => ({ ...r, services: SERVICES }),
);
const arbNow = fc.integer({ min: T0 + 120 * MIN, max: T0 + 240 * MIN });

describe('routing properties', () => {
  it('returns null iff no eligible ticket waits; a selection is eligible and respects the cap', () => {
    fc.assert(
      fc.property(arbCounter(1), arbWaiting, arbRules, arbNow, (c, waiting, r, now) => {
        const eligible = callable(c, waiting, now);
        const s = selectNext(c, waiting, now, r);
        expect(s === null).toBe(eligible.length === 0);
        if (!s) return;
        expect(isEligible(c, s.ticket)).toBe(true);
        expect(eligible).toContain(s.ticket);
        const capped = c.priorityStreak >= r.maxPriorityInRow && eligible.some((t) => !t.priority);
        if (capped) expect(s.ticket.priority).toBe(false);
        if (!capped && r.policy !== 'novosga' && eligible.some((t) => t.priority)) expect(s.ticket.priority).toBe(true);
        expect(s.reason.ar.length).toBeGreaterThan(0);
        expect(s.reason.en.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it("default: the hall's longest wait, once late, goes to the first counter that may serve it", () => {
    // No target: the hall's longest; an appointment: five minutes after its slot.
    const targetOf = (t: WaitingTicket) => (t.slotAt !== null ? 5 * MIN : (SERVICES.get(t.serviceId)?.targetWaitS ?? 30 * 60) * 1000);
    fc.assert(
      fc.property(arbCounter(1), arbWaiting, fc.integer({ min: 1, max: 3 }), arbNow, (c, waiting, maxPriorityInRow, now) => {
        if (waiting.length === 0) return;
        const longest = [...waiting].sort((a, b) => dueAt(a) - dueAt(b) || a.id - b.id)[0]!;
        const eligible = callable(c, waiting, now);
        const capped = c.priorityStreak >= maxPriorityInRow && eligible.some((t) => !t.priority);
        const priorityFirst = !capped && eligible.some((t) => t.priority);
        const due = isEligible(c, longest) && now - dueAt(longest) > targetOf(longest);
        // A due appointment of the same class goes first (nothing held: the counter remembers no appointment call).
        const appointmentFirst = eligible.some(
          (t) => t.slotAt !== null && dueAt(t) <= now && t.priority === longest.priority && t.id !== longest.id && !(capped && t.priority),
        );
        const mayGo = (longest.priority ? !capped : !priorityFirst) && !appointmentFirst;
        const s = selectNext(c, waiting, now, { policy: 'default', maxPriorityInRow, services: SERVICES });
        if (due && mayGo) expect(s?.ticket.id).toBe(longest.id);
      }),
      { numRuns: 500 },
    );
  });

  it('with the hall in view and appointments: never idles, and calls no early appointment while someone due waits', () => {
    const arbView = fc.record({
      counters: fc.array(
        fc.record({
          id: fc.integer({ min: 2, max: 6 }),
          serviceIds: fc.shuffledSubarray([1, 2, 3, 4], { minLength: 1 }),
          priorityStreak: fc.constant(0),
          freeInMs: fc.integer({ min: 0, max: 30 * MIN }),
        }),
        { maxLength: 5 },
      ),
      durations: fc.tuple(...[1, 2, 3, 4].map(() => fc.integer({ min: MIN, max: 20 * MIN }))).map((ds) => new Map(ds.map((d, i) => [i + 1, d]))),
    });
    const arbCalling = fc.tuple(arbCounter(1), fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined })).map(([c, since]) => ({ ...c, sinceAppointment: since }));
    fc.assert(
      fc.property(arbCalling, arbWaiting, arbView, fc.integer({ min: 1, max: 3 }), arbNow, (c, waiting, view, k, now) => {
        const r: RoutingRules = { policy: 'default', maxPriorityInRow: 2, appointmentEveryK: k, services: SERVICES };
        const s = selectNext(c, waiting, now, r, view);
        const eligible = waiting.filter((t) => isEligible(c, t));
        expect(s === null).toBe(eligible.length === 0);
        if (s && s.ticket.slotAt !== null && dueAt(s.ticket) > now) expect(eligible.filter((t) => dueAt(t) <= now)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic: the order of the list does not matter', () => {
    fc.assert(
      fc.property(arbCounter(1), arbWaiting, arbRules, arbNow, fc.integer(), (c, waiting, r, now, seed) => {
        const shuffled = [...waiting].sort((a, b) => ((a.id * 2654435761) ^ seed) - ((b.id * 2654435761) ^ seed));
        expect(selectNext(c, shuffled, now, r)?.ticket.id).toBe(selectNext(c, waiting, now, r)?.ticket.id);
      }),
      { numRuns: 300 },
    );
  });

  it('a run of calls by several counters: nobody called twice, no counter idles while it could serve', () => {
    const arbCounters = fc.tuple(...COUNTER_IDS.map(arbCounter));
    const arbTurns = fc.array(fc.constantFrom(...COUNTER_IDS), { minLength: 1, maxLength: 60 });
    fc.assert(
      fc.property(arbCounters, arbWaiting, arbRules, arbNow, arbTurns, (counters, initial, r, start, turns) => {
        let waiting = [...initial];
        const streaks = new Map(counters.map((c) => [c.id, c.priorityStreak]));
        const sinceAppointment = new Map<number, number | undefined>();
        const calledIds = new Set<number>();
        let now = start;
        for (const id of turns) {
          now += MIN;
          const c = { ...counters[id - 1]!, priorityStreak: streaks.get(id)!, sinceAppointment: sinceAppointment.get(id) };
          const s = selectNext(c, waiting, now, r);
          if (s === null) {
            expect(waiting.filter((t) => isEligible(c, t))).toEqual([]);
            continue;
          }
          expect(calledIds.has(s.ticket.id)).toBe(false);
          calledIds.add(s.ticket.id);
          streaks.set(id, nextPriorityStreak(c.priorityStreak, s.ticket));
          sinceAppointment.set(id, nextSinceAppointment(c.sinceAppointment, s.ticket));
          waiting = waiting.filter((t) => t.id !== s.ticket.id);
        }
        expect(calledIds.size + waiting.length).toBe(initial.length);
      }),
      { numRuns: 300 },
    );
  });
});
