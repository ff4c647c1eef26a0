import { aimMs, byAge, dueAt, isEligible, longestTargetMs, nextPriorityStreak, nextSinceAppointment, NO_HALL, plainChoice } from './order.js';
import type { CallingCounter, RoutingRules, WaitingTicket } from './types.js';

// Wait estimates. Not "position × average": the hall's own routing is run forward in time, so
// an estimate knows which counters serve the ticket, who they will call first (priority, other
// services, transfers), how long each service takes and when each busy counter frees up.
//
// Appointments are in it as the routing has them: a checked-in appointment is called from its
// slot (earlier only by a counter with nobody else to call), so it takes a counter from then on.
// The bookings still to come belong in `waiting` too, each as a WaitingTicket with its slotAt
// and issuedAt = the slot (when the citizen is expected): nobody calls it before that, and the
// estimate given to a walk-in counts the counter time those appointments will take.

export interface EstimateCounter {
  id: number;
  serviceIds: number[];
  priorityStreak: number;
  sinceAppointment?: number;
  /** ms from now until this counter is free to call (0 if idle now) */
  freeInMs: number;
}

export interface HallForecastInput {
  now: number;
  counters: readonly EstimateCounter[];
  waiting: readonly WaitingTicket[];
  /** serviceId → expected service duration in ms */
  durations: ReadonlyMap<number, number>;
  rules: RoutingRules;
  /** Who the policy's Call next picks (forecast-input.ts): the run's first `calls` calls are its, the rest the plain rule's. */
  callNext?: { calls: number; pick: CallNext };
}

/**
 * Who `counter`, free at `at`, calls of those in the hall (`waiting`), with the hall's counters
 * as the forecast has them then (`freeInMs` from `at`); null when it may call nobody.
 */
export type CallNext = (counter: EstimateCounter, waiting: readonly WaitingTicket[], at: number, counters: readonly EstimateCounter[]) => WaitingTicket | null;

/** ticketId → ms until it is called, for every waiting ticket some counter can serve. */
export function forecastWaits(input: HallForecastInput): Map<number, number> {
  return runForecast(input, null);
}

/** ms a ticket issued now would wait, or null if no counter can serve it. */
export function estimateNewTicket(
  input: HallForecastInput,
  ticket: { serviceId: number; priority: boolean; targetCounterId?: number | null },
): number | null {
  let maxId = 0;
  for (const t of input.waiting) maxId = Math.max(maxId, t.id);
  // Issued now, after everyone already waiting: same issuedAt loses the tie-break on id.
  const probe: WaitingTicket = {
    id: maxId + 1,
    serviceId: ticket.serviceId,
    priority: ticket.priority,
    issuedAt: input.now,
    targetCounterId: ticket.targetCounterId ?? null,
    slotAt: null,
  };
  if (!input.counters.some((c) => isEligible(c, probe))) return null;
  const waits = runForecast({ ...input, waiting: [...input.waiting, probe] }, probe.id);
  return waits.get(probe.id) ?? null;
}

// A discrete-event run of the hall with no new arrivals but the bookings in `waiting`: the
// counter that frees up first (ties by id) calls whom the policy picks at that moment (its
// first `callNext.calls` calls as Call next does, the rest by the plain rule), and is busy for
// the service's expected duration; with nobody to call, it waits for the next booking it may
// serve. Call times only grow, so the run may stop as soon as `stopAt` is called.
function runForecast(input: HallForecastInput, stopAt: number | null): Map<number, number> {
  const { now, rules, durations } = input;
  const fallback = meanDurationMs(durations);
  const counters = input.counters
    .map((c) => ({ ...c, freeAt: now + Math.max(0, c.freeInMs) }))
    .sort((a, b) => a.id - b.id);
  const line = new WaitingLine(input.waiting, rules);
  const waits = new Map<number, number>();
  let calls = 0;

  while (line.size > 0 && counters.length > 0) {
    let next = 0;
    for (let i = 1; i < counters.length; i++) if (counters[i]!.freeAt < counters[next]!.freeAt) next = i;
    const counter = counters[next]!;
    const at = counter.freeAt;
    let ticket: WaitingTicket | null;
    if (input.callNext && calls < input.callNext.calls) {
      const hallNow = counters.map((c) => ({ ...c, freeInMs: c.freeAt - at }));
      ticket = input.callNext.pick(counter, line.inHall(at), at, hallNow);
    } else {
      const hall =
        rules.policy === 'default' ? { longest: line.longest(), fallbackTargetMs: line.fallbackTargetMs, lateWalkIns: line.lateWalkIns(at) } : NO_HALL;
      ticket = plainChoice(counter, line.candidates(counter, at), at, rules, hall)?.ticket ?? null;
    }
    if (ticket === null) {
      const booking = line.nextBooking(counter, at);
      if (booking === null) counters.splice(next, 1);
      else counter.freeAt = booking;
      continue;
    }
    calls++;
    waits.set(ticket.id, counter.freeAt - now);
    if (ticket.id === stopAt) break;
    line.remove(ticket);
    counter.freeAt += durations.get(ticket.serviceId) ?? fallback;
    counter.priorityStreak = nextPriorityStreak(counter.priorityStreak, ticket);
    counter.sinceAppointment = nextSinceAppointment(counter.sinceAppointment, ticket);
  }
  return waits;
}

