import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cityLogin, linkHall, restartCity, startCityProcess, startLinkedHall, untilShipped, type CityProcess, type LinkedHall } from '../helpers/city-process.js';
import { startPostgres } from '../helpers/postgres.js';
import { call, killAll, pool, removeDir } from './server-process.js';

// Power cuts on either side of the link: kill -9 a hall in the middle of a burst of tickets, and
// the city in the middle of an ingest. Nothing is shipped twice, nothing is lost, and the
// shipper resumes by itself (nobody pokes it after the restart).

let pg: Awaited<ReturnType<typeof startPostgres>>;
let city: CityProcess;
let a: LinkedHall;
let b: LinkedHall;

beforeAll(async () => {
  pg = await startPostgres();
  city = await startCityProcess({ databaseUrl: await pg.freshDatabase() });
  const admin = await cityLogin(city.base);
  a = await linkHall(city, admin, 'Old Town', 'البلدة القديمة');
  b = await linkHall(city, admin, 'New Quarter', 'الحي الجديد');
}, 120_000);

afterAll(async () => {
  killAll();
  for (const hall of [a, b]) {
    await hall?.link.close();
    removeDir(hall?.dataDir);
  }
  removeDir(city?.dataDir);
  await pg?.stop();
});

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
        token: hall.server.tokens.kiosk,
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
    await untilShipped(city.databaseUrl, a);
    const answered = await burst(a, 200, () => a.server.kill9());
    expect(answered).toBeGreaterThanOrEqual(100);
    expect(answered).toBeLessThan(200);

    a.server = await startLinkedHall({ dataDir: a.dataDir, port: a.server.port, centralUrl: a.link.url, token: a.token });
    const seqs = await untilShipped(city.databaseUrl, a);
    expect(seqs.length).toBeGreaterThan(answered);
  });

  it('the city killed in the middle of an ingest: after its restart on the same database every event arrives once', { timeout: 180_000 }, async () => {
    const kill = async () => {
      await city.kill9();
      // Down for a few seconds while both halls keep issuing, then back on the same port and database.
      await new Promise((r) => setTimeout(r, 3000));
      city = await restartCity(city);
    };
    const [answeredA, answeredB] = await Promise.all([burst(a, 300, kill), burst(b, 300)]);
    expect(answeredA).toBe(300);
    expect(answeredB).toBe(300);
    await untilShipped(city.databaseUrl, a);
    await untilShipped(city.databaseUrl, b);
  });
});
