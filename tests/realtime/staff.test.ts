import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Counter, Ticket } from '../../server/protocol/schemas.js';
import { LiveHall } from './client.js';

// /staff: the staff app's live view of tickets, counters and counts.

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

describe('/staff', () => {
  it('starts with a snapshot of counts, counters and active tickets', async () => {
    const ticket = await live.issue(F);
    const { inbox } = await live.connect('/staff', { token: clerk });
    const snapshot = await inbox.next('snapshot');
    expect(snapshot.counters).toHaveLength(8);
    expect(Counter.parse(snapshot.counters[3])).toEqual({
      id: 4,
      number: 4,
      name: null,
      zone: 'B',
      serviceIds: [3, 2],
      qualifiedServiceIds: [3, 2],
      state: 'closed',
      pauseReason: null,
      userId: null,
      active: true,
    });
    expect(snapshot.tickets).toHaveLength(1);
    expect(Ticket.parse(snapshot.tickets[0])).toEqual(ticket);
    expect(snapshot.waiting).toContainEqual({ serviceId: F, count: 1 });
  });

  it('hears every ticket change, the counter, the counts and the call', async () => {
    const { inbox } = await live.connect('/staff', { token: clerk });
    await inbox.next('snapshot');

    const issued = await live.issue(F);
    expect(await inbox.next('ticket')).toEqual(issued);
    expect(await inbox.next('waiting')).toContainEqual({ serviceId: F, count: 1 });

    // Calling at a closed counter opens it for the clerk.
    const called = await live.act('/api/counters/4/next', clerk);
    const ticket = await inbox.next('ticket');
    expect(ticket).toMatchObject({ id: issued.id, status: 'called', counterId: 4, calledAt: called.calledAt });
    expect(Ticket.parse(ticket)).toEqual(ticket);
    const counter = await inbox.next('counter');
    expect(counter).toMatchObject({ id: 4, state: 'open', userId: expect.any(Number) });
    expect(await inbox.next('call')).toMatchObject({ ticket: { id: issued.id }, counter: { id: 4 }, recall: false });
    expect(await inbox.next('waiting')).toContainEqual({ serviceId: F, count: 0 });

    now += 60_000;
    await live.act(`/api/tickets/${issued.id}/start`, clerk);
    expect(await inbox.next('ticket')).toMatchObject({ id: issued.id, status: 'serving' });
    now += 60_000;
    await live.act(`/api/tickets/${issued.id}/complete`, clerk, {});
    expect(await inbox.next('ticket')).toMatchObject({ id: issued.id, status: 'done' });
  });

  it('hears each ticket of a burst of taps once (one group commit, one publish), then the count of all', async () => {
    const { inbox } = await live.connect('/staff', { token: clerk });
    await inbox.next('snapshot');
    const issued = await Promise.all(Array.from({ length: 12 }, () => live.issue(F)));
    const heard = [];
    for (let i = 0; i < issued.length; i++) heard.push(await inbox.next('ticket'));
    expect(heard.map((t) => t.id).sort((a, b) => a - b)).toEqual(issued.map((t) => t.id).sort((a, b) => a - b));
    for (const t of heard) expect(t).toEqual(issued.find((i) => i.id === t.id));
    await expect.poll(() => inbox.all.filter((m) => m.event === 'waiting').at(-1)?.data).toContainEqual({ serviceId: F, count: 12 });
    expect(inbox.take('ticket')).toEqual([]);
  });
});
