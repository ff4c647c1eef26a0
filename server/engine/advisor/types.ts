import type { RoutingRules, WaitingTicket } from '../types.js';

// The staffing advisor's vocabulary (issue 18): plain data, times in epoch ms, no database, no
// clock. The hall (server/hall/advice.ts) and the simulator (bench/advisor) build an
// AdvisorInput and call advise() (advise.ts); both show or apply what it returns.

export interface AdvisorCounter {
  id: number;
  /** The number citizens see on it. */
  number: number;
  /** What it serves now, in its order of preference. */
  serviceIds: number[];
  /** What its clerk is able to serve (a superset of serviceIds); the advisor never goes beyond it. */
  qualifiedServiceIds: number[];
  state: 'open' | 'paused' | 'closed';
  /** When its services last changed today (null: not today): a counter changed in the last 30 min is left alone. */
  servicesChangedAt: number | null;
  /** ms until its current visit is expected to end (0: idle or closed). */
  freeInMs: number;
  priorityStreak: number;
  /** ms until its clerk's shift ends, if known (absent: it stays past the advisor's horizon). */
  closesInMs?: number;
}

/** Arrivals (walk-in tickets issued) per service, per 15-minute bin of the local day (index 0 = 00:00–00:15). */
export type BinnedArrivals = ReadonlyMap<number, readonly number[]>;

export interface AdvisorInput {
  now: number;
  /** Minutes since local midnight at `now` (the bins are the hall's local time). */
  minuteOfDay: number;
  counters: readonly AdvisorCounter[];
  waiting: readonly WaitingTicket[];
  /** serviceId → expected visit length (the learnt durations, as the estimates have them). */
  durations: ReadonlyMap<number, number>;
  rules: RoutingRules;
  /** The same weekday on earlier weeks (most recent first, at most 6), each day's arrivals. */
  history: readonly BinnedArrivals[];
  /** Today's arrivals so far (bins up to now; the current bin partly filled). */
  today: BinnedArrivals;
  /** When the hall stops taking tickets today (ms), or null if unknown: nothing is forecast past it. */
  closesAt: number | null;
  /** Seeds the sampled futures, so the same input gives the same advice. */
  seed: number;
  /** Clerks the supervisor could call in beyond the counters listed (absent: none): "open a counter" may then name no counter. */
  reserveClerks?: number;
}

/** What a recommendation is expected to do, in seconds of mean wait over the next hour and its drain. */
export interface AdviceEffect {
  /** The service it helps. */
  serviceId: number;
  waitBeforeS: number;
  waitAfterS: number;
  /** Change of the mean wait of every other service (+ longer). */
  othersDeltaS: number;
}

export type Advice =
  | { kind: 'add-service'; counterId: number; serviceId: number; forMinutes: number; effect: AdviceEffect }
  | { kind: 'drop-service'; counterId: number; serviceId: number; forMinutes: number; effect: AdviceEffect }
  /** Open a counter that is closed now (counterId), or one more clerk (null), for these services. */
  | { kind: 'open-counter'; counterId: number | null; serviceIds: number[]; effect: AdviceEffect };

/** A counter whose services changed this recently is left alone. */
export const SETTLE_MS = 30 * 60_000;
/** What a switch costs a clerk (files and forms changed): counted as this much idle time. */
export const SWITCH_COST_MS = 60_000;
/** A recommendation the supervisor dismissed is not shown again for this long (in the hall, and by bench:advisor's supervisor). */
export const QUIET_AFTER_DISMISS_MS = 30 * 60_000;
/** At most this many recommendations at once. */
export const MAX_ADVICE = 2;
