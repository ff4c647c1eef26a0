import { estimateNewTicket, naiveEstimateMs } from '../../server/engine/estimate.js';
import { etaRange, observe, rangeMinutes, startTracker } from '../../server/engine/eta-range.js';
import { forecastInputOf, LEARNING_WINDOW, learningSamples, learntDurations, type HallNow } from '../../server/engine/forecast-input.js';
import { isEligible, nextPriorityStreak, nextSinceAppointment } from '../../server/engine/order.js';
import { SWITCH_COST_MS } from '../../server/engine/advisor/types.js';
import { selectNext } from '../../server/engine/routing.js';
import type { CallingCounter, EnginePolicy, RoutingRules, ServiceRule, WaitingTicket } from '../../server/engine/types.js';
import { configuredAverageS, type Day, type DayCounter, type Visitor } from './day.js';

// A discrete-event run of one day through the engine's own selectNext and estimateNewTicket.
//
// - Virtual clock in seconds (the trace's); the engine gets milliseconds, ticket issuedAt =
//   arrival_s × 1000, ticket id = trace row + 1. Nobody walks to the counter, nobody is a no-show:
//   a visitor's wait ends when they are called, and service_s starts at once.
// - Events at one instant run in this order: visits ending, counters closing (endS), counters
//   opening (startS), arrivals in trace order. After each event every open idle counter, the one
//   idle longest first (ties by roster order), calls selectNext with the policy until nobody it
//   may serve waits: a free counter calls at once, and an arrival is called at once by an idle
//   counter that may serve it. selectNext gets the hall as the server's callNext passes it: the
//   engine's forecastInputOf (forecast-input.ts) of the open counters, with the learnt durations
//   (below); the default policy looks ahead with it.
// - A counter is open on [startS, endS): it makes no call at or after endS, and finishes the
//   visit it has at endS. Visitors still waiting when every counter has closed are `unserved`.
// - Priority: trace priority 1; maxPriorityInRow 2 (the server's default); each counter's
//   priorityStreak moves by nextPriorityStreak after every call, as the server does.
// - Appointments (trace slot_s): the ticket joins the line at arrival_s (the check-in) with
//   slotAt = slot_s; each counter's sinceAppointment moves by nextSinceAppointment after every
//   call; appointmentEveryK is the default (2). Bookings not checked in yet are in the estimate's
//   waiting list as estimate.ts asks, expected at their slot (or now, once it has passed).
// - At each arrival, before the ticket joins the line, the estimate the server would print is
//   taken as views.ts newTicketEstimator takes it, from the same builder (forecastInputOf):
//   the open counters; if none of them serves the ticket, every counter of the roster counts
//   as opening now (a counter outside its shift is a closed counter to the server). Durations
//   are the engine's learntDurations of the prior and the service's latest completed visits
//   (learningSamples). The prior is the hall's configured average (day.ts configuredAverageS:
//   never the day's own visits). The naive estimate is taken at the same moment: waiting
//   tickets of that service ahead of it (priority ones first, as views.ts counts them) × the
//   same learnt duration ÷ counters open for the service.
// - With the estimate, its range (eta-range.ts) as the server shows it in whole minutes,
//   calibrated on the visitors called before this arrival, each with the estimate they had.
// - idleWhileEligible is checked apart from the dispatch: after the events of each instant,
//   every open idle counter is checked against the waiting list with isEligible; each counter
//   that could call someone counts one.
// - Staffing changes (opts.staffing, the staffing advisor's bench): at the instants it asks for,
//   after that instant's other events, it sees the hall and may give counters new services; such
//   a counter makes no call for SWITCH_IDLE_S after its current visit (or at once, if idle), the
//   clerk changing files and forms, and is not counted idle meanwhile.

export const MAX_PRIORITY_IN_ROW = 2;

export interface Visit {
  /** Seconds from arrival to the call, or null if never called. */
  waitS: number | null;
  /** The printed estimate and the naive one, in seconds (null when nothing serves the ticket). */
  etaS: number | null;
  naiveS: number | null;
  /** The range shown with the estimate, in seconds. */
  range: { lowS: number; highS: number } | null;
  counterId: number | null;
}

export interface RunResult {
  visits: Visit[];
  idleWhileEligible: number;
}

export interface RunOptions {
  /** Take the estimates at every arrival (the costly part); sizing runs skip it. */
  estimates?: boolean;
  /** The hall's appointmentEveryK (default: the engine's). */
  appointmentEveryK?: number;
  /** An earlier day of the hall, for the configured averages the roster does not give (day.ts). */
  priorDay?: Day;
  /** Told every step of the day, in the order it happens (to replay the day elsewhere). */
  onEvent?: (e: SimEvent) => void;
  /** Changes the counters' services mid-day (bench/advisor). */
  staffing?: Staffing;
}

export interface Staffing {
  /** The next instant (s) after `t` it wants to see the hall at (Infinity: none). */
  nextAt(t: number): number;
  /** At that instant: the counters whose services change now, given the hall as the server reads it. */
  at(t: number, hall: HallNow): { counterId: number; serviceIds: number[] }[];
}

