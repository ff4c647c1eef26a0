import { isEligible, nextPriorityStreak, pickNext } from './routing.js';
import type { RoutingRules, WaitingTicket } from './types.js';

// Wait estimates. Not "position × average": the hall's own routing is run forward in time, so
// an estimate knows which counters serve the ticket, who they will call first (priority, other
// services, transfers), how long each service takes and when each busy counter frees up.

export interface EstimateCounter {
  id: number;
  serviceIds: number[];
  priorityStreak: number;
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
}

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
  };
  if (!input.counters.some((c) => isEligible(c, probe))) return null;
  const waits = runForecast({ ...input, waiting: [...input.waiting, probe] }, probe.id);
  return waits.get(probe.id) ?? null;
}

// A discrete-event run of the hall with no new arrivals: the counter that frees up first (ties
// by id) calls whom selectNext picks at that moment, and is busy for the service's expected
// duration. Call times only grow, so the run may stop as soon as `stopAt` is called.
function runForecast(input: HallForecastInput, stopAt: number | null): Map<number, number> {
  const { now, rules, durations } = input;
  const fallback = meanOf(durations);
  const counters = input.counters
    .map((c) => ({ id: c.id, serviceIds: c.serviceIds, priorityStreak: c.priorityStreak, freeAt: now + Math.max(0, c.freeInMs) }))
    .sort((a, b) => a.id - b.id);
  const waiting = [...input.waiting];
  const waits = new Map<number, number>();

  while (waiting.length > 0 && counters.length > 0) {
    let next = 0;
    for (let i = 1; i < counters.length; i++) if (counters[i]!.freeAt < counters[next]!.freeAt) next = i;
    const counter = counters[next]!;
    // Without a view of the hall: the default policy's plain rule, so a forecast never looks ahead.
    const selection = pickNext(counter, waiting, counter.freeAt, rules);
    if (selection === null) {
      // Nobody arrives during a forecast: a counter with nothing to call now never will.
      counters.splice(next, 1);
      continue;
    }
    const { ticket } = selection;
    waits.set(ticket.id, counter.freeAt - now);
    if (ticket.id === stopAt) break;
    waiting.splice(waiting.indexOf(ticket), 1);
    counter.freeAt += durations.get(ticket.serviceId) ?? fallback;
    counter.priorityStreak = nextPriorityStreak(counter.priorityStreak, ticket);
  }
  return waits;
}

/** A service with no known duration is assumed to take the hall's average. */
function meanOf(durations: ReadonlyMap<number, number>): number {
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
