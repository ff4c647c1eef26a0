import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { applyCatalogue } from '../../server/hall/catalogue.js';
import type { ConfigDocument } from '../../server/protocol/city.js';
import { Inbox } from '../realtime/client.js';
import { bearer, startHall, type TestHall } from '../helpers/hall.js';
import { HALL_TOKEN, startFakeCity, until, type FakeCity } from './fake-city.js';

// The city's service catalogue flows down: a hall applies it in one transaction, reports the
// version, and while it is joined its admin no longer changes what the catalogue sets.

const start = Date.parse('2026-11-29T07:00:00Z');
const FAST = { pollMs: 10, heartbeatMs: 100, timeoutMs: 300, backoffMinMs: 10, backoffMaxMs: 40, random: () => 1 };

const CATALOGUE: ConfigDocument = {
  version: 3,
  publishedAt: '2026-11-29T06:00:00Z',
  services: [
    { code: 'F', name: { ar: 'الرسوم والضرائب المحلية', en: 'Local fees and taxes' }, targetWaitMinutes: 12, whatToBring: { ar: ['الهوية الشخصية'], en: ['Identity card'] } },
    { code: 'Z', name: { ar: 'تراخيص المحال التجارية', en: 'Shop licences' }, targetWaitMinutes: 20 },
  ],
};

let city: FakeCity | undefined;
let hall: TestHall | undefined;
afterEach(async () => {
  await hall?.close();
  await city?.close();
  hall = city = undefined;
});

const joinedHall = (url: string) =>
  startHall({ now: () => start, config: { CENTRAL_URL: url, CENTRAL_TOKEN: HALL_TOKEN }, central: FAST });

interface ServiceRowView {
  code: string;
  nameEn: string;
  targetWaitS: number;
  active: number;
  whatToBringEn: string;
}
const serviceRows = (h: TestHall) =>
  h.app.conn.sqlite.prepare('SELECT code, name_en AS nameEn, target_wait_s AS targetWaitS, active, what_to_bring_en AS whatToBringEn FROM services ORDER BY id').all() as ServiceRowView[];
const configVersion = (h: TestHall) => h.app.conn.sqlite.prepare('SELECT config_version FROM central_state').pluck().get() as number;

describe("the city's catalogue", () => {
  it('is applied when the city publishes it during a cut, once the link is back; the hall reports the version and its screens hear', async () => {
    city = await startFakeCity();
    hall = await joinedHall(city.url);
    const url = await hall.listen();
    const staff = io(`${url}/staff`, { auth: { token: await hall.login('supervisor') }, transports: ['websocket'], forceNew: true, reconnection: false });
    const inbox = new Inbox(staff);
    await until('the staff socket', () => staff.connected);
    await until('the first batch', () => city!.batches.length > 0);

    city.mode = 500;
    city.published = CATALOGUE;
    await until('a failure', () => hall!.app.central!.state().failures > 0);
    expect(configVersion(hall)).toBe(0);
    city.mode = 'ok';
    await until('the catalogue applied', () => configVersion(hall!) === 3);

    const rows = serviceRows(hall);
    expect(rows.find((s) => s.code === 'F')).toEqual({ code: 'F', nameEn: 'Local fees and taxes', targetWaitS: 720, active: 1, whatToBringEn: '["Identity card"]' });
    expect(rows.find((s) => s.code === 'Z')).toEqual({ code: 'Z', nameEn: 'Shop licences', targetWaitS: 1200, active: 1, whatToBringEn: null });
    expect(rows.filter((s) => s.active === 0).map((s) => s.code).sort()).toEqual(['B', 'C', 'D', 'E', 'P']);
    const kiosk = (await hall.app.inject({ method: 'GET', url: '/api/services' })).json() as { code: string }[];
    expect(kiosk.map((s) => s.code)).toEqual(['F', 'Z']);

    const audit = hall.app.conn.sqlite.prepare("SELECT action, entity, details FROM admin_events WHERE entity = 'hall'").all();
    expect(audit).toEqual([{ action: 'update', entity: 'hall', details: JSON.stringify({ configVersion: 3 }) }]);
    const counts = await inbox.next('waiting', (w: { serviceId: number }[]) => w.length === 2);
    expect(counts).toHaveLength(2);

    const reported = city.batches.length;
    await until('a batch after it', () => city!.batches.length > reported);
    expect(city.batches.at(-1)!.configVersion).toBe(3);
    expect(city.configRequests).toContain(0);
    staff.disconnect();
  });

  it('is applied all or nothing', async () => {
    hall = await startHall({ now: () => start });
    const before = serviceRows(hall);
    // The audit row, written last, fails: nothing of the catalogue may stay.
    hall.app.conn.sqlite.exec("CREATE TRIGGER fail_audit BEFORE INSERT ON admin_events BEGIN SELECT RAISE(ABORT, 'disk trouble'); END");
    expect(() => applyCatalogue(hall!.app.conn, hall!.app.hallId, start, CATALOGUE)).toThrow('disk trouble');
    expect(serviceRows(hall)).toEqual(before);
    expect(configVersion(hall)).toBe(0);
  });

  it('is not applied again, nor an older one', async () => {
    hall = await startHall({ now: () => start });
    const { conn, hallId } = hall.app;
    expect(applyCatalogue(conn, hallId, start, CATALOGUE).value.applied).toBe(true);
    const older = { ...CATALOGUE, version: 2, services: [] };
    expect(applyCatalogue(conn, hallId, start, older).value.applied).toBe(false);
    expect(applyCatalogue(conn, hallId, start, CATALOGUE).value.applied).toBe(false);
    expect(serviceRows(hall).filter((s) => s.active === 1).map((s) => s.code)).toEqual(['F', 'Z']);
  });
});

