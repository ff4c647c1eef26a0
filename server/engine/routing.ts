import type { CallingCounter, RoutingRules, Selection, WaitingTicket } from './types.js';

// Who a counter calls next. One function, four policies; the clock and the waiting list are
// passed in. A counter never idles while a ticket it may serve waits: `null` means none does.

/** A ticket transferred to a counter is that counter's alone; otherwise the service decides. */
export function isEligible(counter: CallingCounter, ticket: WaitingTicket): boolean {
  if (ticket.targetCounterId !== null) return ticket.targetCounterId === counter.id;
  return counter.serviceIds.includes(ticket.serviceId);
}

/** The counter's priority streak after it calls `calledTicket`. */
export function nextPriorityStreak(streak: number, calledTicket: Pick<WaitingTicket, 'priority'>): number {
  return calledTicket.priority ? streak + 1 : 0;
}

export function selectNext(
  counter: CallingCounter,
  waiting: readonly WaitingTicket[],
  now: number,
  rules: RoutingRules,
): Selection | null {
  let eligible = waiting.filter((t) => isEligible(counter, t));
  if (eligible.length === 0) return null;

  // Priority visitors go first, but never more than maxPriorityInRow calls in a row while
  // someone else waits.
  let capped = false;
  if (counter.priorityStreak >= rules.maxPriorityInRow && eligible.some((t) => !t.priority)) {
    capped = eligible.some((t) => t.priority);
    eligible = eligible.filter((t) => !t.priority);
  }

  const key = KEYS[rules.policy];
  let best = eligible[0]!;
  let bestKey = key(best, counter, now, rules);
  for (let i = 1; i < eligible.length; i++) {
    const t = eligible[i]!;
    const k = key(t, counter, now, rules);
    if (compareKeys(k, bestKey) < 0) {
      best = t;
      bestKey = k;
    }
  }
  return { ticket: best, reason: explain(best, counter, now, rules, capped) };
}

// A policy is a sort key, compared element by element; smaller is called first. Every key ends
// with issuedAt and id, so the choice is total and deterministic.
type Key = (t: WaitingTicket, counter: CallingCounter, now: number, rules: RoutingRules) => number[];

const priorityFirst = (t: WaitingTicket) => (t.priority ? 0 : 1);

const KEYS: Record<RoutingRules['policy'], Key> = {
  'oldest-first': (t) => [priorityFirst(t), t.issuedAt, t.id],
  'service-order': (t, c) => [priorityFirst(t), preference(c, t), t.issuedAt, t.id],
  novosga: (t, c) => [preference(c, t), priorityFirst(t), t.issuedAt, t.id],
  default: (t, c, now, rules) => {
    const band = urgencyBand(t, now, rules);
    const order = band === AT_RISK ? deadline(t, rules) : t.issuedAt;
    return [priorityFirst(t), band, order, preference(c, t), t.issuedAt, t.id];
  },
};

// The default policy spends each call where it keeps the hall's promise (a visitor called within
// the service's target), without forgetting anyone. Three bands, in this order:
//   OVERDUE  waited 3× the target or more: longest wait first, so nobody waits without end;
//   AT_RISK  in the second half of the target window: earliest deadline first, since these
//            visitors can still be called in time and are about to miss it;
//   REST     everyone else, longest wait first. A visitor already late but not overdue yields
//            only to those still savable: under overload, calling a lost cause first would make
//            one more visitor late and save nobody.
// With one target for every service and normal load this is first come, first served.
const OVERDUE = 0;
const AT_RISK = 1;
const REST = 2;
const OVERDUE_FACTOR = 3;

function urgencyBand(t: WaitingTicket, now: number, rules: RoutingRules): number {
  const target = targetMs(t, rules);
  if (target === null) return REST;
  const waited = now - t.issuedAt;
  if (waited >= OVERDUE_FACTOR * target) return OVERDUE;
  if (waited >= target / 2 && waited <= target) return AT_RISK;
  return REST;
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** The counter's order of preference; a ticket transferred to this counter comes first. */
function preference(counter: CallingCounter, t: WaitingTicket): number {
  return t.targetCounterId === counter.id ? -1 : counter.serviceIds.indexOf(t.serviceId);
}

function targetMs(t: WaitingTicket, rules: RoutingRules): number | null {
  const s = rules.services.get(t.serviceId);
  return s ? s.targetWaitS * 1000 : null;
}

function deadline(t: WaitingTicket, rules: RoutingRules): number {
  return t.issuedAt + (targetMs(t, rules) ?? 0);
}

// The reason, as a clerk reads it: "waited 18 min, target 15" / "انتظر ١٨ دقيقة، والهدف ١٥".

const arNumber = new Intl.NumberFormat('ar-SY', { maximumFractionDigits: 1 });
const enNumber = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

function explain(
  t: WaitingTicket,
  counter: CallingCounter,
  now: number,
  rules: RoutingRules,
  capped: boolean,
): Selection['reason'] {
  const ar: string[] = [];
  const en: string[] = [];
  if (t.targetCounterId === counter.id) {
    ar.push('محوَّل إلى هذا الشباك');
    en.push('transferred to this counter');
  }
  if (t.priority) {
    ar.push('مراجع ذو أولوية');
    en.push('priority visitor');
  } else if (capped) {
    ar.push('دور المراجعين العاديين بعد نداءات الأولوية');
    en.push('regular turn after priority calls');
  }
  const minutes = Math.max(0, Math.floor((now - t.issuedAt) / 60000));
  ar.push(`انتظر ${arMinutes(minutes)}`);
  en.push(minutes === 0 ? 'waited under 1 min' : `waited ${minutes} min`);
  const target = targetMs(t, rules);
  if (target !== null) {
    ar.push(`والهدف ${arNumber.format(target / 60000)}`);
    en.push(`target ${enNumber.format(target / 60000)}`);
  }
  return { ar: ar.join('، '), en: en.join(', ') };
}

/** Arabic counted noun: دقيقة واحدة، دقيقتين، ٣–١٠ دقائق، ١١ دقيقة فأكثر. */
function arMinutes(n: number): string {
  if (n === 0) return 'أقل من دقيقة';
  if (n === 1) return 'دقيقة واحدة';
  if (n === 2) return 'دقيقتين';
  const lastTwo = n % 100;
  return `${arNumber.format(n)} ${lastTwo >= 3 && lastTwo <= 10 ? 'دقائق' : 'دقيقة'}`;
}
