import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { halls } from '../../db/schema.js';
import { getHall } from '../../server/hall/state.js';
import { bearer, startHall, type TestHall } from '../helpers/hall.js';

// The service menu as the kiosk reads it: opening hours, daily limits, categories and what to
// bring; and the hall's own card (GET /api/hall).

const SUNDAY_10 = Date.parse('2026-11-29T07:00:00Z'); // Sunday 10:00 in Damascus
const SUNDAY_16 = Date.parse('2026-11-29T13:00:00Z'); // after the office closes
const FRIDAY_10 = Date.parse('2026-11-27T07:00:00Z'); // the weekend

let hall: TestHall;
let admin: string;
let now = SUNDAY_10;

beforeEach(async () => {
  now = SUNDAY_10;
  hall = await startHall({ now: () => now });
  admin = await hall.login();
});
afterEach(() => hall.close());

const services = async () => (await hall.app.inject({ method: 'GET', url: '/api/services' })).json();
const fees = async () => (await services()).find((s: { code: string }) => s.code === 'F');
const issue = (serviceId: number, key?: string) =>
  hall.app.inject({
    method: 'POST',
    url: '/api/tickets',
    headers: { ...bearer(hall.tokens.kiosk), ...(key ? { 'idempotency-key': key } : {}) },
    payload: { serviceId },
  });
const patch = (id: number, payload: object) =>
  hall.app.inject({ method: 'PATCH', url: `/api/admin/services/${id}`, headers: bearer(admin), payload });

describe('the service menu', () => {
  it('carries categories and a bilingual list of what to bring', async () => {
    const list = await services();
    const building = list.find((s: { code: string }) => s.code === 'B');
    expect(building).toMatchObject({
      open: true,
      category: { ar: 'البناء والعقارات', en: 'Building and property' },
      dailyLimit: null,
      hours: null,
    });
    expect(building.closedReason).toBeUndefined();
    expect(building.whatToBring.ar).toContain('المخططات الهندسية مصدّقة من نقابة المهندسين');
    expect(building.whatToBring.en).toContain('Engineering drawings certified by the Engineers Syndicate');
    for (const s of list) {
      expect(s.whatToBring.ar.length).toBeGreaterThan(0);
      expect(s.whatToBring.ar.length).toBe(s.whatToBring.en.length);
    }
  });

  it('the demo hall takes tickets at any hour: its hours are not enforced', async () => {
    now = FRIDAY_10;
    expect((await fees()).open).toBe(true);
    expect((await issue((await fees()).id)).statusCode).toBe(201);
  });
});

describe('opening hours, when the hall enforces them', () => {
  beforeEach(() => hall.setSettings({ enforceHours: true }));

  it('shows services closed outside the hours and refuses their tickets with 409 service_closed', async () => {
    expect((await fees()).open).toBe(true);
    now = SUNDAY_16;
    const closed = await fees();
    expect(closed).toMatchObject({
      open: false,
      closedReason: { code: 'outside_hours', ar: 'خارج أوقات الدوام', en: 'Outside opening hours' },
    });
    const res = await issue(closed.id, 'late-tap');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('service_closed');
    expect(res.json().error.message).toContain('Outside opening hours');
    now = FRIDAY_10;
    expect((await issue(closed.id)).statusCode).toBe(409);
    const count = hall.app.conn.sqlite.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number };
    expect(count.n).toBe(0);
  });

  it('a service keeps its own hours instead of the hall’s', async () => {
    const { id } = await fees();
    const afternoon = { 0: [[12 * 60, 18 * 60]] };
    const res = await patch(id, { hours: afternoon });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ hours: afternoon, open: false, closedReason: { code: 'outside_hours' } });
    expect((await issue(id)).statusCode).toBe(409);
    now = SUNDAY_16; // the hall is closed, this service is open
    expect((await fees()).open).toBe(true);
    expect((await issue(id)).statusCode).toBe(201);
    // Back to the hall's hours.
    expect((await patch(id, { hours: null })).json()).toMatchObject({ hours: null, open: false });
  });

  it('a ticket already issued answers its retry even after closing time', async () => {
    const { id } = await fees();
    const first = await issue(id, 'tap-1');
    expect(first.statusCode).toBe(201);
    now = SUNDAY_16;
    const again = await issue(id, 'tap-1');
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
  });
});

