import type { Roster, TraceRow } from '../sim/day.js';
import { rng } from './generate.js';

// A day with appointments made from a day of walk-ins (any generator's): a share of its visitors
// book instead, and the same day with those visitors walking in at their check-in time, to
// compare. Booking follows the hall's rules (issue 16): slots of the service's typical length
// (rounded up to 5 minutes) over the opening hours, at most `perSlot` citizens a slot (the
// counters whose first service it is, or maxPerSlot if fewer), and booked work at most
// `bookableShare` of those counters' minutes in any hour. A visitor books the first slot with room that starts at or
// after the moment they would have walked in (none left that day: they walk in). Of those who
// book, `noShowShare` never come (in neither day); `lateShare` check in after their slot, up to
// 15 minutes late; the others check in up to 30 minutes before it (never before the hall opens).

export interface AppointmentOptions {
  share: number;
  noShowShare: number;
  lateShare: number;
  bookableShare: number;
  /** At most this many citizens a slot, if fewer than the counters whose first service it is (the hall's `perSlot`). */
  maxPerSlot?: number;
  /** When the hall opens and closes, seconds of the day: slots lie within. */
  openS: number;
  closeS: number;
}

export const APPOINTMENT_DEFAULTS = { noShowShare: 0.1, lateShare: 0.05, bookableShare: 0.4 };

export interface BookedDay {
  /** With slot_s for the appointments, sorted by arrival (check-in). */
  booked: TraceRow[];
  /** The same visitors, every one a walk-in. */
  walkIns: TraceRow[];
  noShows: number;
}

const SLOT_STEP_S = 5 * 60;

export function bookAppointments(trace: readonly TraceRow[], roster: Roster, opts: AppointmentOptions, seed: number): BookedDay {
  const random = rng(seed);
  const slots = new Map(roster.services.map((s) => [s.code, slotPlan(s.code, trace, roster, opts)]));
  const booked: TraceRow[] = [];
  let noShows = 0;
  for (const row of trace) {
    const plan = slots.get(row.service)!;
    const slotS = random() < opts.share ? plan.book(row.arrivalS) : null;
    if (slotS === null) {
      booked.push({ ...row, slotS: null });
      continue;
    }
    if (random() < opts.noShowShare) {
      noShows++;
      continue;
    }
    const late = random() < opts.lateShare;
    const offsetS = Math.round(random() * (late ? 15 : -30) * 60);
    booked.push({ ...row, arrivalS: Math.max(opts.openS, slotS + offsetS), slotS });
  }
  booked.sort((a, b) => a.arrivalS - b.arrivalS);
  return { booked, walkIns: booked.map((r) => ({ ...r, slotS: null })), noShows };
}

/** A service's slots for the day and the booking rule. */
function slotPlan(code: string, trace: readonly TraceRow[], roster: Roster, opts: AppointmentOptions) {
  const rosterService = roster.services.find((s) => s.code === code)!;
  const own = trace.filter((r) => r.service === code);
  const meanS = rosterService.avgServiceS ?? (own.length ? own.reduce((a, r) => a + r.serviceS, 0) / own.length : SLOT_STEP_S);
  const slotS = Math.max(1, Math.ceil(meanS / SLOT_STEP_S)) * SLOT_STEP_S;
  const reserved = roster.counters.filter((c) => c.services[0] === code).length;
  const perSlot = Math.max(1, Math.min(reserved, opts.maxPerSlot ?? Infinity));
  const perHour = Math.floor((opts.bookableShare * reserved * 3600) / slotS);
  const taken = new Map<number, number>();
  const hourTaken = new Map<number, number>();
  return {
    book(fromS: number): number | null {
      const first = opts.openS + Math.ceil((fromS - opts.openS) / slotS) * slotS;
      for (let s = first; s + slotS <= opts.closeS; s += slotS) {
        const hour = Math.floor(s / 3600);
        if ((taken.get(s) ?? 0) >= perSlot || (hourTaken.get(hour) ?? 0) >= perHour) continue;
        taken.set(s, (taken.get(s) ?? 0) + 1);
        hourTaken.set(hour, (hourTaken.get(hour) ?? 0) + 1);
        return s;
      }
      return null;
    },
  };
}
