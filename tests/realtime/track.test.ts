import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TrackedTicket } from '../../server/protocol/schemas.js';
import { LiveHall } from './client.js';

// /track: the citizen's phone follows one ticket by its tracking code; nothing personal and
// nothing about staff ever reaches it.

const F = 3;
let now = Date.parse('2026-11-29T07:00:00Z'); // Sunday 10:00 in Damascus
let live: LiveHall;
let clerk: string;

beforeEach(async () => {
  now = Date.parse('2026-11-29T07:00:00Z');
  live = await LiveHall.start(() => now);
  clerk = await live.hall.login('clerk');
});
afterEach(() => live.close());

const TRACKED_KEYS = [
  'ahead',
  'counter',
  'estimatedWaitMinutes',
  // Issue 17: the range around the estimate.
  'estimatedWaitRange',
  'number',
  'service',
  'serviceId',
  'status',
  // The phone page's extras (issue 7): still nothing personal, nothing about staff.
  'whatToBring',
  'remote',
  'calledAt',
  'recalls',
  'ratingAllowed',
  'rated',
  'phoneAlert',
  // Issue 14: no counter serves the service yet (with its opening time).
  'notStarted',
];

function expectTrackedOnly(payload: object) {
  expect(TrackedTicket.strict().parse(payload)).toEqual(payload);
  for (const key of Object.keys(payload)) expect(TRACKED_KEYS).toContain(key);
}

describe('/track', () => {
  it('follows one ticket from waiting to called, with the counter number', async () => {
    const first = await live.issue(F);
    const mine = await live.issue(F);
    const { inbox } = await live.connect('/track', { trackingCode: mine.trackingCode });

    const start = await inbox.next('ticket');
    expectTrackedOnly(start);
    expect(start).toMatchObject({ number: 'F002', status: 'waiting', ahead: 1, service: { en: 'Fees and taxes' } });
    expect(start.counter).toBeUndefined();

    // The ticket ahead is called: mine moves up.
    await live.act('/api/counters/4/next', clerk);
    expect(await inbox.next('ticket')).toMatchObject({ number: 'F002', status: 'waiting', ahead: 0 });

    await live.act(`/api/tickets/${first.id}/complete`, clerk, {});
    now += 60_000;
    await live.act('/api/counters/4/next', clerk);
    const called = await inbox.next('ticket', (t) => t.status === 'called');
    expectTrackedOnly(called);
    expect(called).toMatchObject({ number: 'F002', status: 'called', ahead: 0, counter: { number: 4 } });
    expect(JSON.stringify(inbox.all)).not.toContain(mine.trackingCode);
    expect(JSON.stringify(inbox.all)).not.toMatch(/userId|deviceId|trackingCode|"id"/);

    // A recall reaches the phone too (the refresh after the completion is left behind).
    expect(inbox.take('ticket')).toEqual([expect.objectContaining({ status: 'waiting', ahead: 0 })]);
    await live.act(`/api/tickets/${mine.id}/recall`, clerk);
    expect(await inbox.next('ticket')).toMatchObject({ status: 'called', counter: { number: 4 } });
  });

  it('hears only its own ticket', async () => {
    const mine = await live.issue(F);
    const { inbox } = await live.connect('/track', { trackingCode: mine.trackingCode });
    await inbox.next('ticket');
    const other = await live.issue(1);
    // Counts changed, so waiting tickets hear their (unchanged) place again, but only their own.
    const update = await inbox.next('ticket');
    expect(update).toMatchObject({ number: 'F001', status: 'waiting', ahead: 0 });
    expect(JSON.stringify(inbox.all)).not.toContain(other.number);
  });
});
