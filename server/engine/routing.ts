import { rolloutChoice, type HallView } from './rollout.js';
import { APPOINTMENT_AIM_MS, dueAt, hallContext, held, isEligible, nextSinceAppointment, NO_HALL, plainChoice, targetMs } from './order.js';
import { DEFAULT_APPOINTMENT_EVERY_K, type CallingCounter, type RoutingRules, type Selection, type WaitingTicket } from './types.js';
import type { Digits } from '../../ui-kit/i18n.js';

export type { HallView } from './rollout.js';

// Who a counter calls next. One function, four policies (their order: order.ts); the clock and
// the waiting list are passed in. A counter never idles while a ticket it may serve waits: `null`
// means none does.
//
// Appointments and walk-ins: their order is in order.ts. With the hall in view, an appointment
// the one-in-k limit holds waits only while it has slack: when no counter will be free to call it
// by its slot + APPOINTMENT_AIM_MS, this counter calls it now (heldPastSlack).

/**
 * The ticket `counter` calls now, or null if none it may serve waits. `view` (the hall's open
 * counters and expected durations, as the wait forecast has them) lets the `default` policy look
 * ahead (rollout.ts); without it `default` uses its plain rule, as the forecast does after its first calls.
 * `digits` and `timeZone` are the hall's, for the reason (an appointment's time).
 */
export function selectNext(
  counter: CallingCounter,
  waiting: readonly WaitingTicket[],
  now: number,
  rules: RoutingRules,
  view?: HallView,
  digits: Digits = 'arab',
  timeZone = 'UTC',
): Selection | null {
  const picked = pickNext(counter, waiting, now, rules, view);
  if (!picked) return null;
  return { ticket: picked.ticket, reason: explain(picked.ticket, counter, now, rules, picked.capped, digits, timeZone) };
}

/** selectNext without the reason. */
export function pickNext(
  counter: CallingCounter,
  waiting: readonly WaitingTicket[],
  now: number,
  rules: RoutingRules,
  view?: HallView,
): { ticket: WaitingTicket; capped: boolean } | null {
  const hall = rules.policy === 'default' ? hallContext(waiting, rules, now) : NO_HALL;
  const plain = plainChoice(counter, waiting.filter((t) => isEligible(counter, t)), now, rules, hall);
  if (!plain) return null;
  if (rules.policy === 'default' && view && plain.ticket.slotAt === null && !plain.ticket.priority) {
    const urgent = heldPastSlack(counter, plain.ticket, plain.pool, now, rules, view);
    if (urgent) return { ticket: urgent, capped: plain.capped };
  }
  // With the hall in view, the default policy looks ahead among the tickets it may call now
  // (priority ones only, if it calls a priority visitor; no held appointment but the plain
  // choice), except that the hall's longest wait, once late, is still called at once by the
  // first counter that may serve it.
  if (rules.policy === 'default' && view && !plain.longestLate && plain.ticket.slotAt === null) {
    const pool = plain.pool.filter(
      (t) => t === plain.ticket || ((t.priority || !plain.ticket.priority) && !held(t, counter, rules, hall)),
    );
    return { ticket: rolloutChoice(counter, pool, plain.ticket, waiting, now, rules, view), capped: plain.capped };
  }
  return plain;
}

const deadlineOf = (t: WaitingTicket) => dueAt(t) + APPOINTMENT_AIM_MS;

/**
 * A held appointment that has run out of slack: the one-in-k limit binds only while an
 * appointment can still be called by its deadline (dueAt + APPOINTMENT_AIM_MS). The plan: the
 * due appointments in `pool`, earliest deadline first, each to the counter that may serve it and
 * is free first, this one after `choice` (its expected length), the others busy until the forecast
 * frees them (an idle one is about to call and is not counted on), and only a counter the limit
 * lets call an appointment then; after one, a counter makes k calls (k lengths) before the next.
 * The first appointment the plan cannot call by its deadline is called now; null if none.
 */
function heldPastSlack(
  counter: CallingCounter,
  choice: WaitingTicket,
  pool: readonly WaitingTicket[],
  now: number,
  rules: RoutingRules,
  view: HallView,
): WaitingTicket | null {
  const due = pool.filter((t) => t.slotAt !== null && dueAt(t) <= now).sort((a, b) => deadlineOf(a) - deadlineOf(b) || a.id - b.id);
  if (due.length === 0) return null;
  const k = rules.appointmentEveryK ?? DEFAULT_APPOINTMENT_EVERY_K;
  const mayCall = (since: number | undefined) => (since ?? Infinity) >= k - 1;
  const lengthOf = (t: WaitingTicket) => view.durations.get(t.serviceId) ?? 0;
  const freeAt = new Map<CallingCounter, number>();
  if (mayCall(nextSinceAppointment(counter.sinceAppointment, choice))) freeAt.set(counter, now + lengthOf(choice));
  for (const c of view.counters) if (c.id !== counter.id && c.freeInMs > 0 && mayCall(c.sinceAppointment)) freeAt.set(c, now + c.freeInMs);
  for (const t of due) {
    let first: CallingCounter | null = null;
    for (const [c, at] of freeAt) if (isEligible(c, t) && (first === null || at < freeAt.get(first)!)) first = c;
    if (first === null || freeAt.get(first)! > deadlineOf(t)) return t;
    freeAt.set(first, freeAt.get(first)! + k * lengthOf(t));
  }
  return null;
}
// The reason, as a clerk reads it: "waited 18 min, target 15 min" / "انتظر ١٨ دقيقة، والهدف ١٥ دقيقة" /
// « a attendu 18 min, objectif 15 min »; for an appointment "appointment 10:40, 3 min late" /
// "موعد ١٠:٤٠، متأخر بـ٣ دقائق" / « rendez-vous à 10:40, 3 min de retard ».