/** Tickets of one service (or transferred to one counter), one priority class, walk-ins or appointments, oldest first. */
interface Group {
  tickets: WaitingTicket[];
  /** The target (aimMs): which of them are still within it at a given moment. */
  targetMs: number;
  appointments: boolean;
  /** Transferred to this counter; null for the service's own line. */
  counterId: number | null;
  serviceId: number;
}

/**
 * The waiting tickets of a forecast, grouped so that a step looks at a handful instead of all
 * of them. Within a group every policy's order puts first either its oldest ticket or its oldest
 * still within target (all share one service, one target and one priority class; the default
 * policy orders those within target by deadline and the late ones by wait, the others by wait,
 * each from dueAt),
 * so those two per group are all a step needs to give `plainChoice` (tests/engine/estimate.test.ts
 * checks the whole run against one that gives it every eligible ticket).
 */
class WaitingLine {
  private readonly groups = new Map<string, Group>();
  size = 0;
  readonly fallbackTargetMs: number;
  private hasAppointments = false;

  constructor(waiting: readonly WaitingTicket[], rules: RoutingRules) {
    this.fallbackTargetMs = longestTargetMs(rules);
    for (const t of [...waiting].sort(byAge)) {
      const key = groupOf(t);
      let g = this.groups.get(key);
      if (!g) {
        g = {
          tickets: [],
          targetMs: aimMs(t, rules, this.fallbackTargetMs),
          appointments: t.slotAt !== null,
          counterId: t.targetCounterId,
          serviceId: t.serviceId,
        };
        this.groups.set(key, g);
      }
      g.tickets.push(t);
      this.size++;
      if (t.slotAt !== null) this.hasAppointments = true;
    }
  }

  /** The tickets `counter` may call at `at` that any policy could put first. */
  candidates(counter: CallingCounter, at: number): WaitingTicket[] {
    const out: WaitingTicket[] = [];
    for (const g of this.groupsOf(counter)) {
      // Appointments: every order puts first the earliest due of those already in the hall.
      if (g.appointments) {
        const first = g.tickets.find((t) => t.issuedAt <= at);
        if (first) out.push(first);
        continue;
      }
      out.push(g.tickets[0]!);
      const i = firstDueFrom(g.tickets, at - g.targetMs);
      if (i > 0 && i < g.tickets.length) out.push(g.tickets[i]!);
    }
    return out;
  }

  /** When the first booking `counter` may serve is expected after `at`, or null if none is. */
  nextBooking(counter: CallingCounter, at: number): number | null {
    let first: number | null = null;
    for (const g of this.groupsOf(counter)) {
      if (!g.appointments) continue;
      for (const t of g.tickets) if (t.issuedAt > at && (first === null || t.issuedAt < first)) first = t.issuedAt;
    }
    return first;
  }

  /** Services with a walk-in past its target at `at` (routing's HallContext.lateWalkIns; only appointments read it). */
  lateWalkIns(at: number): ReadonlySet<number> {
    if (!this.hasAppointments) return NO_HALL.lateWalkIns;
    const out = new Set<number>();
    for (const g of this.groups.values()) {
      const head = g.tickets[0];
      if (!g.appointments && head && at - head.issuedAt > g.targetMs) out.add(g.serviceId);
    }
    return out;
  }