/** A counter whose services change idles this long (the clerk changes files and forms). */
export const SWITCH_IDLE_S = SWITCH_COST_MS / 1000;

/** A step of the day at `t` (s): a counter's shift, an arrival (with its estimate), a call, a visit's end. */
export type SimEvent = { t: number } & (
  | { kind: 'open' | 'close'; counterId: number }
  | { kind: 'arrive'; visitor: number; etaS: number | null; range: Visit['range'] }
  | { kind: 'call' | 'end'; counterId: number; visitor: number }
);

interface CounterState {
  /** Its services may change mid-day (opts.staffing). */
  c: DayCounter;
  order: number;
  streak: number;
  sinceAppointment: number;
  idleSince: number;
  /** While its services change: when it may call again. */
  readyAt: number | null;
  /** The visit in progress, if any. */
  busy: { ticket: WaitingTicket; startS: number; endS: number } | null;
}

export function simulate(day: Day, policy: EnginePolicy, opts: RunOptions = {}): RunResult {
  const withEstimates = opts.estimates ?? true;
  const rules: RoutingRules = {
    policy,
    maxPriorityInRow: MAX_PRIORITY_IN_ROW,
    appointmentEveryK: opts.appointmentEveryK,
    services: new Map(day.services.map((s): [number, ServiceRule] => [s.id, { id: s.id, targetWaitS: s.targetWaitS }])),
  };
  const priorMs = new Map([...configuredAverageS(day, opts.priorDay)].map(([id, s]) => [id, s * 1000]));
  /** serviceId → its latest completed visits, latest first (at most LEARNING_WINDOW). */
  const completed = new Map(day.services.map((s) => [s.id, [] as { calledAt: number; startedAt: number; endedAt: number }[]]));

  const counters: CounterState[] = day.counters.map((c, order) => ({ c, order, streak: 0, sinceAppointment: Infinity, idleSince: c.startS, readyAt: null, busy: null }));
  const calling = (k: CounterState): CallingCounter => ({ id: k.c.id, serviceIds: k.c.serviceIds, priorityStreak: k.streak, sinceAppointment: k.sinceAppointment });
  const isOpen = (k: CounterState, t: number) => k.c.startS <= t && t < k.c.endS;
  // Opening and closing, in time order; closing first at one instant.
  const shifts = counters
    .flatMap((k) => [
      { t: k.c.endS, kind: 1, k },
      { t: k.c.startS, kind: 2, k },
    ])
    .sort((a, b) => a.t - b.t || a.kind - b.kind || a.k.order - b.k.order);

  const visits: Visit[] = day.visitors.map(() => ({ waitS: null, etaS: null, naiveS: null, range: null, counterId: null }));
  const ranges = startTracker();
  const waiting: WaitingTicket[] = [];
  let idleWhileEligible = 0;

  const bookings = day.visitors.filter((v) => v.slotS !== null);
  /** The hall at `t` as the server reads it (state.ts inputFrom); `toCome`: the bookings for the estimate. */
  const hallNow = (t: number, toCome: WaitingTicket[] = []): HallNow => ({
    now: t * 1000,
    counters: counters.map((k) => ({
      ...calling(k),
      open: isOpen(k, t),
      visit: k.busy && { serviceId: k.busy.ticket.serviceId, calledAt: k.busy.startS * 1000, startedAt: k.busy.startS * 1000 },
    })),
    waiting,
    bookings: toCome,
    durations: learntDurations(priorMs, (id) => learningSamples(completed.get(id)!)),
    rules,
  });

  const dispatch = (t: number) => {
    for (;;) {
      const idle = counters.filter((k) => k.busy === null && k.readyAt === null && isOpen(k, t)).sort((a, b) => a.idleSince - b.idleSince || a.order - b.order);
      let called = false;
      for (const k of idle) {
        const sel = selectNext(calling(k), waiting, t * 1000, rules, forecastInputOf(hallNow(t), { openOnly: true }));
        if (!sel) continue;
        const ticket = sel.ticket;
        waiting.splice(waiting.indexOf(ticket), 1);
        const v = day.visitors[ticket.id - 1]!;
        opts.onEvent?.({ t, kind: 'call', counterId: k.c.id, visitor: v.index });
        const visit = visits[v.index]!;
        visit.waitS = t - v.arrivalS;
        visit.counterId = k.c.id;
        // The estimate as the hall keeps it (tickets.estimated_wait_s, whole seconds).
        if (visit.etaS !== null) observe(ranges, { estimateMs: Math.round(visit.etaS) * 1000, waitMs: visit.waitS * 1000, calledAt: t * 1000 });
        k.streak = nextPriorityStreak(k.streak, ticket);
        k.sinceAppointment = nextSinceAppointment(k.sinceAppointment, ticket);
        k.busy = { ticket, startS: t, endS: t + v.serviceS };
        called = true;
      }
      if (!called) return;
    }
  };

  const estimate = (t: number, serviceId: number, priority: boolean) => {
    const toCome = bookings.filter((v) => v.arrivalS > t).map((v) => ticketOf(v, Math.max(v.slotS!, t)));
    const hall = hallNow(t, toCome);
    const ticket = { serviceId, priority };
    const eta =
      estimateNewTicket(forecastInputOf(hall, { openOnly: true }), ticket) ?? estimateNewTicket(forecastInputOf(hall, { openOnly: false }), ticket);

    const open = counters.filter((k) => isOpen(k, t));
    const later = () => counters.filter((k) => t < k.c.endS);
    let servingIt = open.filter((k) => k.c.serviceIds.includes(serviceId)).length;
    if (servingIt === 0) servingIt = later().filter((k) => k.c.serviceIds.includes(serviceId)).length;
    const ahead = waiting.filter((w) => w.serviceId === serviceId && (w.priority || !priority)).length;
    const naive = servingIt === 0 ? null : naiveEstimateMs(ahead, hall.durations.get(serviceId)!, servingIt);
    const shown = eta === null ? null : rangeMinutes(etaRange(eta, ranges.spread));
    return {
      etaS: eta === null ? null : eta / 1000,
      naiveS: naive === null ? null : naive / 1000,
      range: shown && { lowS: shown.low * 60, highS: shown.high * 60 },
    };
  };

  const checkIdle = (t: number) => {
    const idle = counters.filter((k) => k.busy === null && k.readyAt === null && isOpen(k, t));
    idleWhileEligible += idleWithWork(idle.map(calling), waiting);
  };

  let nextArrival = 0;
  let nextShift = 0;
  const arrivals = day.visitors;
  const staffing = opts.staffing;
  let staffingAt = staffing ? staffing.nextAt(-Infinity) : Infinity;
  for (;;) {
    // The next instant: the earliest of a visit ending, a shift change and an arrival.
    let t = Infinity;
    for (const k of counters) if (k.busy && k.busy.endS < t) t = k.busy.endS;
    if (nextShift < shifts.length) t = Math.min(t, shifts[nextShift]!.t);
    if (nextArrival < arrivals.length) t = Math.min(t, arrivals[nextArrival]!.arrivalS);
    if (staffing) {
      t = Math.min(t, staffingAt);
      for (const k of counters) if (k.readyAt !== null && k.busy === null) t = Math.min(t, k.readyAt);
    }
    if (t === Infinity) break;

    // Visits ending now (several may, in roster order).
    for (const k of counters) {
      if (!k.busy || k.busy.endS !== t) continue;
      const { ticket, startS } = k.busy;
      opts.onEvent?.({ t, kind: 'end', counterId: k.c.id, visitor: ticket.id - 1 });
      const list = completed.get(ticket.serviceId)!;
      list.unshift({ calledAt: startS * 1000, startedAt: startS * 1000, endedAt: t * 1000 });
      list.length = Math.min(list.length, LEARNING_WINDOW);
      k.busy = null;
      k.idleSince = t;
      dispatch(t);
    }
    for (const k of counters) {
      if (k.readyAt !== t || k.busy !== null) continue;
      k.readyAt = null;
      k.idleSince = t;
      dispatch(t);
    }
    while (nextShift < shifts.length && shifts[nextShift]!.t === t) {
      const { k, kind } = shifts[nextShift++]!;
      opts.onEvent?.({ t, kind: kind === 1 ? 'close' : 'open', counterId: k.c.id });
      if (k.busy === null) k.idleSince = t;
      dispatch(t);
    }
    while (nextArrival < arrivals.length && arrivals[nextArrival]!.arrivalS === t) {
      const v = arrivals[nextArrival++]!;
      if (withEstimates) Object.assign(visits[v.index]!, estimate(t, v.serviceId, v.priority));
      opts.onEvent?.({ t, kind: 'arrive', visitor: v.index, etaS: visits[v.index]!.etaS, range: visits[v.index]!.range });
      waiting.push(ticketOf(v, v.arrivalS));
      dispatch(t);
    }
    if (staffing && staffingAt === t) {
      for (const change of staffing.at(t, hallNow(t))) {
        const k = counters.find((k) => k.c.id === change.counterId)!;
        k.c = { ...k.c, serviceIds: change.serviceIds };
        k.readyAt = (k.busy ? k.busy.endS : t) + SWITCH_IDLE_S;
      }
      staffingAt = staffing.nextAt(t);
      dispatch(t);
    }
    checkIdle(t);
    // Once every counter is gone, nobody else will be called.
    if (nextShift >= shifts.length && counters.every((k) => k.busy === null) && nextArrival >= arrivals.length) break;
  }
  return { visits, idleWhileEligible };
}

/** The visitor's ticket, issued (or expected) at `issuedS`. */
function ticketOf(v: Visitor, issuedS: number): WaitingTicket {
  return { id: v.index + 1, serviceId: v.serviceId, priority: v.priority, issuedAt: issuedS * 1000, targetCounterId: null, slotAt: v.slotS === null ? null : v.slotS * 1000 };
}

/** How many of these idle, open counters could call someone who waits (must be 0). */
export function idleWithWork(idle: readonly CallingCounter[], waiting: readonly WaitingTicket[]): number {
  return idle.filter((c) => waiting.some((w) => isEligible(c, w))).length;
}
