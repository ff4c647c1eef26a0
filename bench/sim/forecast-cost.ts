import { estimateNewTicket, forecastWaits, type EstimateCounter, type HallForecastInput } from '../../server/engine/estimate.js';
import { withCallNext } from '../../server/engine/forecast-input.js';
import type { ServiceRule, WaitingTicket } from '../../server/engine/types.js';

// What one forecast costs under the default policy, plain rule against Call next's look-ahead
// (forecast-input.ts withCallNext), with 50, 100 and 200 waiting at 10 counters of a 6-service
// hall: `npx tsx bench/sim/forecast-cost.ts` (median ms of 30 runs after 5 warm-up runs).

const MIN = 60_000;
const NOW = Date.UTC(2026, 11, 7, 9, 0, 0);
const services = new Map(Array.from({ length: 6 }, (_, i): [number, ServiceRule] => [i + 1, { id: i + 1, targetWaitS: 600 + i * 300 }]));
const durations = new Map(Array.from({ length: 6 }, (_, i): [number, number] => [i + 1, (4 + i) * MIN]));
const counters = Array.from({ length: 10 }, (_, i): EstimateCounter => ({
  id: i + 1,
  serviceIds: [1 + (i % 6), 1 + ((i + 2) % 6)],
  priorityStreak: 0,
  freeInMs: (i * 47_000) % (6 * MIN),
}));

function hall(waitingCount: number): HallForecastInput {
  // Issued over the last hour, every 11th a priority visitor: some already past their target.
  const waiting = Array.from({ length: waitingCount }, (_, i): WaitingTicket => ({
    id: i + 1,
    serviceId: 1 + ((i * 7) % 6),
    priority: i % 11 === 0,
    issuedAt: NOW - Math.round(((waitingCount - i) / waitingCount) * 60 * MIN),
    targetCounterId: null,
    slotAt: null,
  }));
  return { now: NOW, counters, waiting, durations, rules: { policy: 'default', maxPriorityInRow: 2, services } };
}

function medianMs(run: () => unknown): number {
  for (let i = 0; i < 5; i++) run();
  const times = Array.from({ length: 30 }, () => {
    const t0 = performance.now();
    run();
    return performance.now() - t0;
  }).sort((a, b) => a - b);
  return Math.round(times[15]! * 100) / 100;
}

const rows = [50, 100, 200].map((n) => {
  const plain = hall(n);
  const ahead = withCallNext(plain);
  const ticket = { serviceId: 3, priority: false };
  return {
    waiting: n,
    plainHallMs: medianMs(() => forecastWaits(plain)),
    lookAheadHallMs: medianMs(() => forecastWaits(ahead)),
    plainNewTicketMs: medianMs(() => estimateNewTicket(plain, ticket)),
    lookAheadNewTicketMs: medianMs(() => estimateNewTicket(ahead, ticket)),
  };
});
console.log(JSON.stringify(rows, null, 1));
