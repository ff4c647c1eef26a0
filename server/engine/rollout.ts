import { forecastWaits, meanDurationMs, type EstimateCounter } from './estimate.js';
import { aimMs, byAge, dueAt, longestTargetMs, nextPriorityStreak, nextSinceAppointment } from './order.js';
import type { CallingCounter, RoutingRules, WaitingTicket } from './types.js';

// The default policy's look-ahead (a one-step rollout, Bertsekas): before a counter calls, a few
// candidate tickets are tried in turn; for each, the hall is run forward from now with no new
// arrivals by the wait forecast's own simulation (estimate.ts, forecastWaits) under the base
// rule, oldest-first (priority first, capped), and the candidate is judged by the waits that
// projection gives every ticket now waiting (what it has waited + its projected time to the
// call; an appointment's from its due time, against its aim: routing.ts). The rule, in order:
//   1. never lengthen the projected longest wait: a candidate whose projection has a longer
//      longest wait than calling the oldest eligible ticket (the base rule's own call) is out;
//   2. of the rest, the one whose projection calls the most visitors within target;
//   3. then the least total projected wait; then the plain rule's choice; then the oldest.
// The oldest-first call always passes 1, so the look-ahead never projects a longer longest wait
// than the base rule would, and it sees what per-counter oldest-first does not: a counter taking
// an old ticket that another counter is about to be free for, while a ticket only it can serve
// waits. The hall's longest wait, once late, is not looked at here: routing.ts calls it at once,
// as the plain rule does. The projection knows nothing of visitors yet to come, so it guards the
// longest wait of those waiting now, not of the day (BENCHMARKS.md, ## Simulator).

/** What a counter about to call knows of the rest of the hall (the forecast's own input). */
export interface HallView {
  /** The hall's open counters, each free in freeInMs. The calling counter's own entry, if any, is replaced. */
  counters: readonly EstimateCounter[];
  /** serviceId → expected visit length in ms. */
  durations: ReadonlyMap<number, number>;
}

/** The hall as the base rule would run it after `counter` calls `ticket` now. */
export interface Projection {
  /** Longest projected wait (already waited + time to the call) over the tickets waiting now. */
  maxMs: number;
  /** How many of them the projection calls within their service's target. */
  within: number;
  totalMs: number;
  /** ticketId → projected wait, for every waiting ticket some open counter may serve. */
  waits: Map<number, number>;
}

export function projectCall(
  counter: CallingCounter,
  ticket: WaitingTicket,
  waiting: readonly WaitingTicket[],
  now: number,
  rules: RoutingRules,
  view: HallView,
): Projection {
  const self: EstimateCounter = {
    id: counter.id,
    serviceIds: counter.serviceIds,
    priorityStreak: nextPriorityStreak(counter.priorityStreak, ticket),
    sinceAppointment: nextSinceAppointment(counter.sinceAppointment, ticket),
    freeInMs: view.durations.get(ticket.serviceId) ?? meanDurationMs(view.durations),
  };
  const rest = waiting.filter((t) => t.id !== ticket.id);
  const forecast = forecastWaits({
    now,
    counters: [...view.counters.filter((c) => c.id !== counter.id), self],
    waiting: rest,
    durations: view.durations,
    rules: { ...rules, policy: 'oldest-first' },
  });
  const fallback = longestTargetMs(rules);
  const waited = (t: WaitingTicket, f: number) => Math.max(0, now + f - dueAt(t));
  const waits = new Map<number, number>([[ticket.id, waited(ticket, 0)]]);
  for (const t of rest) {
    const f = forecast.get(t.id);
    if (f !== undefined) waits.set(t.id, waited(t, f));
  }
  let maxMs = 0;
  let within = 0;
  let totalMs = 0;
  for (const t of waiting) {
    const w = waits.get(t.id);
    if (w === undefined) continue;
    maxMs = Math.max(maxMs, w);
    if (w <= aimMs(t, rules, fallback)) within++;
    totalMs += w;
  }
  return { maxMs, within, totalMs, waits };
}

/**
 * Picks among `pool` (the tickets the counter may call now, after the priority rule and its
 * cap) by the rule above. `plain` is the default policy's plain choice, the tie-break.
 */
export function rolloutChoice(
  counter: CallingCounter,
  pool: readonly WaitingTicket[],
  plain: WaitingTicket,
  waiting: readonly WaitingTicket[],
  now: number,
  rules: RoutingRules,
  view: HallView,
): WaitingTicket {
  const oldest = pool.reduce((a, b) => (byAge(b, a) < 0 ? b : a));
  const candidates = candidatesOf(counter, pool, now, rules);
  for (const t of [oldest, plain]) if (!candidates.includes(t)) candidates.push(t);
  if (candidates.length === 1) return plain;

  // The tickets scored: in a fixed order, so the sums (and so the choice) do not depend on the
  // list's order; with a long queue only the oldest SCORED (and every priority visitor and
  // candidate), as the base rule calls them before anyone younger, so their projection is the
  // same without the rest, and the cost of a look-ahead stays bounded.
  const sorted = [...waiting].sort(byAge);
  const list = sorted.length <= SCORED ? sorted : sorted.filter((t, i) => i < SCORED || t.priority || candidates.includes(t));
  const base = projectCall(counter, oldest, list, now, rules, view);

  let best = oldest;
  let bestP = base;
  for (const t of candidates) {
    if (t === oldest) continue;
    const p = projectCall(counter, t, list, now, rules, view);
    if (p.maxMs > base.maxMs) continue;
    if (betterThan(p, t, bestP, best, plain)) {
      best = t;
      bestP = p;
    }
  }
  return best;
}

/** At most this many of the oldest waiting tickets are projected (more than any generated day's queue). */
export const SCORED = 100;

function betterThan(p: Projection, t: WaitingTicket, q: Projection, u: WaitingTicket, plain: WaitingTicket): boolean {
  if (p.within !== q.within) return p.within > q.within;
  if (p.totalMs !== q.totalMs) return p.totalMs < q.totalMs;
  if ((t === plain) !== (u === plain)) return t === plain;
  return byAge(t, u) < 0;
}

/**
 * The candidates: for each of the counter's services (its walk-ins and its appointments apart,
 * and for the tickets transferred to it), the oldest ticket and the oldest still within its
 * target. Within one service and target the others are only later versions of these two.
 */
export function candidatesOf(counter: CallingCounter, pool: readonly WaitingTicket[], now: number, rules: RoutingRules): WaitingTicket[] {
  const fallback = longestTargetMs(rules);
  const oldest = new Map<string, WaitingTicket>();
  const savable = new Map<string, WaitingTicket>();
  for (const t of pool) {
    const group = t.targetCounterId === counter.id ? 'sent' : `${t.serviceId}${t.slotAt === null ? '' : 'a'}`;
    const o = oldest.get(group);
    if (!o || byAge(t, o) < 0) oldest.set(group, t);
    const s = savable.get(group);
    if (now - dueAt(t) <= aimMs(t, rules, fallback) && (!s || byAge(t, s) < 0)) savable.set(group, t);
  }
  return [...new Set([...oldest.values(), ...savable.values()])];
}
