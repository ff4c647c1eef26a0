import { forecastWaits, type EstimateCounter } from './estimate.js';
import { nextPriorityStreak } from './routing.js';
import type { CallingCounter, RoutingRules, WaitingTicket } from './types.js';

/** What a counter about to call may know of the rest of the hall. */
export interface HallView {
  /** The hall's open counters, each free in freeInMs; the calling counter's own entry is ignored. */
  counters: readonly EstimateCounter[];
  /** serviceId → expected visit length in ms. */
  durations: ReadonlyMap<number, number>;
}

export const TUNING = {
  mode: 'constraint' as 'constraint' | 'minmax' | 'leximax' | 'band',
  bandMs: 300000,
  marginMs: 0,
  withinWeight: 1,
  base: 'oldest-first' as RoutingRules['policy'],
  minWaiting: 2,
};

export interface Projection {
  maxMs: number;
  within: number;
  totalMs: number;
  waits: number[];
  /** ticketId → projected total wait */
  byId: Map<number, number>;
}

/**
 * The hall run forward with no new arrivals after `counter` calls `candidate` now: each other
 * ticket's projected total wait (already waited + forecast).
 */
export function project(
  counter: CallingCounter,
  candidate: WaitingTicket,
  waiting: readonly WaitingTicket[],
  now: number,
  rules: RoutingRules,
  view: HallView,
): Projection {
  const fallback = meanOf(view.durations);
  const self: EstimateCounter = {
    id: counter.id,
    serviceIds: counter.serviceIds,
    priorityStreak: nextPriorityStreak(counter.priorityStreak, candidate),
    freeInMs: view.durations.get(candidate.serviceId) ?? fallback,
  };
  const counters = [...view.counters.filter((c) => c.id !== counter.id), self];
  const rest = waiting.filter((t) => t !== candidate);
  const forecast = forecastWaits({ now, counters, waiting: rest, durations: view.durations, rules: { ...rules, policy: TUNING.base } });
  let maxMs = now - candidate.issuedAt;
  let within = maxMs <= targetOf(candidate, rules) ? 1 : 0;
  let totalMs = maxMs;
  const waits = [maxMs];
  const byId = new Map<number, number>([[candidate.id, maxMs]]);
  for (const t of rest) {
    const f = forecast.get(t.id);
    if (f === undefined) continue;
    const w = now - t.issuedAt + f;
    waits.push(w);
    byId.set(t.id, w);
    if (w > maxMs) maxMs = w;
    if (w <= targetOf(t, rules)) within++;
    totalMs += w;
  }
  waits.sort((a, b) => b - a);
  return { maxMs, within, totalMs, waits, byId };
}

function targetOf(t: WaitingTicket, rules: RoutingRules): number {
  const s = rules.services.get(t.serviceId);
  return s ? s.targetWaitS * 1000 : Infinity;
}

function meanOf(durations: ReadonlyMap<number, number>): number {
  if (durations.size === 0) return 0;
  let sum = 0;
  for (const d of durations.values()) sum += d;
  return sum / durations.size;
}

/** The candidates worth a look-ahead: per service the oldest ticket and the oldest not yet late. */
export function candidates(counter: CallingCounter, eligible: readonly WaitingTicket[], now: number, rules: RoutingRules): WaitingTicket[] {
  const oldest = new Map<string, WaitingTicket>();
  const savable = new Map<string, WaitingTicket>();
  const older = (a: WaitingTicket, b: WaitingTicket | undefined) => !b || a.issuedAt < b.issuedAt || (a.issuedAt === b.issuedAt && a.id < b.id);
  for (const t of eligible) {
    const k = t.targetCounterId === counter.id ? 'T' : `s${t.serviceId}`;
    if (older(t, oldest.get(k))) oldest.set(k, t);
    if (!(TUNING as any).oldestOnly && now - t.issuedAt <= targetOf(t, rules) && older(t, savable.get(k))) savable.set(k, t);
  }
  const out = new Set<WaitingTicket>([...oldest.values(), ...savable.values()]);
  return [...out];
}

/** Picks among eligible tickets (already filtered for priority and the cap) by look-ahead. */
export function rolloutPick(
  counter: CallingCounter,
  eligible: readonly WaitingTicket[],
  baseChoice: WaitingTicket,
  waiting: readonly WaitingTicket[],
  now: number,
  rules: RoutingRules,
  view: HallView,
): WaitingTicket {
  const cands = candidates(counter, eligible, now, rules);
  if (cands.length <= 1 || waiting.length < TUNING.minWaiting) return baseChoice;
  const base = project(counter, baseChoice, waiting, now, rules, view);
  let best = baseChoice;
  let bestP = base;
  for (const c of cands) {
    if (c === baseChoice) continue;
    const p = project(counter, c, waiting, now, rules, view);
    if (better(p, c, bestP, best, base)) {
      best = c;
      bestP = p;
    }
  }
  return best;
}

function better(p: Projection, t: WaitingTicket, q: Projection, u: WaitingTicket, base: Projection): boolean {
  if (TUNING.mode === 'constraint') {
    const pOk = p.maxMs <= base.maxMs - TUNING.marginMs;
    const qOk = q === base || q.maxMs <= base.maxMs - TUNING.marginMs;
    if (pOk !== qOk) return pOk;
  } else if (TUNING.mode === 'band') {
    const pOk = bandOk(p, base);
    const qOk = q === base || bandOk(q, base);
    if (pOk !== qOk) return pOk;
  } else if (TUNING.mode === 'minmax') {
    if (p.maxMs !== q.maxMs) return p.maxMs < q.maxMs;
  } else {
    for (let i = 0; i < Math.min(p.waits.length, q.waits.length); i++) if (p.waits[i] !== q.waits[i]) return p.waits[i]! < q.waits[i]!;
  }
  if ((TUNING as any).pureMax) return t.issuedAt < u.issuedAt || (t.issuedAt === u.issuedAt && t.id < u.id);
  if (p.within !== q.within) return p.within > q.within;
  if (p.totalMs !== q.totalMs) return p.totalMs < q.totalMs;
  return t.issuedAt < u.issuedAt || (t.issuedAt === u.issuedAt && t.id < u.id);
}

/** No ticket is pushed into the top band of the base projection, nor delayed within it. */
function bandOk(p: Projection, base: Projection): boolean {
  const theta = base.maxMs - TUNING.bandMs;
  for (const [id, w] of p.byId) {
    const b = base.byId.get(id);
    if (b === undefined) continue;
    if (w > Math.max(theta, b)) return false;
  }
  return true;
}
