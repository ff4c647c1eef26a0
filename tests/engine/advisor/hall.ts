import type { AdvisorCounter, AdvisorInput } from '../../../server/engine/advisor/types.js';
import type { WaitingTicket } from '../../../server/engine/types.js';

// A small hand-made hall for the advisor's tests: services 1 (A) and 2 (B), 5-minute visits,
// at 10:00 (bin 40), with no history and nobody arriving unless a test says so.

export const NOW = Date.UTC(2026, 11, 7, 10, 0);
export const MINUTE_OF_DAY = 600;

export function counter(id: number, serviceIds: number[], qualifiedServiceIds = serviceIds, extra: Partial<AdvisorCounter> = {}): AdvisorCounter {
  return { id, number: id, serviceIds, qualifiedServiceIds, state: 'open', servicesChangedAt: null, freeInMs: 0, priorityStreak: 0, ...extra };
}

/** `n` tickets of a service, issued one a minute up to now. */
export function line(serviceId: number, n: number, firstId: number): WaitingTicket[] {
  return Array.from({ length: n }, (_, i) => ({ id: firstId + i, serviceId, priority: false, issuedAt: NOW - (n - i) * 60_000, targetCounterId: null, slotAt: null }));
}

export function hall(over: Partial<AdvisorInput> = {}): AdvisorInput {
  return {
    now: NOW,
    minuteOfDay: MINUTE_OF_DAY,
    counters: [],
    waiting: [],
    durations: new Map([
      [1, 300_000],
      [2, 300_000],
    ]),
    rules: {
      policy: 'default',
      maxPriorityInRow: 2,
      services: new Map([
        [1, { id: 1, targetWaitS: 900 }],
        [2, { id: 2, targetWaitS: 900 }],
      ]),
    },
    history: [],
    today: new Map(),
    closesAt: null,
    seed: 7,
    ...over,
  };
}
