// The queue engine's vocabulary. Everything here is plain data: times are epoch milliseconds,
// ids are numbers, and nothing refers to the database, the network or the clock.

export const TICKET_STATUSES = ['waiting', 'called', 'serving', 'done', 'no_show', 'cancelled'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const ROUTING_POLICIES = ['default', 'oldest-first', 'service-order', 'novosga'] as const;
export type RoutingPolicy = (typeof ROUTING_POLICIES)[number];

/**
 * The policies the engine runs: the halls' own, and TheQ's strict precedence of appointments
 * (every checked-in appointment ahead of walk-ins), which only the simulator runs, to compare.
 */
export const ENGINE_POLICIES = [...ROUTING_POLICIES, 'strict-appointments'] as const;
export type EnginePolicy = (typeof ENGINE_POLICIES)[number];

/** A ticket as the engine sees it: enough to route it, estimate it and move it along. */
export interface Ticket {
  id: number;
  serviceId: number;
  status: TicketStatus;
  priority: boolean;
  /** When the citizen took the ticket. A transfer keeps it: the ticket keeps its place. */
  issuedAt: number;
  calledAt: number | null;
  counterId: number | null;
  /** Set by a transfer to a specific counter: only that counter may call the ticket. */
  targetCounterId: number | null;
  recalls: number;
  /**
   * Start of the booked slot, for an appointment checked in (null for a walk-in). Its wait counts
   * from the later of slotAt and issuedAt (the check-in): see routing.ts.
   */
  slotAt: number | null;
}

/**
 * A waiting ticket, reduced to what routing needs. For the wait forecast a booking not checked
 * in yet may be one too: issuedAt (its expected arrival, e.g. the slot) is then still to come,
 * and nobody calls it before then.
 */
export type WaitingTicket = Pick<Ticket, 'id' | 'serviceId' | 'priority' | 'issuedAt' | 'targetCounterId' | 'slotAt'>;

export interface ServiceRule {
  id: number;
  /** The hall's promise: a citizen of this service should be called within this many seconds. */
  targetWaitS: number;
}

/** A counter about to call: its services in its order of preference, and its recent calls. */
export interface CallingCounter {
  id: number;
  serviceIds: number[];
  /** How many priority tickets this counter has called in a row, most recently. */
  priorityStreak: number;
  /**
   * Calls this counter made since its last appointment call (nextSinceAppointment). Absent: not
   * remembered, and the one-in-k limit on appointment calls does not hold for this counter.
   */
  sinceAppointment?: number;
}

export interface RoutingRules {
  policy: EnginePolicy;
  /** At most this many priority calls in a row per counter while others wait (≥ 1). */
  maxPriorityInRow: number;
  /**
   * While walk-ins of a service wait past its target, a counter calls at most one appointment of
   * that service in this many calls (≥ 1; default DEFAULT_APPOINTMENT_EVERY_K).
   */
  appointmentEveryK?: number;
  services: ReadonlyMap<number, ServiceRule>;
}

export const DEFAULT_APPOINTMENT_EVERY_K = 2;

export interface Selection {
  ticket: WaitingTicket;
  /** A short reason a clerk can read, e.g. "waited 18 min, target 15", in Arabic, English and French. */
  reason: { ar: string; en: string; fr: string };
}

/** Errors at the engine's edge are values, never exceptions. */
export type Result<T> = { ok: true; value: T } | { ok: false; code: string; message: string };
