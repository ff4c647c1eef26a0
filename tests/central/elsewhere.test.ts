import { afterEach, describe, expect, it } from 'vitest';
import { shorterElsewhere } from '../../server/central/other-centres.js';
import type { CityWaits } from '../../server/protocol/city.js';
import { bearer, startHall, type TestHall } from '../helpers/hall.js';
import { issue, serviceId } from './acts.js';
import { HALL_TOKEN, startFakeCity, type FakeCity } from './fake-city.js';

// "Shorter wait now at": a hall in a city reads the city's public waits (a stand-in city over real
// HTTP) and names another open, live centre whose estimate for the service is at most half of its
// own and at least 10 minutes less. Off unless the hall's setting says so; a city away costs nothing.

let clock = Date.parse('2026-11-29T07:00:00Z');
const FAST = { pollMs: 10, heartbeatMs: 100, timeoutMs: 300, backoffMinMs: 10, backoffMaxMs: 40, random: () => 1 };

let city: FakeCity | undefined;
let hall: TestHall | undefined;
afterEach(async () => {
  await hall?.close();
  await city?.close();
  hall = city = undefined;
});

type WaitsHall = CityWaits['halls'][number];
const centre = (en: string, minutes: number | null, change: Partial<WaitsHall> = {}): WaitsHall => ({
  id: en.length,
  name: { ar: `مركز ${en}`, en },
  stale: false,
  openNow: true,
  services: [{ code: 'F', name: { ar: 'رسوم', en: 'Fees' }, waiting: 3, estimatedWaitMinutes: minutes }],
  ...change,
});

async function elsewhere(id: number) {
  const res = await hall!.app.inject({ method: 'GET', url: `/api/services/${id}/elsewhere` });
  return { status: res.statusCode, body: res.json() };
}

/** A hall joined to the stand-in city, with the service F waited on for at least 20 minutes. */
async function busyHall(config: Record<string, string> = { CENTRAL_URL: city!.url, CENTRAL_TOKEN: HALL_TOKEN }) {
  hall = await startHall({ now: () => clock, config, central: FAST });
  const own = async () => ((await hall!.app.inject({ method: 'GET', url: '/api/services' })).json() as any[]).find((s) => s.code === 'F').estimatedWaitMinutes as number;
  while ((await own()) < 20) await issue(hall, 'F');
  const name = (await hall.app.inject({ method: 'GET', url: '/api/hall' })).json().name;
  return { id: await serviceId(hall, 'F'), minutes: await own(), name };
}

describe('GET /api/services/:id/elsewhere', () => {
  it('is off by default, and off for a hall outside a city', async () => {
    city = await startFakeCity();
    city.waits = { halls: [centre('Midan', 0)] };
    const { id } = await busyHall();
    expect(await elsewhere(id)).toEqual({ status: 200, body: { elsewhere: null } });
    await hall!.close();

    const alone = await busyHall({});
    hall!.setSettings({ suggestOtherCentres: true });
    expect((await elsewhere(alone.id)).body).toEqual({ elsewhere: null });
  });

  it('names the shortest open, live centre that is much shorter, never this hall itself', async () => {
    city = await startFakeCity();
    const { id, minutes, name } = await busyHall();
    // The admin turns it on (PATCH /api/admin/hall); it was off.
    const admin = { headers: bearer(await hall!.login()) };
    expect((await hall!.app.inject({ method: 'GET', url: '/api/admin/hall', ...admin })).json().settings.suggestOtherCentres).toBe(false);
    const patched = await hall!.app.inject({ method: 'PATCH', url: '/api/admin/hall', ...admin, payload: { settings: { suggestOtherCentres: true } } });
    expect(patched.json().settings.suggestOtherCentres, patched.body).toBe(true);
    city.waits = {
      halls: [
        { ...centre('self', 0), name },
        centre('Stale', null, { stale: true, openNow: null }),
        centre('Closed', 1, { openNow: false }),
        centre('Qaboun', minutes - 5),
        centre('Midan', Math.floor(minutes / 2)),
      ],
    };
    expect((await elsewhere(id)).body).toEqual({ elsewhere: { name: { ar: 'مركز Midan', en: 'Midan' }, estimatedWaitMinutes: Math.floor(minutes / 2) } });

    // Read again only after 30 s: then Midan is no longer much shorter.
    city.waits = { halls: [centre('Midan', minutes - 9)] };
    expect((await elsewhere(id)).body.elsewhere).not.toBeNull();
    clock += 30_000;
    await elsewhere(id);
    await expect.poll(async () => (await elsewhere(id)).body).toEqual({ elsewhere: null });
  });

  it('keeps quiet, never failing, when the city is away: the last answer serves two minutes', async () => {
    city = await startFakeCity();
    const { id } = await busyHall();
    hall!.setSettings({ suggestOtherCentres: true });
    city.waits = { halls: [centre('Midan', 1)] };
    expect((await elsewhere(id)).body.elsewhere).toMatchObject({ estimatedWaitMinutes: 1 });
    city.mode = 500;
    clock += 60_000;
    expect((await elsewhere(id)).body.elsewhere).toMatchObject({ estimatedWaitMinutes: 1 });
    clock += 61_000;
    expect(await elsewhere(id)).toEqual({ status: 200, body: { elsewhere: null } });
  });

  it('answers 404 naming an unknown service', async () => {
    hall = await startHall({ now: () => clock });
    const res = await elsewhere(9999);
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/service/);
  });
});

describe('shorterElsewhere', () => {
  const waits = (minutes: number) => ({ halls: [centre('Midan', minutes)] });
  const self = { ar: 'مركز المزة', en: 'Mezzeh' };
  it('wants at most half and at least 10 minutes less', () => {
    expect(shorterElsewhere(waits(15), self, 'F', 30)).not.toBeNull();
    expect(shorterElsewhere(waits(16), self, 'F', 30)).toBeNull();
    expect(shorterElsewhere(waits(5), self, 'F', 14)).toBeNull();
    expect(shorterElsewhere(waits(4), self, 'F', 14)).not.toBeNull();
    expect(shorterElsewhere(waits(0), self, 'F', null)).toBeNull();
    expect(shorterElsewhere(waits(0), self, 'X', 60)).toBeNull();
  });
});
