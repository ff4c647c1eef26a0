import { DEFAULT_APPOINTMENT_EVERY_K, type CallingCounter, type RoutingRules, type WaitingTicket } from './types.js';

// The order a counter calls in: what every policy compares, shared by routing (routing.ts), the
// wait forecast (estimate.ts) and the look-ahead (rollout.ts), which import it in that order:
// order ← estimate ← rollout ← routing.
//
// Appointments and walk-ins wait in one line, by one rule. An appointment's wait counts from its
// due time, the later of its slot and its check-in (dueAt): every policy orders it by that
// instead of the issue time. Before its slot it is not due, and only a counter with nobody due
// to call calls it (early). Once due, the default policy calls it before walk-ins, to call it
// within APPOINTMENT_AIM_MS of its slot; but while walk-ins of its service wait past their
// target, a counter calls at most one appointment of that service in `appointmentEveryK` calls:
// the others wait with the late (`held`). The counter's memory for it is `sinceAppointment`.
// `strict-appointments` (TheQ, for the simulator only) calls every checked-in appointment
// before any walk-in, early or not.

/** A ticket transferred to a counter is that counter's alone; otherwise the service decides. */
export function isEligible(counter: CallingCounter, ticket: Pick<WaitingTicket, 'serviceId' | 'targetCounterId'>): boolean {
  if (ticket.targetCounterId !== null) return ticket.targetCounterId === counter.id;
  return counter.serviceIds.includes(ticket.serviceId);
}

/** The default policy aims to call an appointment within this long after its slot. */
export const APPOINTMENT_AIM_MS = 5 * 60_000;

/** When a ticket's wait starts: its issue time, or for an appointment the later of slot and check-in. */
export const dueAt = (t: Pick<WaitingTicket, 'issuedAt' | 'slotAt'>): number => (t.slotAt === null ? t.issuedAt : Math.max(t.slotAt, t.issuedAt));

/** The counter's calls since its last appointment call, after it calls `calledTicket` (absent before: none remembered). */
export function nextSinceAppointment(since: number | undefined, calledTicket: Pick<WaitingTicket, 'slotAt'>): number {
  return calledTicket.slotAt !== null ? 0 : (since ?? Infinity) + 1;
}

/** The counter's priority streak after it calls `calledTicket`. */
export function nextPriorityStreak(streak: number, calledTicket: Pick<WaitingTicket, 'priority'>): number {
  return calledTicket.priority ? streak + 1 : 0;
}

export interface PlainChoice {
  ticket: WaitingTicket;
  /** Regular visitors called because the counter reached its priority cap. */
  capped: boolean;
  /** What the counter chose from, after the cap. */
  pool: WaitingTicket[];
  /** The hall's longest wait, past its target (the default policy calls it at once). */
  longestLate: boolean;
}

/**
 * The policy's plain rule (no look-ahead): priority first within the cap, then the policy's
 * order. `eligible` are tickets the counter may serve, or any subset of them that holds each
 * one the order could put first (the forecast passes only those: see estimate.ts).
 */
export function plainChoice(
  counter: CallingCounter,
  eligible: WaitingTicket[],
  now: number,
  rules: RoutingRules,
  hall: HallContext,
): PlainChoice | null {
  // Only who is in the hall is called (a booking not checked in is in the forecast alone), and
  // an appointment before its slot only when nobody due waits for this counter.
  if (eligible.some((t) => t.slotAt !== null || t.issuedAt > now)) {
    eligible = eligible.filter((t) => t.issuedAt <= now);
    if (rules.policy !== 'strict-appointments') {
      const due = eligible.filter((t) => dueAt(t) <= now);
      if (due.length > 0) eligible = due;
    }
  }
  if (eligible.length === 0) return null;

  // Priority visitors go first, but never more than maxPriorityInRow calls in a row while
  // someone else waits.
  let capped = false;
  if (counter.priorityStreak >= rules.maxPriorityInRow && eligible.some((t) => !t.priority)) {
    capped = eligible.some((t) => t.priority);
    eligible = eligible.filter((t) => !t.priority);
  }

  const key = KEYS[rules.policy];
  let best = eligible[0]!;
  let bestKey = key(best, counter, now, rules, hall);
  for (let i = 1; i < eligible.length; i++) {
    const t = eligible[i]!;
    const k = key(t, counter, now, rules, hall);
    if (compareKeys(k, bestKey) < 0) {
      best = t;
      bestKey = k;
    }
  }
  return { ticket: best, capped, pool: eligible, longestLate: rules.policy === 'default' && bestKey[1] === LONGEST };
}

// A policy is a sort key, compared element by element; smaller is called first. Every key ends
// with dueAt and id, so the choice is total and deterministic.
type Key = (t: WaitingTicket, counter: CallingCounter, now: number, rules: RoutingRules, hall: HallContext) => number[];

/** What the default policy reads off the whole waiting list, not only the counter's share. */
export interface HallContext {
  /** The ticket that has waited longest in the hall (any service, any counter). */
  longest: WaitingTicket | null;
  /** Target for services without one: the hall's longest (0 when none has a target). */
  fallbackTargetMs: number;
  /** Services with a walk-in waiting past its target: their appointments may be held. */
  lateWalkIns: ReadonlySet<number>;
}

