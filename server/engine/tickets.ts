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
  /** Back to waiting, same service, same place in the line (the clerk called too soon). */
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
  requeue: { from: ['called', 'serving'], to: 'waiting' },
  move: { from: ['waiting'], to: 'waiting' },
  cancel: { from: ['waiting'], to: 'cancelled' },
};

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
