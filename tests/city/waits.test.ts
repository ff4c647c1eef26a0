import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CityWaits, type HallServiceInfo } from '../../server/protocol/city.js';
import { startCity, stopTestPostgres, type TestCity } from '../helpers/city.js';
import { batch, call, cityLogin, createHall, status } from './fixture.js';
import type { z } from 'zod';

// GET /api/city/waits: what any citizen sees to choose a centre, from the statuses halls shipped;
// a hall gone quiet shows no figure; the answer is kept 10 s; each address may ask 60 times a minute.

let clock = Date.parse('2026-12-07T08:00:00Z');
let city: TestCity;
let admin: string;

const service = (code: string, waiting: number, estimatedWaitMinutes: number | null, more: Partial<z.infer<typeof HallServiceInfo>> = {}) => ({
  id: code.charCodeAt(0),
  code,
  name: { ar: `خدمة ${code}`, en: `Service ${code}` },
  targetWaitS: 900,
  active: true,
  waiting,
  estimatedWaitMinutes,
  ...more,
});

async function ship(token: string, change: Parameters<typeof status>[1]) {
  const res = await call(city, 'POST', '/api/city/hall/events', token, { ...batch([]), status: status(clock, change) });
  expect(res.status, res.text).toBe(200);
}

/** The answer as a phone gets it: from a fresh address each time unless told. */
async function waits(remoteAddress = '10.0.0.1') {
  const res = await city.app.inject({ method: 'GET', url: '/api/city/waits', remoteAddress });
  return { status: res.statusCode, headers: res.headers, body: res.json() };
}

const tick = (ms: number) => (clock += ms);

beforeAll(async () => {
  city = await startCity({ now: () => clock });
  admin = await cityLogin(city);
});
afterAll(async () => {
  await city.close();
  await stopTestPostgres();
});

describe('GET /api/city/waits', () => {
  let mezzeh: { id: number; token: string };
  let midan: { id: number; token: string };
  let kafrSousa: { id: number; token: string };

  it("gives each hall's services with who waits, the estimate and its range, open or the next opening, place and join page", async () => {
    mezzeh = await createHall(city, admin, 'Mezzeh', 'المزة');
    midan = await createHall(city, admin, 'Midan', 'الميدان');
    kafrSousa = await createHall(city, admin, 'Kafr Sousa', 'كفرسوسة');
    expect((await call(city, 'PUT', `/api/city/halls/${mezzeh.id}/location`, admin, { lat: 33.5, lng: 36.25 })).status).toBe(200);
    await ship(mezzeh.token, {
      services: [service('P', 14, 25, { estimatedWaitRange: { low: 18, high: 33 } }), service('C', 0, 0), service('X', 3, 5, { active: false })],
      joinUrl: 'https://mezzeh.example.org/join',
    });
    await ship(midan.token, { openNow: false, nextOpening: '2026-12-08T08:00:00.000+02:00', services: [service('P', 0, null)] });

    const { status: code, body, headers } = await waits();
    expect(code).toBe(200);
    expect(headers['cache-control']).toBe('public, max-age=10');
    expect(CityWaits.parse(body)).toEqual({
      halls: [
        {
          id: mezzeh.id,
          name: { ar: 'المزة', en: 'Mezzeh' },
          stale: false,
          openNow: true,
          location: { lat: 33.5, lng: 36.25 },
          services: [
            { code: 'P', name: { ar: 'خدمة P', en: 'Service P' }, waiting: 14, estimatedWaitMinutes: 25, estimatedWaitRange: { low: 18, high: 33 } },
            { code: 'C', name: { ar: 'خدمة C', en: 'Service C' }, waiting: 0, estimatedWaitMinutes: 0 },
          ],
          joinUrl: 'https://mezzeh.example.org/join',
        },
        {
          id: midan.id,
          name: { ar: 'الميدان', en: 'Midan' },
          stale: false,
          openNow: false,
          nextOpening: '2026-12-08T08:00:00.000+02:00',
          services: [{ code: 'P', name: { ar: 'خدمة P', en: 'Service P' }, waiting: 0, estimatedWaitMinutes: null }],
        },
        // Never heard from: listed, with nothing to say yet.
        { id: kafrSousa.id, name: { ar: 'كفرسوسة', en: 'Kafr Sousa' }, stale: true, openNow: null, services: [] },
      ],
    });
  });

  it('keeps its answer 10 s, then reads the halls again; a hall quiet for a minute shows no figure', async () => {
    tick(1_000);
    await ship(midan.token, { services: [service('P', 9, 12)] });
    const cached = await waits();
    expect(cached.headers['cache-control']).toBe('public, max-age=9');
    expect(cached.body.halls[1].services[0].waiting).toBe(0);
    tick(9_000);
    expect((await waits()).body.halls[1].services[0]).toMatchObject({ waiting: 9, estimatedWaitMinutes: 12 });

    tick(61_000);
    await ship(midan.token, { services: [service('P', 9, 12)] });
    const { body } = await waits();
    // Mezzeh was last heard 71 s ago: its services by name, no live figure, no range, no opening.
    expect(body.halls[0]).toEqual({
      id: mezzeh.id,
      name: { ar: 'المزة', en: 'Mezzeh' },
      stale: true,
      openNow: null,
      location: { lat: 33.5, lng: 36.25 },
      services: [
        { code: 'P', name: { ar: 'خدمة P', en: 'Service P' }, waiting: null, estimatedWaitMinutes: null },
        { code: 'C', name: { ar: 'خدمة C', en: 'Service C' }, waiting: null, estimatedWaitMinutes: null },
      ],
    });
    expect(body.halls[1]).toMatchObject({ stale: false, openNow: true });
  });

  it('says nothing personal: only the fields a citizen choosing a centre needs', async () => {
    tick(10_000);
    const { body } = await waits();
    for (const hall of body.halls) {
      expect(Object.keys(hall).every((k) => ['id', 'name', 'stale', 'openNow', 'nextOpening', 'location', 'services', 'joinUrl'].includes(k))).toBe(true);
      for (const s of hall.services) expect(Object.keys(s).every((k) => ['code', 'name', 'waiting', 'estimatedWaitMinutes', 'estimatedWaitRange'].includes(k))).toBe(true);
    }
    expect(JSON.stringify(body)).not.toMatch(/token|lastHeard|issuedToday|servedToday|countersOpen|longestWait/);
  });

  it('answers one address 60 times a minute, then 429 with the shared error shape', async () => {
    for (let i = 0; i < 60; i++) expect((await waits('10.0.0.60')).status).toBe(200);
    const refused = await waits('10.0.0.60');
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toEqual(expect.any(String));
    expect((await waits('10.0.0.61')).status).toBe(200);
  });
});

