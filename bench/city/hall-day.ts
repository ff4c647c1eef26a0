import type { CounterEventOut, TicketEventOut } from '../../server/protocol/city.js';
import { generateDay, PROFILES, rng } from '../day/generate.js';
import { buildDay } from '../sim/day.js';
import { scaledDay } from '../sim/variants.js';
import { simulate } from '../sim/simulate.js';

// One hall's generated day (bench/day's profile, simulated by bench/sim with the engine's own
// routing) turned into the events its server would write, in order: counters opening and closing,
// and for each visitor issue → call → start → complete. A few are no-shows (called, never come)
// and a few are transferred after a first visit and served again. The outbox numbers them.

/** An event as the hall writes it, before the outbox gives it its seq; `atS` is in the day's seconds. */
export type DayEvent = (Omit<TicketEventOut, 'seq' | 'at' | 'issuedAt'> | Omit<CounterEventOut, 'seq' | 'at'>) & {
  atS: number;
  issuedAtS?: number;
};

const WALK_S = 30;
const NO_SHOW_WAIT_S = 120;
const NO_SHOW_SHARE = 0.04;
const TRANSFER_SHARE = 0.03;

export interface HallDay {
  events: DayEvent[];
  /** Service codes by id, for the hall's status. */
  services: { id: number; code: string; targetWaitS: number }[];
}

/** `scale`: a hall that many times as big, with as many times the visitors and the counters. */
export function hallDay(profile: string, seed: number, scale = 1): HallDay {
  const spec = PROFILES[profile]!;
  const { trace, roster } = generateDay({ ...spec, visitors: spec.visitors * scale }, seed);
  const day = scaledDay(buildDay(roster, trace), roster.counters.length * scale);
  const { visits } = simulate(day, 'default', { estimates: false });
  const random = rng(seed * 7919);
  const code = new Map(day.services.map((s) => [s.id, s.code]));
  const events: DayEvent[] = [];

  for (const c of day.counters) {
    const counter = { kind: 'counter' as const, counterId: c.id, counterNumber: c.id, userId: c.id };
    events.push({ ...counter, atS: c.startS, state: 'open' }, { ...counter, atS: c.endS, state: 'closed' });
  }
  for (const v of day.visitors) {
    const visit = visits[v.index]!;
    const ticket = {
      kind: 'ticket' as const,
      ticketId: v.index + 1,
      serviceId: v.serviceId,
      serviceCode: code.get(v.serviceId)!,
      priority: v.priority,
      remote: false,
      issuedAtS: v.arrivalS,
    };
    const step = (atS: number, type: TicketEventOut['type'], fromStatus: string | null, toStatus: string, counterId: number | null) =>
      events.push({ ...ticket, atS, type, fromStatus, toStatus, counterId, userId: counterId });
    step(v.arrivalS, 'issue', null, 'waiting', null);
    if (visit.waitS === null || visit.counterId === null) continue; // still waiting at closing time
    const calledS = v.arrivalS + visit.waitS;
    const at = visit.counterId;
    step(calledS, 'call', 'waiting', 'called', at);
    const fate = random();
    if (fate < NO_SHOW_SHARE) {
      step(calledS + NO_SHOW_WAIT_S, 'no_show', 'called', 'no_show', at);
      continue;
    }
    step(calledS + WALK_S, 'start', 'called', 'serving', at);
    let doneS = calledS + WALK_S + v.serviceS;
    if (fate < NO_SHOW_SHARE + TRANSFER_SHARE) {
      // Sent to another counter for a second step, called there after a short wait.
      const half = Math.round(v.serviceS / 2);
      step(calledS + WALK_S + half, 'transfer', 'serving', 'waiting', at);
      step(calledS + WALK_S + half + 60, 'call', 'waiting', 'called', at);
      step(calledS + 2 * WALK_S + half + 60, 'start', 'called', 'serving', at);
      doneS = calledS + 2 * WALK_S + v.serviceS + 60;
    }
    step(doneS, 'complete', 'serving', 'done', at);
  }
  // Stable: events of one instant keep the order they were written in.
  events.sort((a, b) => a.atS - b.atS);
  return { events, services: day.services.map((s) => ({ id: s.id, code: s.code, targetWaitS: s.targetWaitS })) };
}
