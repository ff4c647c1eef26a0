import type { HallEvent, TicketEventOut } from '../protocol/city.js';
import type { CounterChange, DayFacts, TicketFact, TransferLeg } from './facts.js';

// A local day's facts from a hall's shipped events, for the city: the same facts as the hall's
// SQL (facts.ts: FACTS_SQL, TRANSFERS_SQL, COUNTER_CHANGES_SQL, RATINGS_SQL), so that the same
// figuresOfFacts gives the same report. `events` are in seq order, which for ticket events is
// the order of their ids on the hall: "first call" is the first in that order, "end" the last.

const ENDS = new Set(['complete', 'no_show', 'cancel']);
const SERVING = new Set(['call', 'start']);

function lastOf<T>(list: readonly T[], test: (e: T) => boolean, before = list.length): T | undefined {
  for (let i = before - 1; i >= 0; i--) if (test(list[i]!)) return list[i];
  return undefined;
}

function ticketFact(id: number, list: readonly TicketEventOut[], inDay: (at: number) => boolean): TicketFact | null {
  const issue = list.find((e) => e.type === 'issue');
  if (!issue || !inDay(issue.at)) return null;
  const call = list.find((e) => e.type === 'call');
  const last = lastOf(list, (e) => ENDS.has(e.type));
  const requeue = lastOf(list, (e) => e.type === 'requeue');
  // A no-show returned to the line has not ended, whatever ended it before.
  const end = last && (!requeue || requeue.seq < last.seq) ? last : undefined;
  const from = end?.type === 'complete' ? lastOf(list, (e) => SERVING.has(e.type)) : undefined;
  return {
    id,
    issueAt: issue.at,
    issueService: issue.serviceId,
    issueCounter: issue.counterId,
    issueUser: issue.userId,
    callAt: call?.at ?? null,
    callCounter: call?.counterId ?? null,
    callUser: call?.userId ?? null,
    endType: (end?.type as TicketFact['endType']) ?? null,
    endAt: end?.at ?? null,
    endService: end?.serviceId ?? null,
    endCounter: end?.counterId ?? null,
    endUser: end?.userId ?? null,
    serviceFrom: from?.at ?? null,
  };
}

function transferLegs(ticketId: number, list: readonly TicketEventOut[]): TransferLeg[] {
  const legs: TransferLeg[] = [];
  list.forEach((t, i) => {
    if (t.type !== 'transfer') return;
    const from = lastOf(list, (e) => SERVING.has(e.type), i);
    const call = list.slice(i + 1).find((e) => e.type === 'call');
    legs.push({
      ticketId,
      at: t.at,
      counterId: t.counterId,
      userId: t.userId,
      servedFrom: from?.at ?? null,
      callAt: call?.at ?? null,
      callService: call?.serviceId ?? null,
      callCounter: call?.counterId ?? null,
      callUser: call?.userId ?? null,
    });
  });
  return legs;
}

/** Each counter's last change before the day (its state when the day began), then its changes in the day. */
function counterChanges(events: readonly HallEvent[], start: number, end: number): CounterChange[] {
  const before = new Map<number, CounterChange & { seq: number }>();
  const during: CounterChange[] = [];
  for (const e of events) {
    if (e.kind !== 'counter') continue;
    const change = { counterId: e.counterId, state: e.state, userId: e.userId, at: e.at };
    if (e.at >= start && e.at < end) during.push(change);
    else if (e.at < start) {
      const kept = before.get(e.counterId);
      if (!kept || e.at > kept.at || (e.at === kept.at && e.seq > kept.seq)) before.set(e.counterId, { ...change, seq: e.seq });
    }
  }
  return [...[...before.values()].map(({ seq: _, ...c }) => c), ...during];
}

export function dayFactsOfEvents(events: readonly HallEvent[], scope: { start: number; end: number }): DayFacts {
  const inDay = (at: number) => at >= scope.start && at < scope.end;
  const counters = counterChanges(events, scope.start, scope.end);
  // The day's tickets lie between the smallest and largest id issued in it, as on the hall.
  let lo = Infinity;
  let hi = -Infinity;
  for (const e of events) {
    if (e.kind === 'ticket' && e.type === 'issue' && inDay(e.at)) {
      lo = Math.min(lo, e.ticketId);
      hi = Math.max(hi, e.ticketId);
    }
  }
  if (lo > hi) return { tickets: [], transfers: [], counters, ratings: [] };
  const inRange = (id: number) => id >= lo && id <= hi;
  const byTicket = new Map<number, TicketEventOut[]>();
  const ratings: DayFacts['ratings'] = [];
  for (const e of events) {
    if (e.kind === 'ticket' && inRange(e.ticketId)) {
      const list = byTicket.get(e.ticketId);
      if (list) list.push(e);
      else byTicket.set(e.ticketId, [e]);
    } else if (e.kind === 'rating' && inRange(e.ticketId)) ratings.push({ ticketId: e.ticketId, score: e.score });
  }
  const tickets: TicketFact[] = [];
  const transfers: TransferLeg[] = [];
  for (const [id, list] of byTicket) {
    const fact = ticketFact(id, list, inDay);
    if (fact) tickets.push(fact);
    transfers.push(...transferLegs(id, list));
  }
  return { tickets, transfers, counters, ratings };
}