  private *groupsOf(counter: CallingCounter): Iterable<Group> {
    for (const g of this.groups.values()) {
      if (g.tickets.length === 0) continue;
      if (g.counterId !== null ? g.counterId !== counter.id : !counter.serviceIds.includes(g.serviceId)) continue;
      yield g;
    }
  }

  /** The ticket that has waited longest, of all. */
  longest(): WaitingTicket | null {
    let oldest: WaitingTicket | null = null;
    for (const g of this.groups.values()) {
      const head = g.tickets[0];
      if (head && (!oldest || byAge(head, oldest) < 0)) oldest = head;
    }
    return oldest;
  }

  /** Every ticket in the hall at `at` (bookings expected later are not). */
  inHall(at: number): WaitingTicket[] {
    const out: WaitingTicket[] = [];
    for (const g of this.groups.values()) for (const t of g.tickets) if (t.issuedAt <= at) out.push(t);
    return out;
  }

  remove(t: WaitingTicket): void {
    const g = this.groups.get(groupOf(t))!;
    g.tickets.splice(g.tickets.indexOf(t), 1);
    this.size--;
  }
}

const groupOf = (t: WaitingTicket) => `${t.targetCounterId ?? ''}:${t.serviceId}:${t.priority ? 1 : 0}:${t.slotAt === null ? 'w' : 'a'}`;

/** Index of the first ticket due at or after `from` (tickets oldest first). */
function firstDueFrom(tickets: readonly WaitingTicket[], from: number): number {
  let lo = 0;
  let hi = tickets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dueAt(tickets[mid]!) < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A service with no known duration is assumed to take the hall's average. */
export function meanDurationMs(durations: ReadonlyMap<number, number>): number {
  if (durations.size === 0) return 0;
  let sum = 0;
  for (const d of durations.values()) sum += d;
  return sum / durations.size;
}

/**
 * The expected duration of a service: the configured average counts as `priorWeight` visits,
 * blended with recent completed visits. Each sample is clamped to [prior/10, prior×10] first,
 * so one visit left open over lunch cannot swing the estimate.
 */
export function learnDurationMs(priorMs: number, recentSamplesMs: readonly number[], priorWeight = 5): number {
  const lo = priorMs / 10;
  const hi = priorMs * 10;
  let sum = priorMs * priorWeight;
  for (const s of recentSamplesMs) sum += Math.min(hi, Math.max(lo, s));
  return sum / (priorWeight + recentSamplesMs.length);
}

/** Expected time left of a visit already `elapsedMs` long: never below a quarter of the expected. */
export function remainingMs(expectedMs: number, elapsedMs: number): number {
  return Math.max(expectedMs - Math.max(0, elapsedMs), expectedMs * 0.25);
}

/** The naive estimate peers print: people ahead × mean duration ÷ counters open for it. */
export function naiveEstimateMs(aheadInService: number, meanDurationMs: number, countersOpenForService: number): number {
  return (aheadInService * meanDurationMs) / Math.max(1, countersOpenForService);
}

/** The counters that serve now (open, or paused for a moment) and the services they serve. */
export interface ServingNow {
  counterIds: ReadonlySet<number>;
  serviceIds: ReadonlySet<number>;
}

/**
 * Whether a waiting ticket (or one taken now) has no counter serving its line yet: its estimate
 * is then the wait from the moment one opens, not a wait that started. When it has none, the
 * minute of the day its service's hours open later today (`todaysHours`: [open, close) minutes)
 * if they are not open now, else null. Null when a counter serves it.
 */
export function notStartedYet(
  serving: ServingNow,
  line: { serviceId: number; targetCounterId?: number | null },
  todaysHours: readonly (readonly [number, number])[],
  minuteOfDay: number,
): { opensAtMinute: number | null } | null {
  const served = line.targetCounterId != null ? serving.counterIds.has(line.targetCounterId) : serving.serviceIds.has(line.serviceId);
  if (served) return null;
  // Within its hours, it should have started: no time to give.
  if (todaysHours.some(([open, close]) => minuteOfDay >= open && minuteOfDay < close)) return { opensAtMinute: null };
  const later = todaysHours.map(([open]) => open).filter((open) => open > minuteOfDay);
  return { opensAtMinute: later.length > 0 ? Math.min(...later) : null };
}