/** The other policies read nothing off the hall. */
export const NO_HALL: HallContext = { longest: null, fallbackTargetMs: 0, lateWalkIns: new Set() };

export function hallContext(waiting: readonly WaitingTicket[], rules: RoutingRules, now: number): HallContext {
  let longest: WaitingTicket | null = null;
  const fallbackTargetMs = longestTargetMs(rules);
  const lateWalkIns = new Set<number>();
  for (const t of waiting) {
    if (!longest || byAge(t, longest) < 0) longest = t;
    if (t.slotAt === null && now - t.issuedAt > aimMs(t, rules, fallbackTargetMs)) lateWalkIns.add(t.serviceId);
  }
  return { longest, fallbackTargetMs, lateWalkIns };
}

/** An appointment the counter may not call now before late walk-ins of its service (one in k). */
export function held(t: WaitingTicket, counter: CallingCounter, rules: RoutingRules, hall: HallContext): boolean {
  const k = rules.appointmentEveryK ?? DEFAULT_APPOINTMENT_EVERY_K;
  return t.slotAt !== null && hall.lateWalkIns.has(t.serviceId) && (counter.sinceAppointment ?? Infinity) < k - 1;
}

/** Target for services without one: the hall's longest (0 when none has a target). */
export function longestTargetMs(rules: RoutingRules): number {
  let ms = 0;
  for (const s of rules.services.values()) ms = Math.max(ms, s.targetWaitS * 1000);
  return ms;
}

const priorityFirst = (t: WaitingTicket) => (t.priority ? 0 : 1);

const KEYS: Record<RoutingRules['policy'], Key> = {
  'oldest-first': (t) => [priorityFirst(t), dueAt(t), t.id],
  'service-order': (t, c) => [priorityFirst(t), preference(c, t), dueAt(t), t.id],
  novosga: (t, c) => [preference(c, t), priorityFirst(t), dueAt(t), t.id],
  'strict-appointments': (t) => [priorityFirst(t), t.slotAt === null ? 1 : 0, dueAt(t), t.id],
  default: (t, c, now, rules, hall) => {
    const due = dueAt(t);
    const target = aimMs(t, rules, hall.fallbackTargetMs);
    const late = now - due > target;
    const band =
      t.slotAt !== null && !held(t, c, rules, hall)
        ? APPOINTMENT
        : late && t.id === hall.longest?.id
          ? LONGEST
          : late || t.slotAt !== null ? LATE : SAVABLE;
    const order = band === SAVABLE ? due + target : due;
    return [priorityFirst(t), band, order, preference(c, t), due, t.id];
  },
};

// The default policy spends each call where it keeps the hall's promise (a visitor called within
// the service's target) without letting anyone's wait run away. After priority visitors (capped
// as for every policy), its plain rule is:
//   APPOINTMENT  appointments past their slot, earliest slot first, unless held (one in k while
//            walk-ins of their service are late): a booked time is kept by the first counter free;
//   LONGEST  the ticket that has waited longest in the whole hall, once past its target, is called
//            by the first counter that may serve it: the hall's longest wait never grows while a
//            counter that could end it calls someone else (but for due appointments);
//   SAVABLE  visitors still within their target, earliest deadline (issue + target) first: the
//            calls go to those who can still be served in time, the most urgent first;
//   LATE     everyone else past the target, longest wait first.
// A held appointment waits with the late, by its due time. Ties go to the counter's order of
// preference. With one target for every service, nobody late and no appointment this is first
// come, first served. The wait forecast runs this plain rule after its first calls (forecast-input.ts). A call with the
// hall in view (selectNext's `view`: the server's Call next, the simulator) keeps APPOINTMENT,
// LONGEST and priority as they are and otherwise looks ahead (rollout.ts): of a few candidates, the one whose
// projected hall keeps the longest wait no longer than calling the oldest ticket would, with the
// most visitors within target, then the least total wait; the plain rule's choice breaks ties.
// Measured against the other policies by `npm run bench:sim` (BENCHMARKS.md).
const APPOINTMENT = 0;
const LONGEST = 1;
const SAVABLE = 2;
const LATE = 3;

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** The counter's order of preference; a ticket transferred to this counter comes first. */
function preference(counter: CallingCounter, t: WaitingTicket): number {
  return t.targetCounterId === counter.id ? -1 : counter.serviceIds.indexOf(t.serviceId);
}

/** Oldest first: by the time the wait started (dueAt), then by id. */
export const byAge = (a: WaitingTicket, b: WaitingTicket): number => dueAt(a) - dueAt(b) || a.id - b.id;

/** The target of the ticket's service, or null for a service without one. */
export function targetMs(t: WaitingTicket, rules: RoutingRules): number | null {
  const s = rules.services.get(t.serviceId);
  return s ? s.targetWaitS * 1000 : null;
}

/** How long after dueAt the ticket should be called: APPOINTMENT_AIM_MS, or the service's target (else `fallbackMs`). */
export function aimMs(t: WaitingTicket, rules: RoutingRules, fallbackMs: number): number {
  return t.slotAt !== null ? APPOINTMENT_AIM_MS : (targetMs(t, rules) ?? fallbackMs);
}
