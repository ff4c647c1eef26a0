import type { Role } from '../protocol/schemas.js';

// What a committed use case asks the realtime hub to tell: ids only, read back after the commit.
export type Effect =
  /** `waitMs`: the ticket's estimate when the use case already made it (null: no counter serves it). */
  | { kind: 'ticket'; ticketId: number; waitMs?: number | null }
  | { kind: 'call'; eventId: number }
  | { kind: 'waiting' }
  | { kind: 'counter'; counterId: number };

export interface Outcome<T> {
  value: T;
  effects: Effect[];
}

/** Who did it: a staff user, a device, or the hall itself (rollover). */
export interface Actor {
  userId?: number;
  deviceId?: number;
  /** A staff user's role: some acts are a supervisor's. */
  role?: Role;
}