describe("a joined hall's admin", () => {
  async function serviceF(h: TestHall, admin: string) {
    const list = (await h.app.inject({ method: 'GET', url: '/api/admin/services', headers: bearer(admin) })).json() as any[];
    return list.find((s) => s.code === 'F');
  }
  const patch = (h: TestHall, admin: string, id: number, payload: object) =>
    h.app.inject({ method: 'PATCH', url: `/api/admin/services/${id}`, headers: bearer(admin), payload });

  it("may not create a service nor change what the city's catalogue sets, and keeps the rest", async () => {
    city = await startFakeCity();
    hall = await joinedHall(city.url);
    const admin = await hall.login();
    const f = await serviceF(hall, admin);

    const created = await hall.app.inject({ method: 'POST', url: '/api/admin/services', headers: bearer(admin), payload: { code: 'Q', name: { ar: 'خدمة', en: 'A service' } } });
    expect(created.statusCode).toBe(409);
    expect(created.json().error).toMatchObject({ code: 'managed_by_city', message: expect.stringContaining('change it at the city server') });
    for (const change of [{ name: { ar: f.name.ar, en: 'Renamed' } }, { targetWaitMinutes: f.targetWaitMinutes + 1 }, { whatToBring: { ar: [], en: [] } }]) {
      const res = await patch(hall, admin, f.id, change);
      expect(res.statusCode, JSON.stringify(change)).toBe(409);
      expect(res.json().error.code).toBe('managed_by_city');
    }

    // The whole form saved with the city's values unchanged, and the hall's own fields: fine.
    const own = { name: f.name, targetWaitMinutes: f.targetWaitMinutes, whatToBring: f.whatToBring, dailyLimit: 40, sortOrder: 9, hours: { '0': [[540, 720]] } };
    const res = await patch(hall, admin, f.id, own);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ dailyLimit: 40, hours: { '0': [[540, 720]] } });
  });

  it('of a hall standing alone changes every field as before', async () => {
    hall = await startHall({ now: () => start });
    const admin = await hall.login();
    const f = await serviceF(hall, admin);
    expect((await patch(hall, admin, f.id, { name: { ar: f.name.ar, en: 'Renamed' }, targetWaitMinutes: 11 })).statusCode).toBe(200);
  });
});
