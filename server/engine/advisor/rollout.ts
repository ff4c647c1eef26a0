import { dueAt, nextPriorityStreak } from '../order.js';
import { pickNext } from '../routing.js';
import type { RoutingRules, WaitingTicket } from '../types.js';
import { lognormal, poisson, seeded } from './random.js';
import type { ArrivalForecast } from './forecast.js';

// The roll-out (issue 18, "How it decides" 3): a roster is run over sampled futures (the tickets
// waiting now and the next hour's arrivals, Poisson from the forecast, each visit's length
// lognormal around the learnt mean) until the line is drained, each free counter calling by the
// engine's own rule (pickNext, its plain rule: no look-ahead, for speed). Every roster is run on
// the same futures (common random numbers), so their difference is the roster's, not the luck's.

/** A counter of the roster tried. */
export interface PlanCounter {
  id: number;
  serviceIds: number[];
  /** When it may call, from now (its visit's rest, and a switch's cost). */
  freeInMs: number;
  priorityStreak: number;
  /** It makes no call from then on (ms from now; absent: never). */
  closesInMs?: number;
}

/** One sampled future: every ticket (waiting now and to come), by issue time, each with its visit's length. */
export interface Future {
  tickets: { ticket: WaitingTicket; lengthMs: number }[];
}

/** A visit's length varies this much around the service's mean (coefficient of variation). */
const LENGTH_CV = 0.7;
/** A ticket the roster never calls counts as waiting this much longer than the run. */
const UNSERVED_PENALTY_MS = 60 * 60_000;

export function sampleFutures(
  now: number,
  waiting: readonly WaitingTicket[],
  forecast: ArrivalForecast,
  durations: ReadonlyMap<number, number>,
  seed: number,
  count: number,
): Future[] {
  const random = seeded(seed);
  const mean = [...durations.values()].reduce((a, b) => a + b, 0) / Math.max(1, durations.size) || 300_000;
  const lengthOf = (serviceId: number) => lognormal(random, durations.get(serviceId) ?? mean, LENGTH_CV);
  return Array.from({ length: count }, () => {
    const tickets = waiting.map((ticket) => ({ ticket, lengthMs: lengthOf(ticket.serviceId) }));
    let id = 0;
    for (const [serviceId, perMinute] of forecast)
      perMinute.forEach((rate, m) => {
        for (let k = poisson(random, rate); k > 0; k--) {
          const issuedAt = Math.floor(now + (m + random()) * 60_000);
          tickets.push({ ticket: { id: --id, serviceId, priority: false, issuedAt, targetCounterId: null, slotAt: null }, lengthMs: lengthOf(serviceId) });
        }
      });
    return { tickets: tickets.sort((a, b) => a.ticket.issuedAt - b.ticket.issuedAt || b.ticket.id - a.ticket.id) };
  });
}

export interface Outcome {
  /** serviceId → the waits of its tickets, summed (ms), and how many. */
  byService: Map<number, { sumMs: number; n: number }>;
  totalMs: number;
  /** Every ticket's wait (ms). */
  waits: number[];
  /** serviceId → when `watch` last called one of its tickets (ms from now). */
  lastCallOf: Map<number, number>;
}

export function runPlan(plan: readonly PlanCounter[], future: Future, now: number, rules: RoutingRules, watch?: number): Outcome {
  const counters = plan.map((c) => ({ id: c.id, serviceIds: c.serviceIds, priorityStreak: c.priorityStreak, freeAt: now + c.freeInMs, closesAt: now + (c.closesInMs ?? Infinity) }));
  const byService = new Map<number, { sumMs: number; n: number }>();
  const lastCallOf = new Map<number, number>();
  let totalMs = 0;
  const waits: number[] = [];
  const count = (t: WaitingTicket, waitMs: number) => {
    waits.push(waitMs);
    const s = byService.get(t.serviceId) ?? { sumMs: 0, n: 0 };
    s.sumMs += waitMs;
    s.n++;
    byService.set(t.serviceId, s);
    totalMs += waitMs;
  };
  const lengths = new Map(future.tickets.map((x) => [x.ticket, x.lengthMs]));
  const waiting: WaitingTicket[] = [];
  let next = 0;
  let end = now;
  while (counters.length > 0) {
    let k = counters[0]!;
    for (const c of counters) if (c.freeAt < k.freeAt) k = c;
    const t = k.freeAt;
    if (t >= k.closesAt) {
      counters.splice(counters.indexOf(k), 1);
      continue;
    }
    end = Math.max(end, t);
    while (next < future.tickets.length && future.tickets[next]!.ticket.issuedAt <= t) waiting.push(future.tickets[next++]!.ticket);
    const picked = pickNext(k, waiting, t, rules);
    if (picked) {
      const ticket = picked.ticket;
      waiting.splice(waiting.indexOf(ticket), 1);
      count(ticket, Math.max(0, t - dueAt(ticket)));
      if (k.id === watch) lastCallOf.set(ticket.serviceId, t - now);
      k.priorityStreak = nextPriorityStreak(k.priorityStreak, ticket);
      k.freeAt = t + lengths.get(ticket)!;
    } else if (next < future.tickets.length) k.freeAt = future.tickets[next]!.ticket.issuedAt;
    else counters.splice(counters.indexOf(k), 1);
  }
  for (const { ticket } of future.tickets.slice(next)) waiting.push(ticket);
  for (const ticket of waiting) count(ticket, Math.max(0, end - dueAt(ticket)) + UNSERVED_PENALTY_MS);
  return { byService, totalMs, waits, lastCallOf };
}