describe('PUT /api/city/halls/:id/location', () => {
  it('is for the city admin, checks the degrees, and null takes the place away', async () => {
    const hall = await createHall(city, admin, 'Qaboun', 'القابون');
    expect((await call(city, 'PUT', `/api/city/halls/${hall.id}/location`, undefined, { lat: 33.5, lng: 36.3 })).status).toBe(401);
    const bad = await call(city, 'PUT', `/api/city/halls/${hall.id}/location`, admin, { lat: 95, lng: 36.3 });
    expect(bad.status).toBe(400);
    expect(bad.json().error.message).toMatch(/lat/);
    expect((await call(city, 'PUT', '/api/city/halls/9999/location', admin, { lat: 1, lng: 2 })).status).toBe(404);
    expect((await call(city, 'PUT', `/api/city/halls/${hall.id}/location`, admin, { lat: 33.54, lng: 36.33 })).json()).toMatchObject({ location: { lat: 33.54, lng: 36.33 } });
    const cleared = await call(city, 'PUT', `/api/city/halls/${hall.id}/location`, admin, null);
    expect(cleared.status).toBe(200);
    expect(cleared.json().location).toBeUndefined();
  });
});

describe('names without English (a Maghreb city)', () => {
  it('keeps a hall named in Arabic and French, renamed, and shows it so to citizens; a catalogue the same', async () => {
    const created = await call(city, 'POST', '/api/city/halls', admin, { name: { ar: 'باب الواد', fr: 'Bab El Oued' }, timeZone: 'Africa/Algiers' });
    expect(created.status, created.text).toBe(201);
    expect(created.json().name).toEqual({ ar: 'باب الواد', fr: 'Bab El Oued' });
    const { id } = created.json() as { id: number };
    const renamed = await call(city, 'PATCH', `/api/city/halls/${id}`, admin, { name: { ar: 'مركز باب الواد', en: 'Bab El Oued centre', fr: 'Centre Bab El Oued' } });
    expect(renamed.json().name).toEqual({ ar: 'مركز باب الواد', en: 'Bab El Oued centre', fr: 'Centre Bab El Oued' });
    expect((await call(city, 'PATCH', `/api/city/halls/${id}`, admin, { name: { ar: 'مركز باب الواد', fr: 'Centre Bab El Oued' } })).status).toBe(200);
    tick(11_000);
    expect((await waits()).body.halls.find((h: { id: number }) => h.id === id).name).toEqual({ ar: 'مركز باب الواد', fr: 'Centre Bab El Oued' });
    const bad = await call(city, 'PATCH', `/api/city/halls/${id}`, admin, { name: { fr: 'Centre' } });
    expect(bad.status).toBe(400);
    expect(bad.json().error.message).toMatch(/name\.ar/);

    const catalogue = [{ code: 'L', name: { ar: 'الرخص', fr: 'Licences' }, targetWaitMinutes: 15, whatToBring: { ar: ['الهوية'], fr: ['Pièce d’identité'] } }];
    const published = await call(city, 'PUT', '/api/city/services', admin, catalogue);
    expect(published.status, published.text).toBe(200);
    expect((await call(city, 'GET', '/api/city/services', admin)).json()).toMatchObject({ services: catalogue });
  });
});
