import type { TicketStatus } from '../../../server/engine/types.js';
import type { Counter, Ticket } from '../../../server/protocol/schemas.js';
import { api, ApiError, newIdempotencyKey } from '../../../ui-kit/api.js';

// The clerk's calls to the server, made safe to retry over a flaky hall network: Call next
// carries an Idempotency-Key (a retry answers the ticket already called); a ticket action whose
// retry is refused (409) counts as done when the ticket is already where it was sent.

export type CalledTicket = Ticket & { reason?: { ar: string; en: string } };

const TRIES = 3;
const transient = (err: unknown) => err instanceof ApiError && (err.status === 0 || err.status >= 502);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function withRetry<T>(fn: () => Promise<T>, onRetry: () => void = () => {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (!transient(err) || attempt >= TRIES) throw err;
      onRetry();
      await sleep(700 * attempt);
    }
  }
}

/** The next ticket for the counter, or null when nobody waits for it. */
export function callNext(token: string, counterId: number): Promise<CalledTicket | null> {
  const key = newIdempotencyKey();
  return withRetry(() =>
    api<CalledTicket | null>('POST', `/api/counters/${counterId}/next`, { token, headers: { 'idempotency-key': key } }),
  );
}

export function callTicket(token: string, counterId: number, ticketId: number): Promise<CalledTicket> {
  return api<CalledTicket>('POST', `/api/counters/${counterId}/call`, { token, body: { ticketId } });
}

export type TicketVerb = 'recall' | 'start' | 'complete' | 'no-show' | 'transfer' | 'requeue';

/** Where each action leaves a ticket (a recall past the hall's limit leaves it no-show). */
const LEAVES: Record<TicketVerb, TicketStatus[]> = {
  recall: ['called', 'no_show'],
  start: ['serving'],
  complete: ['done'],
  'no-show': ['no_show'],
  transfer: ['waiting'],
  requeue: ['waiting'],
};

export async function ticketAction(token: string, ticketId: number, verb: TicketVerb, body?: object): Promise<Ticket> {
  let retried = false;
  try {
    return await withRetry(
      () => api<Ticket>('POST', `/api/tickets/${ticketId}/${verb}`, { token, body: body ?? (verb === 'complete' ? {} : undefined) }),
      () => (retried = true),
    );
  } catch (err) {
    if (retried && err instanceof ApiError && err.status === 409) {
      const now = await api<Ticket>('GET', `/api/tickets/${ticketId}`, { token });
      if (LEAVES[verb].includes(now.status)) return now;
    }
    throw err;
  }
}

export type CounterVerb = 'open' | 'pause' | 'close';

/** Counter states are idempotent on the server: a retry is harmless. */
export function counterAction(token: string, counterId: number, verb: CounterVerb, reason?: string): Promise<Counter> {
  return withRetry(() => api<Counter>('POST', `/api/counters/${counterId}/${verb}`, { token, body: reason ? { reason } : undefined }));
}

/** The reason Call next gave, kept for this tab so that a reload still shows it. */
export const reasons = {
  get(ticketId: number): CalledTicket['reason'] {
    const raw = sessionStorage.getItem(`dawr.reason.${ticketId}`);
    return raw ? JSON.parse(raw) : undefined;
  },
  set(ticketId: number, reason: CalledTicket['reason']) {
    if (reason) sessionStorage.setItem(`dawr.reason.${ticketId}`, JSON.stringify(reason));
  },
};
