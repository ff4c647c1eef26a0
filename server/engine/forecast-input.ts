import { learnDurationMs, remainingMs, type CallNext, type EstimateCounter, type HallForecastInput } from './estimate.js';
import { pickNext } from './routing.js';
import type { RoutingRules, WaitingTicket } from './types.js';

// The forecast's starting point, built one way for the server (hall/state.ts, from its rows)
// and the simulator (bench/sim/simulate.ts, from its day): which counters count, when each busy
// one is free, and how long each service is expected to take.

/** A service's expected duration learns from its latest this many completed visits. */
export const LEARNING_WINDOW = 50;

/** When a visit's parts happened (epoch ms; null: not yet, or never). */
export interface VisitTimes {
  calledAt: number | null;
  startedAt: number | null;
}

/** How long a visit has lasted at `at`: from its start, or its call if it was never started. */
export const visitLengthMs = (v: VisitTimes, at: number): number => at - (v.startedAt ?? v.calledAt ?? at);

/**
 * What a service's duration learns from: its latest LEARNING_WINDOW completed visits (`latestFirst`,
 * at most that many are read), their lengths, but for those of no length (a visit completed at once).
 */
export function learningSamples(latestFirst: readonly (VisitTimes & { endedAt: number })[]): number[] {
  return latestFirst
    .slice(0, LEARNING_WINDOW)
    .map((v) => visitLengthMs(v, v.endedAt))
    .filter((ms) => ms > 0);
}

/** serviceId → expected duration: its configured average (`priorsMs`) blended with its samples. */
export function learntDurations(priorsMs: ReadonlyMap<number, number>, samples: (serviceId: number) => readonly number[]): Map<number, number> {
  return new Map([...priorsMs].map(([id, prior]) => [id, learnDurationMs(prior, samples(id))]));
}

export interface CounterNow {
  id: number;
  serviceIds: number[];
  priorityStreak: number;
  sinceAppointment?: number;
  /** Calling now (not closed, not paused). */
  open: boolean;
  /** The visit it is on, if any. */
  visit: (VisitTimes & { serviceId: number }) | null;
}

/** The hall at one moment, as plain data. */
export interface HallNow {
  now: number;
  /** Every counter of the hall that works today, open or not. */
  counters: readonly CounterNow[];
  waiting: readonly WaitingTicket[];
  /** Bookings not checked in yet (estimate.ts): in the estimates only, never in routing. */
  bookings: readonly WaitingTicket[];
  durations: ReadonlyMap<number, number>;
  rules: RoutingRules;
}

/**
 * The forecast's input: the open counters, each free when its visit's expected rest is done
 * (remainingMs), the waiting tickets and bookings, durations and rules. `openOnly` false counts
 * the counters closed now as opening at once: the estimate for a line no open counter serves.
 */
export function forecastInputOf(h: HallNow, { openOnly }: { openOnly: boolean }): HallForecastInput {
  const counters = h.counters
    .filter((c) => !openOnly || c.open)
    .map(
      (c): EstimateCounter => ({
        id: c.id,
        serviceIds: c.serviceIds,
        priorityStreak: c.priorityStreak,
        sinceAppointment: c.sinceAppointment,
        freeInMs: c.visit ? remainingMs(h.durations.get(c.visit.serviceId) ?? 0, visitLengthMs(c.visit, h.now)) : 0,
      }),
    );
  const waiting = h.bookings.length === 0 ? h.waiting : [...h.waiting, ...h.bookings];
  return withCallNext({ now: h.now, counters, waiting, durations: h.durations, rules: h.rules });
}

/** The forecast of the default policy, whose Call next looks ahead, runs its first calls as Call next. */
export function withCallNext(input: HallForecastInput): HallForecastInput {
  const { rules, durations } = input;
  if (rules.policy !== 'default') return input;
  const pick: CallNext = (counter, inHall, at, hallNow) => pickNext(counter, inHall, at, rules, { counters: hallNow, durations })?.ticket ?? null;
  return { ...input, callNext: { calls: LOOK_AHEAD_CALLS, pick } };
}

/**
 * The default policy's Call next looks ahead (rollout.ts), so its estimates do too: the first
 * this many calls of a forecast are picked as Call next picks them, the rest by the plain rule.
 * 30 lowers the error a little more at 2.4 times the CPU per ticket (BENCHMARKS.md, "Estimates on
 * held-aside days").
 */
export const LOOK_AHEAD_CALLS = 10;
