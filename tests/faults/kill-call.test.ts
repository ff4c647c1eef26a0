import { afterAll, describe, expect, it } from 'vitest';
import { readHall } from './db-check.js';
import { call, killAll, login, removeDir, startServer, tempDataDir } from './server-process.js';

// The power goes after a clerk called a citizen and before the visit was completed: after the
// restart the ticket is still called at that counter (nobody else gets it, the clerk carries on).

let dataDir: string | undefined;
afterAll(() => {
  killAll();
  removeDir(dataDir);
});

describe('kill -9 between call and complete', () => {
  it('keeps the ticket called at its counter, and the clerk can finish it', { timeout: 90_000 }, async () => {
    dataDir = tempDataDir('kill-call');
    const first = await startServer({ dataDir });
    const kiosk = first.tokens.kiosk;
    const issue = async (base: string) => {
      const res = await call(base, 'POST', '/api/tickets', { token: kiosk, body: { serviceId: 1 } });
      expect(res.status).toBe(201);
      return res.body as { id: number; number: string };
    };
    const a = await issue(first.base);
    const b = await issue(first.base);
    const clerk = await login(first.base, 'clerk');
    const called = await call(first.base, 'POST', '/api/counters/1/next', { token: clerk });
    expect(called.status).toBe(200);
    expect(called.body).toMatchObject({ id: a.id, status: 'called', counterId: 1 });
    // A second counter takes the next one and starts serving it.
    const supervisor = await login(first.base, 'supervisor');
    const other = await call(first.base, 'POST', '/api/counters/2/next', { token: supervisor });
    expect(other.body).toMatchObject({ id: b.id, status: 'called', counterId: 2 });
    expect((await call(first.base, 'POST', `/api/tickets/${b.id}/start`, { token: supervisor })).body.status).toBe('serving');

    await first.kill9();
    const crashed = readHall(dataDir);
    expect(crashed.integrity).toBe('ok');
    expect(crashed.tickets.find((t) => t.id === a.id)).toMatchObject({ status: 'called', counterId: 1 });
    expect(crashed.tickets.find((t) => t.id === b.id)).toMatchObject({ status: 'serving', counterId: 2 });

    const second = await startServer({ dataDir, port: first.port });
    // The sessions survive the restart too: the clerk is not logged out by a power cut.
    const ticketA = await call(second.base, 'GET', `/api/tickets/${a.id}`, { token: clerk });
    expect(ticketA.status).toBe(200);
    expect(ticketA.body).toMatchObject({ id: a.id, number: a.number, status: 'called', counterId: 1 });
    expect((await call(second.base, 'GET', `/api/tickets/${b.id}`, { token: clerk })).body).toMatchObject({ status: 'serving', counterId: 2 });
    // Nothing else waits for counter 1: the called ticket is not handed out again.
    const next = await call(second.base, 'POST', '/api/counters/3/next', { token: supervisor });
    expect(next.status).toBe(204);
    // The visit goes on where it stopped.
    expect((await call(second.base, 'POST', `/api/tickets/${a.id}/start`, { token: clerk })).body.status).toBe('serving');
    expect((await call(second.base, 'POST', `/api/tickets/${a.id}/complete`, { token: clerk })).body.status).toBe('done');
    expect(await second.stop()).toBe(0);
  });
});