describe('the daily limit', () => {
  it('closes a service once the business day has issued its limit, and opens it the next day', async () => {
    const { id } = await fees();
    expect((await patch(id, { dailyLimit: 2 })).json()).toMatchObject({ dailyLimit: 2, open: true });
    expect((await issue(id)).statusCode).toBe(201);
    expect((await issue(id)).statusCode).toBe(201);
    const full = await fees();
    expect(full).toMatchObject({
      open: false,
      closedReason: { code: 'daily_limit', ar: 'اكتمل عدد الأدوار لهذا اليوم', en: "Today's tickets are all taken" },
    });
    const third = await issue(id);
    expect(third.statusCode).toBe(409);
    expect(third.json().error).toMatchObject({ code: 'service_closed', message: expect.stringContaining("Today's tickets are all taken") });
    // Other services are not affected.
    const building = (await services()).find((s: { code: string }) => s.code === 'B');
    expect((await issue(building.id)).statusCode).toBe(201);

    now += 24 * 60 * 60 * 1000; // the next business day
    expect((await fees()).open).toBe(true);
    expect((await issue(id)).json().number).toBe('F001');
    // Lifting the limit (a new day, a new staff session).
    admin = await hall.login();
    expect((await patch(id, { dailyLimit: null })).json()).toMatchObject({ dailyLimit: null, open: true });
  });
});

describe('admin: the service details', () => {
  it('creates and edits categories, limits and lists, and clears them with null', async () => {
    const created = await hall.app.inject({
      method: 'POST',
      url: '/api/admin/services',
      headers: bearer(admin),
      payload: {
        code: 'V',
        name: { ar: 'تسجيل المركبات', en: 'Vehicle registration' },
        category: { ar: 'خدمات المرور', en: 'Traffic' },
        dailyLimit: 40,
        whatToBring: { ar: [' الهوية الشخصية '], en: ['Your ID card'] },
      },
    });
    expect(created.statusCode).toBe(201);
    const service = created.json();
    expect(service).toMatchObject({
      category: { ar: 'خدمات المرور', en: 'Traffic' },
      dailyLimit: 40,
      whatToBring: { ar: ['الهوية الشخصية'], en: ['Your ID card'] },
      open: true,
    });
    const patched = await patch(service.id, { category: null, whatToBring: { ar: [], en: [] } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().category).toBeUndefined();
    // An empty English list is none given: an English page shows the French list, else the Arabic.
    expect(patched.json()).toMatchObject({ whatToBring: { ar: [] }, dailyLimit: 40 });
    const listed = (await services()).find((s: { code: string }) => s.code === 'V');
    expect(listed).toMatchObject({ dailyLimit: 40, whatToBring: { ar: [] } });
    expect(listed.whatToBring).not.toHaveProperty('en');
  });

  it('refuses long lists, long items, bad hours and bad limits, changing nothing', async () => {
    const { id } = await fees();
    const before = await fees();
    const eleven = Array.from({ length: 11 }, (_, i) => `item ${i}`);
    for (const body of [
      { whatToBring: { ar: eleven, en: [] } },
      { whatToBring: { ar: ['x'.repeat(121)], en: [] } },
      { whatToBring: { ar: [''], en: [] } },
      { whatToBring: { en: ['ok'] } },
      { hours: { 0: [[600, 540]] } },
      { hours: { 7: [[480, 900]] } },
      { hours: { 0: [[480, 1500]] } },
      { hours: { 0: [[480.5, 900]] } },
      { dailyLimit: 0 },
      { dailyLimit: 2.5 },
      { category: { en: 'Traffic', fr: 'Circulation' } },
    ]) {
      const res = await patch(id, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('invalid_request');
    }
    expect(await fees()).toEqual(before);
  });
});

describe('GET /api/hall', () => {
  it('answers the hall’s name, zone, digits, languages, footer and kiosk return time', async () => {
    const res = await hall.app.inject({ method: 'GET', url: '/api/hall' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      name: { ar: 'مركز خدمة المواطن', en: 'Citizen Service Centre' },
      timeZone: 'Asia/Damascus',
      digits: 'arab',
      languages: ['ar', 'en'],
      hijriCalendar: 'islamic-umalqura',
      open: true,
      ticketFooter: { ar: expect.any(String), en: expect.any(String) },
      kioskReturnSeconds: 20,
      publicUrl: null,
      serverTime: '2026-11-29T10:00:00.000+03:00',
    });
  });

  it('is closed outside enforced hours, and follows the hall settings', async () => {
    hall.setSettings({ enforceHours: true, kioskReturnSeconds: 45, digits: 'latn', publicUrl: 'https://dawr.example.org/' });
    now = FRIDAY_10;
    expect((await hall.app.inject({ method: 'GET', url: '/api/hall' })).json()).toMatchObject({
      open: false,
      kioskReturnSeconds: 45,
      digits: 'latn',
      publicUrl: 'https://dawr.example.org',
    });
  });

  it('defaults the kiosk return time and enforces hours for a hall whose settings predate them', async () => {
    const row = getHall(hall.app.conn, hall.app.hallId);
    const { enforceHours: _e, kioskReturnSeconds: _k, ...older } = row.settings;
    hall.app.conn.db.update(halls).set({ settings: older }).where(eq(halls.id, row.id)).run();
    now = SUNDAY_16;
    expect((await hall.app.inject({ method: 'GET', url: '/api/hall' })).json()).toMatchObject({ open: false, kioskReturnSeconds: 20 });
    expect((await fees()).open).toBe(false);
  });
});