const arNumber = {
  arab: new Intl.NumberFormat('ar-SY-u-nu-arab', { maximumFractionDigits: 1 }),
  latn: new Intl.NumberFormat('ar-SY-u-nu-latn', { maximumFractionDigits: 1 }),
};
const enNumber = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const frNumber = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const frMinutes = (n: number) => `${frNumber.format(n)}\u00a0min`;

function explain(
  t: WaitingTicket,
  counter: CallingCounter,
  now: number,
  rules: RoutingRules,
  capped: boolean,
  digits: Digits,
  timeZone: string,
): Selection['reason'] {
  const ar: string[] = [];
  const en: string[] = [];
  const fr: string[] = [];
  const reason = () => ({ ar: ar.join('، '), en: en.join(', '), fr: fr.join(', ') });
  if (t.targetCounterId === counter.id) {
    ar.push('محوَّل إلى هذا الشباك');
    en.push('transferred to this counter');
    fr.push('transféré à ce guichet');
  }
  if (t.priority) {
    ar.push('مراجع ذو أولوية');
    en.push('priority visitor');
    fr.push('usager prioritaire');
  } else if (capped) {
    ar.push('دور المراجعين العاديين بعد نداءات الأولوية');
    en.push('regular turn after priority calls');
    fr.push('tour des usagers ordinaires après les appels prioritaires');
  }
  if (t.slotAt !== null) {
    ar.push(`موعد ${clockTime(t.slotAt, timeZone, digits)}`);
    en.push(`appointment ${clockTime(t.slotAt, timeZone, 'latn')}`);
    fr.push(`rendez-vous à ${clockTime(t.slotAt, timeZone, 'latn')}`);
    const off = Math.floor(Math.abs(now - t.slotAt) / 60000);
    if (off === 0) {
      ar.push('في موعده');
      en.push('on time');
      fr.push('à l’heure');
    } else if (now > t.slotAt) {
      ar.push(`متأخر ${withBi(arMinutes(off, digits))}`);
      en.push(`${off} min late`);
      fr.push(`${frMinutes(off)} de retard`);
    } else {
      ar.push(`قبل موعده ${withBi(arMinutes(off, digits))}`);
      en.push(`${off} min early`);
      fr.push(`${frMinutes(off)} d’avance`);
    }
    return reason();
  }
  const minutes = Math.max(0, Math.floor((now - t.issuedAt) / 60000));
  ar.push(`انتظر ${arMinutes(minutes, digits)}`);
  en.push(minutes === 0 ? 'waited under 1 min' : `waited ${minutes} min`);
  fr.push(minutes === 0 ? 'a attendu moins d’une minute' : `a attendu ${frMinutes(minutes)}`);
  const target = targetMs(t, rules);
  if (target !== null) {
    ar.push(`والهدف ${arMinutes(target / 60000, digits, 'دقيقتان')}`);
    en.push(`target ${enNumber.format(target / 60000)} min`);
    fr.push(`objectif ${frMinutes(target / 60000)}`);
  }
  return reason();
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** "10:40" in the hall's zone and digits. */
function clockTime(ms: number, timeZone: string, digits: Digits): string {
  const key = `${timeZone}/${digits}`;
  let fmt = clockFormats.get(key);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(`ar-SY-u-nu-${digits}`, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    clockFormats.set(key, fmt);
  }
  return fmt.format(ms);
}

/** The preposition بـ before a counted phrase: «بدقيقتين»، «بـ٣ دقائق» (a digit takes the tatweel). */
const withBi = (phrase: string) => (/^[0-9٠-٩]/.test(phrase) ? `بـ${phrase}` : `ب${phrase}`);

/** Arabic counted noun: دقيقة واحدة، دقيقتين (`two`: دقيقتان as a subject)، ٣–١٠ دقائق، ١١ دقيقة فأكثر. */
function arMinutes(n: number, digits: Digits, two = 'دقيقتين'): string {
  if (n === 0) return 'أقل من دقيقة';
  if (n === 1) return 'دقيقة واحدة';
  if (n === 2) return two;
  const lastTwo = n % 100;
  return `${arNumber[digits].format(n)} ${lastTwo >= 3 && lastTwo <= 10 ? 'دقائق' : 'دقيقة'}`;
}
