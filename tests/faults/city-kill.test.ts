import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restartCity, startLinkedHall, startTwoHallCity, untilShipped, type LinkedHall, type TwoHallCity } from '../helpers/city-process.js';
import { call, pool } from './server-process.js';

// Power cuts on either side of the link: kill -9 a hall in the middle of a burst of tickets, and
// the city in the middle of an ingest. Nothing is shipped twice, nothing is lost, and the
// shipper resumes by itself (nobody pokes it after the restart).

let t: TwoHallCity;
beforeAll(async () => {
  t = await startTwoHallCity();
}, 120_000);
afterAll(() => t?.close());

/**
 * Issues `n` tickets at the hall's kiosk, 8 at a time; `midway` runs once half of them are
 * answered. Answers how many were answered 201 (none are, once the hall is dead).
 */
async function burst(hall: LinkedHall, n: number, midway?: () => Promise<unknown>): Promise<number> {
  const services = (await call(hall.server.base, 'GET', '/api/services')).body as { id: number }[];
  let answered = 0;
  let fault: Promise<unknown> | undefined;
  await pool(Array.from({ length: n }, (_, i) => i), 8, async (i) => {
    try {
      const res = await call(hall.server.base, 'POST', '/api/tickets', {
        token: hall.kioskToken,
        body: { serviceId: services[i % services.length]!.id },
        headers: { 'idempotency-key': crypto.randomUUID() },
        timeoutMs: 5000,
      });
      if (res.status === 201) answered++;
    } catch {
      // the hall died with the request in flight
    }
    if (answered >= n / 2 && midway && !fault) fault = midway();
  });
  await fault;
  return answered;
}

describe('kill -9 on either side of the link', () => {
  it('a hall killed in the middle of a burst: after its restart the city holds exactly its events', { timeout: 180_000 }, async () => {
    const before = (await untilShipped(t.city.databaseUrl, t.a)).length;
    const answered = await burst(t.a, 200, () => t.a.server.kill9());
    expect(answered).toBeGreaterThanOrEqual(100);
    expect(answered).toBeLessThan(200);

    t.a.server = await startLinkedHall({ dataDir: t.a.dataDir, port: t.a.server.port, centralUrl: t.a.link.url, token: t.a.token });
    // untilShipped: the city holds exactly the hall's seqs 1…n, each once. Every ticket answered 201 is
    // among them (a ticket in flight at the kill may be too, answered or not).
    const seqs = await untilShipped(t.city.databaseUrl, t.a);
    expect(seqs.length - before).toBeGreaterThanOrEqual(answered);
  });

  it('the city killed in the middle of an ingest: after its restart on the same database every event arrives once', { timeout: 180_000 }, async () => {
    const kill = async () => {
      await t.city.kill9();
      // Down for a few seconds while both halls keep issuing, then back on the same port and database.
      await new Promise((r) => setTimeout(r, 3000));
      t.city = await restartCity(t.city);
    };
    const [answeredA, answeredB] = await Promise.all([burst(t.a, 300, kill), burst(t.b, 300)]);
    expect(answeredA).toBe(300);
    expect(answeredB).toBe(300);
    await untilShipped(t.city.databaseUrl, t.a);
    await untilShipped(t.city.databaseUrl, t.b);
  });
});
