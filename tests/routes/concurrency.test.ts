import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHall, type TestHall } from '../helpers/hall.js';

// Ten clerks press Call next at the same instant: real HTTP requests in flight together.

let hall: TestHall;
let base: string;
let clerk: string;

beforeEach(async () => {
  hall = await startHall();
  base = await hall.listen();
  clerk = await hall.login('clerk');
});
afterEach(() => hall.close());

const call = (path: string, token: string, body?: object) =>
  fetch(base + path, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });

describe('concurrent calls', () => {
  it('never give one ticket to two counters', async () => {
    const admin = await hall.login('admin');
    const services = (await (await fetch(base + '/api/services')).json()) as { id: number }[];
    const all = services.map((s) => s.id);
    for (const number of [9, 10]) {
      expect((await call('/api/admin/counters', admin, { number, serviceIds: all })).status).toBe(201);
    }
    const issued = await Promise.all(
      Array.from({ length: 40 }, (_, i) => call('/api/tickets', hall.tokens.kiosk, { serviceId: all[i % all.length] })),
    );
    expect(issued.every((r) => r.status === 201)).toBe(true);

    const counterIds = Array.from({ length: 10 }, (_, i) => i + 1);
    const calledIds: number[] = [];
    for (let round = 0; round < 4; round++) {
      const answers = await Promise.all(counterIds.map((id) => call(`/api/counters/${id}/next`, clerk)));
      for (const res of answers) {
        expect([200, 204]).toContain(res.status);
        if (res.status === 200) {
          const ticket = (await res.json()) as { id: number; counterId: number };
          calledIds.push(ticket.id);
          expect((await call(`/api/tickets/${ticket.id}/complete`, clerk)).status).toBe(200);
        }
      }
    }
    expect(new Set(calledIds).size).toBe(calledIds.length);
    expect(calledIds.length).toBeGreaterThanOrEqual(30);
    const twice = hall.app.conn.sqlite
      .prepare("SELECT ticket_id FROM ticket_events WHERE type = 'call' GROUP BY ticket_id HAVING count(*) > 1")
      .all();
    expect(twice).toEqual([]);
  });

  it('lets only one of ten simultaneous presses at one counter call a ticket', async () => {
    const [service] = (await (await fetch(base + '/api/services')).json()) as { id: number }[];
    for (let i = 0; i < 5; i++) await call('/api/tickets', hall.tokens.kiosk, { serviceId: service!.id });
    const answers = await Promise.all(Array.from({ length: 10 }, () => call('/api/counters/1/next', clerk)));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
  });
});
