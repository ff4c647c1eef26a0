import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bearer, startHall, type TestHall } from '../helpers/hall.js';

// One user works at one counter: the board never shows a counter «ready to call» that its clerk left.

let hall: TestHall;
let clerk: string;
let supervisor: string;

beforeEach(async () => {
  hall = await startHall({ now: () => Date.parse('2026-11-29T07:00:00Z') }); // Sunday 10:00 in Damascus
  clerk = await hall.login('clerk');
  supervisor = await hall.login('supervisor');
});
afterEach(() => hall.close());

const post = (url: string, token = clerk) => hall.app.inject({ method: 'POST', url, headers: bearer(token) });

async function counter(id: number) {
  const res = await hall.app.inject({ method: 'GET', url: '/api/counters', headers: bearer(clerk) });
  return (res.json() as { id: number; state: string; userId: number | null }[]).find((c) => c.id === id)!;
}

describe('one user, one counter', () => {
  it('closes the counter a user leaves idle when they open another, by Open or by Call next', async () => {
    expect((await post('/api/counters/1/open')).statusCode).toBe(200);
    const clerkId = (await counter(1)).userId;
    expect(clerkId).toEqual(expect.any(Number));

    expect((await post('/api/counters/2/open')).statusCode).toBe(200);
    expect(await counter(1)).toMatchObject({ state: 'closed', userId: null });
    expect(await counter(2)).toMatchObject({ state: 'open', userId: clerkId });

    expect((await post('/api/counters/3/next')).statusCode).toBe(204);
    expect(await counter(2)).toMatchObject({ state: 'closed', userId: null });
    expect(await counter(3)).toMatchObject({ state: 'open', userId: clerkId });
  });

  it("leaves other users' counters open, and a counter with a citizen at it until that visit ends", async () => {
    await post('/api/counters/1/open', supervisor);
    const services = (await hall.app.inject({ method: 'GET', url: '/api/services' })).json() as { id: number; code: string }[];
    const issued = await hall.app.inject({
      method: 'POST',
      url: '/api/tickets',
      headers: bearer(hall.tokens.kiosk),
      payload: { serviceId: services.find((s) => s.code === 'B')!.id },
    });
    expect(issued.statusCode).toBe(201);
    const called = (await post('/api/counters/2/next')).json();
    expect(called).toMatchObject({ status: 'called', counterId: 2 });

    expect((await post('/api/counters/3/open')).statusCode).toBe(200);
    expect(await counter(1)).toMatchObject({ state: 'open' });
    expect(await counter(2)).toMatchObject({ state: 'open' });
    expect(await counter(3)).toMatchObject({ state: 'open' });

    expect((await post(`/api/tickets/${called.id}/complete`)).statusCode).toBe(200);
    expect(await counter(2)).toMatchObject({ state: 'closed', userId: null });
    expect(await counter(3)).toMatchObject({ state: 'open' });
    expect(await counter(1)).toMatchObject({ state: 'open' });
  });
});
