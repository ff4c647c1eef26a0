import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCity, stopTestPostgres, type TestCity } from '../helpers/city.js';
import { batch, call, cityLogin, counterEvent, createHall } from './fixture.js';

// POST /api/city/hall/events: stored once however often sent, acked only as far as held without a gap.

let city: TestCity;
let admin: string;
beforeAll(async () => {
  city = await startCity();
  admin = await cityLogin(city);
});
afterAll(async () => {
  await city.close();
  await stopTestPostgres();
});

const ship = (token: string, seqs: number[], configVersion = 0) =>
  call(city, 'POST', '/api/city/hall/events', token, batch(seqs.map((s) => counterEvent(s)), Date.now(), configVersion));

async function heldSeqs(hallId: number): Promise<number[]> {
  const { rows } = await city.app.city.pool.query<{ seq: string }>('SELECT seq FROM hall_events WHERE hall_id = $1 ORDER BY seq', [hallId]);
  return rows.map((r) => Number(r.seq));
}

describe('ingest', () => {
  it('acks up to the first gap, holds what came after it, and acks past it once it is filled', async () => {
    const hall = await createHall(city, admin);
    expect((await ship(hall.token, [1, 2, 3])).json()).toEqual({ ackedSeq: 3, configVersion: 0 });
    expect((await ship(hall.token, [5, 6])).json().ackedSeq).toBe(3);
    expect(await heldSeqs(hall.id)).toEqual([1, 2, 3, 5, 6]);
    expect((await ship(hall.token, [4])).json().ackedSeq).toBe(6);
  });

  it('stores a replayed or overlapping batch once', async () => {
    const hall = await createHall(city, admin);
    await ship(hall.token, [1, 2, 3, 4]);
    expect((await ship(hall.token, [1, 2, 3, 4])).json().ackedSeq).toBe(4);
    expect((await ship(hall.token, [3, 4, 5])).json().ackedSeq).toBe(5);
    expect(await heldSeqs(hall.id)).toEqual([1, 2, 3, 4, 5]);
  });

  it('takes events out of order within a batch', async () => {
    const hall = await createHall(city, admin);
    expect((await ship(hall.token, [3, 1, 2])).json().ackedSeq).toBe(3);
  });

  it('answers an empty batch (a heartbeat) with where to resume, and records the hall was heard', async () => {
    const hall = await createHall(city, admin);
    await ship(hall.token, [1, 2]);
    expect((await ship(hall.token, [], 0)).json().ackedSeq).toBe(2);
    const halls = (await call(city, 'GET', '/api/city/halls', admin)).json() as { id: number; lastHeardAt: string | null; ackedSeq: number }[];
    const row = halls.find((h) => h.id === hall.id)!;
    expect(row.ackedSeq).toBe(2);
    expect(row.lastHeardAt).not.toBeNull();
  });

  it("files a batch under the token's hall only: another hall's events stay its own", async () => {
    const a = await createHall(city, admin, 'Hall A', 'القاعة أ');
    const b = await createHall(city, admin, 'Hall B', 'القاعة ب');
    await ship(a.token, [1, 2, 3]);
    await ship(b.token, [1]);
    expect(await heldSeqs(a.id)).toEqual([1, 2, 3]);
    expect(await heldSeqs(b.id)).toEqual([1]);
  });

  it('refuses an invalid event with 400 naming the field, and stores nothing of its batch', async () => {
    const hall = await createHall(city, admin);
    const bad = batch([counterEvent(1), { ...counterEvent(2), state: 'asleep' } as never]);
    const res = await call(city, 'POST', '/api/city/hall/events', hall.token, bad);
    expect(res.status).toBe(400);
    expect(res.json().error.code).toBe('invalid_request');
    expect(res.json().error.message).toContain('events.1');
    expect(await heldSeqs(hall.id)).toEqual([]);
  });

  it('refuses a seq of 0 and a batch without status, with 400', async () => {
    const hall = await createHall(city, admin);
    expect((await call(city, 'POST', '/api/city/hall/events', hall.token, batch([counterEvent(0)]))).status).toBe(400);
    const res = await call(city, 'POST', '/api/city/hall/events', hall.token, { events: [], configVersion: 0 });
    expect(res.status).toBe(400);
    expect(res.json().error.message).toContain('status');
  });

  it('keeps the newer status when a batch retried late carries an older one', async () => {
    const hall = await createHall(city, admin);
    const now = Date.now();
    await call(city, 'POST', '/api/city/hall/events', hall.token, { ...batch([counterEvent(2)], now, 4), status: { ...batch([], now).status, waiting: 11 } });
    await call(city, 'POST', '/api/city/hall/events', hall.token, { ...batch([counterEvent(1)], now - 5000, 3), status: { ...batch([], now - 5000).status, waiting: 2 } });
    const { rows } = await city.app.city.pool.query('SELECT acked_seq, config_version, status FROM halls WHERE id = $1', [hall.id]);
    expect(rows[0]).toMatchObject({ acked_seq: '2', config_version: 4, status: { waiting: 11 } });
  });

  it('records the configuration version the hall reports', async () => {
    const hall = await createHall(city, admin);
    await ship(hall.token, [], 3);
    const halls = (await call(city, 'GET', '/api/city/halls', admin)).json() as { id: number; configVersion: number }[];
    expect(halls.find((h) => h.id === hall.id)!.configVersion).toBe(3);
  });
});
