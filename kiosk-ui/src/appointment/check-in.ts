import { ApiError } from '../../../ui-kit/api.js';
import type { Ticket } from '../../../server/protocol/schemas.js';
import { checkIn, findAppointment, type Appointment } from '../../../ui-kit/appointments.js';

// A code at the kiosk becomes a ticket, or the reason it does not, in words the citizen can act on.

export type CheckInOutcome =
  | { kind: 'ticket'; ticket: Ticket }
  /** No booking has this code (the server answers 404 to a wrong code). */
  | { kind: 'unknown' }
  | { kind: 'early'; appointment: Appointment }
  /** Past its check-in window, or marked a no-show: the kiosk offers an ordinary ticket at once. */
  | { kind: 'late'; appointment: Appointment }
  | { kind: 'cancelled' }
  /** Checked in already, or served. */
  | { kind: 'used' }
  | { kind: 'tooMany' }
  | { kind: 'unpaired' }
  | { kind: 'failed' };

/** Why a booking refused at check-in was refused, from its status and the hall's clock. */
export function refusedBecause(appointment: Appointment, now: number): CheckInOutcome['kind'] {
  switch (appointment.status) {
    case 'cancelled':
      return 'cancelled';
    case 'checked_in':
    case 'done':
      return 'used';
    case 'no_show':
      return 'late';
    case 'booked':
      return now < Date.parse(appointment.start) ? 'early' : 'late';
  }
}

function failure(err: unknown): CheckInOutcome {
  if (!(err instanceof ApiError)) return { kind: 'failed' };
  if (err.status === 401) return { kind: 'unpaired' };
  if (err.status === 404) return { kind: 'unknown' };
  if (err.status === 429) return { kind: 'tooMany' };
  return { kind: 'failed' };
}

/** `now`: the hall's clock (the device's corrected by the server's). */
export async function checkInByCode(token: string, code: string, now: () => number): Promise<CheckInOutcome> {
  try {
    return { kind: 'ticket', ticket: await checkIn(token, code) };
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 409) return failure(err);
  }
  try {
    const appointment = await findAppointment(code);
    const kind = refusedBecause(appointment, now());
    return kind === 'early' || kind === 'late' ? { kind, appointment } : ({ kind } as CheckInOutcome);
  } catch (err) {
    return failure(err);
  }
}
