// Why a use case refused. The one error handler turns the code into the HTTP status of API.md.
export type HallErrorCode =
  | 'invalid_request'
  | 'not_found'
  | 'invalid_transition'
  | 'conflict'
  | 'forbidden'
  | 'unavailable'
  /** The service takes no tickets now: outside its hours or past its daily limit. */
  | 'service_closed'
  /** A no-show soon after the call: the clerk must confirm it. */
  | 'confirmation_required'
  /** Past the time an act may still be undone (a no-show returned to the line). */
  | 'too_late'
  /** The ticket has had its message: it takes no other phone number. */
  | 'already_notified'
  /** The ticket has had as many phone numbers as it may. */
  | 'too_many_changes'
  /** The booked slot has no room left. */
  | 'slot_full'
  /** Too soon or too far ahead to book. */
  | 'outside_booking_window'
  /** Too early or too late to check an appointment in. */
  | 'outside_check_in_window'
  /** The whole hall is closed that day (a holiday, a closure the admin announced). */
  | 'hall_closed'
  /** The hall runs its city's service catalogue: this is changed at the city server. */
  | 'managed_by_city'
  /** The staffing advice no longer fits the hall (a newer one replaced it, or its counter changed). */
  | 'advice_stale'
  /** The staffing advice was applied or dismissed already. */
  | 'advice_decided';

export class HallError extends Error {
  constructor(
    readonly code: HallErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HallError';
  }
}

export const notFound = (what: string, id: number | string) => new HallError('not_found', `${what} ${id} not found`);
