import { rolloutChoice, type HallView } from './rollout.js';
import { hallContext, held, isEligible, NO_HALL, plainChoice, targetMs } from './order.js';
import type { CallingCounter, RoutingRules, Selection, WaitingTicket } from './types.js';
import type { Digits } from '../../ui-kit/i18n.js';

export type { HallView } from './rollout.js';
export {
  APPOINTMENT_AIM_MS,
  aimMs,
  byAge,
  dueAt,
  isEligible,
  longestTargetMs,
  NO_HALL,
  nextPriorityStreak,
  nextSinceAppointment,
  plainChoice,
  targetMs,
  type HallContext,
  type PlainChoice,
} from './order.js';

// Who a counter calls next. One function, four policies (their order: order.ts); the clock and
// the waiting list are passed in. A counter never idles while a ticket it may serve waits: `null`
// means none does.

/**
 * The ticket `counter` calls now, or null if none it may serve waits. `view` (the hall's open
 * counters and expected durations, as the wait forecast has them) lets the `default` policy look
 * ahead (rollout.ts); without it `default` uses its plain rule, as the forecast itself does.
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

// The reason, as a clerk reads it: "waited 18 min, target 15 min" / "انتظر ١٨ دقيقة، والهدف ١٥ دقيقة";
// for an appointment "appointment 10:40, 3 min late" / "موعد ١٠:٤٠، متأخر بـ٣ دقائق".

const arNumber = {
  arab: new Intl.NumberFormat('ar-SY-u-nu-arab', { maximumFractionDigits: 1 }),
  latn: new Intl.NumberFormat('ar-SY-u-nu-latn', { maximumFractionDigits: 1 }),
};
const enNumber = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

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
  if (t.slotAt !== null) {
    ar.push(`موعد ${clockTime(t.slotAt, timeZone, digits)}`);
    en.push(`appointment ${clockTime(t.slotAt, timeZone, 'latn')}`);
    const off = Math.floor(Math.abs(now - t.slotAt) / 60000);
    if (off === 0) {
      ar.push('في موعده');
      en.push('on time');
    } else if (now > t.slotAt) {
      ar.push(`متأخر ${withBi(arMinutes(off, digits))}`);
      en.push(`${off} min late`);
    } else {
      ar.push(`قبل موعده ${withBi(arMinutes(off, digits))}`);
      en.push(`${off} min early`);
    }
    return { ar: ar.join('، '), en: en.join(', ') };
  }
  const minutes = Math.max(0, Math.floor((now - t.issuedAt) / 60000));
  ar.push(`انتظر ${arMinutes(minutes, digits)}`);
  en.push(minutes === 0 ? 'waited under 1 min' : `waited ${minutes} min`);
  const target = targetMs(t, rules);
  if (target !== null) {
    ar.push(`والهدف ${arMinutes(target / 60000, digits, 'دقيقتان')}`);
    en.push(`target ${enNumber.format(target / 60000)} min`);
  }
  return { ar: ar.join('، '), en: en.join(', ') };
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
