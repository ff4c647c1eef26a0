import type { Result, Ticket, TicketStatus } from './types.js';

// The ticket's state machine. One table says which action may leave which status; every
// action answers the new ticket or `invalid_transition`.

export type TicketAction =
  | { type: 'call'; counterId: number }
  | { type: 'recall' }
  | { type: 'start' }
  | { type: 'complete' }
  | { type: 'no_show' }
  | { type: 'transfer'; serviceId: number; counterId: number | null }
  /**
   * Back to waiting, same service, same place in the line: the clerk called too soon, or the
   * citizen marked no-show turned up after all (who may, and until when: `mayReturnNoShow`).
   */
  | { type: 'requeue' }
  /** A supervisor moves a waiting ticket to another service; it keeps its place by issue time. */
  | { type: 'move'; serviceId: number }
  | { type: 'cancel' };

export type TicketActionType = TicketAction['type'];

export const TRANSITIONS: Readonly<Record<TicketActionType, { from: readonly TicketStatus[]; to: TicketStatus }>> = {
  call: { from: ['waiting'], to: 'called' },
  recall: { from: ['called'], to: 'called' },
  start: { from: ['called'], to: 'serving' },
  complete: { from: ['called', 'serving'], to: 'done' },
  no_show: { from: ['called'], to: 'no_show' },
  transfer: { from: ['called', 'serving'], to: 'waiting' },
  requeue: { from: ['called', 'serving', 'no_show'], to: 'waiting' },
  move: { from: ['waiting'], to: 'waiting' },
  cancel: { from: ['waiting'], to: 'cancelled' },
};

/** The visit has ended. Done and cancelled are for good; a no-show may still be requeued (`mayReturnNoShow`). */
export function isFinal(status: TicketStatus): boolean {
  return status === 'done' || status === 'no_show' || status === 'cancelled';
}

export function applyAction(ticket: Ticket, action: TicketAction, now: number): Result<Ticket> {
  const rule = TRANSITIONS[action.type];
  if (!rule.from.includes(ticket.status)) {
    return {
      ok: false,
      code: 'invalid_transition',
      message: `a ${ticket.status} ticket cannot be ${PAST_TENSE[action.type]}`,
    };
  }
  const next: Ticket = { ...ticket, status: rule.to };
  switch (action.type) {
    case 'call':
      next.counterId = action.counterId;
      next.calledAt = now;
      next.targetCounterId = null;
      next.recalls = 0;
      break;
    case 'recall':
      // calledAt stays the first call: the citizen's wait ends when they are first called.
      next.recalls = ticket.recalls + 1;
      break;
    case 'transfer':
      next.serviceId = action.serviceId;
      next.targetCounterId = action.counterId;
      next.counterId = null;
      next.calledAt = null;
      next.recalls = 0;
      break;
    case 'requeue':
      next.counterId = null;
      next.calledAt = null;
      next.targetCounterId = null;
      next.recalls = 0;
      break;
    case 'move':
      next.serviceId = action.serviceId;
      next.targetCounterId = null;
      break;
  }
  return { ok: true, value: next };
}

const PAST_TENSE: Record<TicketActionType, string> = {
  call: 'called',
  recall: 'recalled',
  start: 'started',
  complete: 'completed',
  no_show: 'marked no-show',
  transfer: 'transferred',
  requeue: 'returned to the queue',
  move: 'moved to another service',
  cancel: 'cancelled',
};

/**
 * What a clerk's Recall does under the hall's `autoNoShowAfterRecalls` (null: off): the recall
 * that would exceed the limit marks the ticket no-show instead.
 */
export function recallAction(ticket: Pick<Ticket, 'recalls'>, autoNoShowAfterRecalls: number | null | undefined): TicketAction {
  if (autoNoShowAfterRecalls != null && ticket.recalls + 1 > autoNoShowAfterRecalls) return { type: 'no_show' };
  return { type: 'recall' };
}

/**
 * A no-show marked soon after the call, before any recall, may be a slip of a finger or a citizen
 * still on the way: the clerk must confirm it. `minSeconds` is the hall's `noShowMinSeconds`.
 */
export function noShowNeedsConfirmation(ticket: Pick<Ticket, 'calledAt' | 'recalls'>, now: number, minSeconds: number): boolean {
  // 0 is off, whatever the clocks say (a screen's clock may run a little behind the server's).
  return minSeconds > 0 && ticket.recalls === 0 && ticket.calledAt !== null && now - ticket.calledAt < minSeconds * 1000;
}

/** How long the clerk who marked a no-show may return it to the line; a supervisor may until the day ends. */
export const NO_SHOW_RETURN_MS = 10 * 60_000;

export interface NoShowMark {
  userId: number | null;
  at: number;
  /** The hall's business day it was marked in. */
  day: string;
}

export interface Returner {
  userId: number | null;
  supervisor: boolean;
  /** The hall's business day now. */
  today: string;
}

/** Whether `by` may return the ticket marked no-show by `mark` to the line at `now`. */
export function mayReturnNoShow(mark: NoShowMark, by: Returner, now: number): Result<true> {
  if (by.supervisor) {
    if (mark.day === by.today) return { ok: true, value: true };
    return { ok: false, code: 'too_late', message: 'a no-show may be returned to the line only on the day it was marked' };
  }
  if (mark.userId !== by.userId) {
    return {
      ok: false,
      code: 'forbidden',
      message: 'only the clerk who marked this no-show, or a supervisor, may return it to the line',
    };
  }
  if (now - mark.at > NO_SHOW_RETURN_MS) {
    return {
      ok: false,
      code: 'too_late',
      message: `a clerk may return their no-show to the line within ${NO_SHOW_RETURN_MS / 60_000} minutes; ask a supervisor`,
    };
  }
  return { ok: true, value: true };
}
