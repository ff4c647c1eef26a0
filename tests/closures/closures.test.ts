import { describe, expect, it } from 'vitest';
import { hallStatus } from '../../server/central/status.js';
import { appointmentHall } from '../appointments/fixture.js';
import { webhookGateway } from '../helpers/webhook-gateway.js';

// Hall closures through the real app and its SQLite file: the admin's routes, what a closed day
// refuses, and the bookings it cancels (told at a local webhook gateway). The clock: Sunday
// 2026-11-29 10:00 in Damascus.

const h = appointmentHall({ config: { WEBHOOK_ALLOW_LOCAL: true } });
const EID = { ar: 'عطلة عيد الفطر', en: 'Eid al-Fitr holiday' };

const asAdmin = async (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
  h.request(method, url, { token: await h.c.hall.login('admin'), payload });
const close = (date: string, reason?: object) => asAdmin('POST', '/api/admin/closures', { date, ...(reason ? { reason } : {}) });
const statusOf = async (code: string) => (await h.request('GET', `/api/appointments/${code}`)).json().status;
const slotsOn = async (date: string) => (await h.request('GET', `/api/appointments/slots?serviceId=${h.serviceId()}&date=${date}`)).json().slots;
const kioskTicket = () => h.request('POST', '/api/tickets', { token: h.c.hall.tokens.kiosk, payload: { serviceId: h.serviceId() } });

describe('the admin lists, adds and removes closure days', () => {
  it('adds today and days to come, lists them in date order, and removes one', async () => {
    const added = await close('2026-12-24', EID);
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toEqual({ date: '2026-12-24', reason: EID });
    expect((await close('2026-11-29', { ar: 'انقطاع الكهرباء' })).json()).toEqual({ date: '2026-11-29', reason: { ar: 'انقطاع الكهرباء' } });
    expect((await close('2026-12-01')).json()).toEqual({ date: '2026-12-01', reason: null });
    expect((await asAdmin('GET', '/api/admin/closures')).json().map((c: { date: string }) => c.date)).toEqual(['2026-11-29', '2026-12-01', '2026-12-24']);

    expect((await asAdmin('DELETE', '/api/admin/closures/2026-12-01')).statusCode).toBe(204);
    expect((await asAdmin('GET', '/api/admin/closures')).json().map((c: { date: string }) => c.date)).toEqual(['2026-11-29', '2026-12-24']);
    const again = await asAdmin('DELETE', '/api/admin/closures/2026-12-01');
    expect([again.statusCode, again.json().error.code]).toEqual([404, 'not_found']);
  });

  it('refuses a bad date, a past date and a day closed already, naming the problem', async () => {
    for (const date of ['24/12/2026', '2026-02-30', '']) {
      const res = await close(date);
      expect([res.statusCode, res.json().error.code], date).toEqual([400, 'invalid_request']);
      expect(res.json().error.message).toMatch(/date/);
    }
    const past = await close('2026-11-28');
    expect([past.statusCode, past.json().error.fields]).toEqual([400, [expect.objectContaining({ path: 'date', code: 'past' })]]);
    await close('2026-12-24', EID);
    const twice = await close('2026-12-24');
    expect([twice.statusCode, twice.json().error.fields]).toEqual([409, [expect.objectContaining({ path: 'date', code: 'duplicate' })]]);
    const noArabic = await close('2026-12-25', { en: 'Christmas' });
    expect([noArabic.statusCode, noArabic.json().error.message]).toEqual([400, expect.stringMatching(/reason\.ar/)]);
    expect((await asAdmin('DELETE', '/api/admin/closures/tomorrow')).statusCode).toBe(400);
  });

  it('is for admins only', async () => {
    const post = { payload: { date: '2026-12-24' } };
    expect((await h.request('GET', '/api/admin/closures')).statusCode).toBe(401);
    expect((await h.request('GET', '/api/admin/closures', { token: h.c.supervisor })).statusCode).toBe(403);
    expect((await h.request('POST', '/api/admin/closures', { token: h.c.supervisor, ...post })).statusCode).toBe(403);
    expect((await h.request('POST', '/api/admin/closures', { token: h.c.clerk, ...post })).statusCode).toBe(403);
  });

  it('records each change in the audit log', async () => {
    await close('2026-12-24', EID);
    await asAdmin('DELETE', '/api/admin/closures/2026-12-24');
    const rows = h.c.hall.app.conn.sqlite.prepare("SELECT action, entity_id AS date, details FROM admin_events WHERE entity = 'closure' ORDER BY id").all();
    expect(rows).toEqual([
      { action: 'create', date: '2026-12-24', details: JSON.stringify({ label: '2026-12-24', reason: EID }) },
      { action: 'delete', date: '2026-12-24', details: JSON.stringify({ label: '2026-12-24' }) },
    ]);
  });
});

describe('a closed day', () => {
  it('offers no slots and takes no booking; the day after is untouched', async () => {
    await h.enable();
    expect(await slotsOn('2026-12-01')).not.toEqual([]);
    await close('2026-12-01', EID);
    expect(await slotsOn('2026-12-01')).toEqual([]);
    expect((await slotsOn('2026-12-02')).length).toBeGreaterThan(0);
    const res = await h.book(h.at('2026-12-01T11:00'), {}, h.c.clerk);
    expect([res.statusCode, res.json().error.code, res.json().error.message]).toEqual([409, 'hall_closed', expect.stringContaining('Eid al-Fitr')]);
    expect((await h.book(h.at('2026-12-02T11:00'), {}, h.c.clerk)).statusCode).toBe(201);
  });

  it('gives no ticket on the day itself, at the kiosk or on a phone, and says why', async () => {
    h.c.hall.setSettings({ remoteJoin: { enabled: true, dailyCapPerService: 50 } });
    await close('2026-11-30', EID); // tomorrow: today still works
    expect((await kioskTicket()).statusCode).toBe(201);
    await close('2026-11-29', EID);
    const kiosk = await kioskTicket();
    expect([kiosk.statusCode, kiosk.json().error.code, kiosk.json().error.message]).toEqual([409, 'hall_closed', expect.stringContaining('Eid al-Fitr')]);
    const phone = await h.request('POST', '/api/join/', { payload: { serviceId: h.serviceId(), lang: 'ar' } });
    expect([phone.statusCode, phone.json().error.code]).toEqual([409, 'hall_closed']);
    const menu = (await h.request('GET', '/api/join/services')).json();
    expect(menu.every((s: { open: boolean }) => !s.open)).toBe(true);
    expect(menu[0].closedReason).toEqual({
      code: 'closed_today',
      ar: 'المركز مغلق اليوم: عطلة عيد الفطر',
      en: 'The centre is closed today: Eid al-Fitr holiday',
      // Without a French reason, the English one: never Arabic inside a French sentence.
      fr: 'Le centre est fermé aujourd’hui\u00a0: Eid al-Fitr holiday',
    });
  });

  it('takes its reason in French too, and says it in French; a reason without English says the French one in English', async () => {
    h.c.hall.setSettings({ remoteJoin: { enabled: true, dailyCapPerService: 50 } });
    const independence = { ar: 'عيد الاستقلال', fr: 'Fête de l’Indépendance' };
    expect((await close('2026-11-29', independence)).json()).toEqual({ date: '2026-11-29', reason: independence });
    expect((await asAdmin('GET', '/api/admin/closures')).json()).toEqual([{ date: '2026-11-29', reason: independence }]);
    expect((await h.request('GET', '/api/hall')).json().closure).toEqual({ date: '2026-11-29', reason: independence });
    const menu = (await h.request('GET', '/api/join/services')).json();
    expect(menu[0].closedReason).toEqual({
      code: 'closed_today',
      ar: 'المركز مغلق اليوم: عيد الاستقلال',
      en: 'The centre is closed today: Fête de l’Indépendance',
      fr: 'Le centre est fermé aujourd’hui\u00a0: Fête de l’Indépendance',
    });
    const kiosk = await kioskTicket();
    expect([kiosk.statusCode, kiosk.json().error.message]).toEqual([409, expect.stringContaining('Fête de l’Indépendance')]);
    const tooLong = await close('2026-12-24', { ar: 'عطلة', fr: 'x'.repeat(201) });
    expect([tooLong.statusCode, tooLong.json().error.message]).toEqual([400, expect.stringMatching(/reason\.fr/)]);
  });

  it("says so in the hall's public state, with the reason, only on the day", async () => {
    const hallNow = async () => (await h.request('GET', '/api/hall')).json();
    await close('2026-11-30', EID);
    expect(await hallNow()).toMatchObject({ open: true });
    expect((await hallNow()).closure).toBeUndefined();
    await close('2026-11-29', { ar: 'انقطاع الكهرباء' });
    expect(await hallNow()).toMatchObject({ open: false, closure: { date: '2026-11-29', reason: { ar: 'انقطاع الكهرباء' } } });
    // The kiosk's menu and the city's view of the hall say closed too.
    const menu = (await h.request('GET', '/api/services', { token: h.c.hall.tokens.kiosk })).json();
    expect(menu.length).toBeGreaterThan(0);
    for (const service of menu) expect(service).toMatchObject({ open: false, closedReason: { code: 'closed_today' } });
    expect(hallStatus(h.c.hall.app.conn, h.c.hall.app.hallId, h.c.now).openNow).toBe(false);
    h.c.tick(24 * 3600_000);
    expect(await hallNow()).toMatchObject({ open: false, closure: { date: '2026-11-30', reason: EID } });
    await asAdmin('DELETE', '/api/admin/closures/2026-11-30');
    expect(await hallNow()).toMatchObject({ open: true });
    expect(hallStatus(h.c.hall.app.conn, h.c.hall.app.hallId, h.c.now).openNow).toBe(true);
    expect((await kioskTicket()).statusCode).toBe(201);
  });
});

describe("closing a day cancels its bookings", () => {
  const gateway = webhookGateway();
  const { received, settle } = gateway;

  it("of every service, tells those who left a number, forgets the numbers, and leaves other days' alone", async () => {
    h.c.hall.setSettings({ notify: gateway.notify(), publicUrl: 'https://queue.example.org/' });
    await h.enable();
    const told = (await h.book(h.at('2026-12-01T11:00'), { phone: '0944000001', lang: 'en' })).json().code;
    const silent = (await h.book(h.at('2026-12-01T12:00'), {}, h.c.clerk)).json().code;
    const otherDay = (await h.book(h.at('2026-12-02T11:00'), { phone: '0944000002' }, h.c.clerk)).json().code;
    expect((await close('2026-12-01', EID)).statusCode).toBe(201);
    await settle(1);
    expect(received).toEqual([
      {
        kind: 'appointment_cancelled',
        phone: '0944000001',
        code: told,
        start: h.at('2026-12-01T11:00'),
        serviceName: 'Building permits',
        hallName: 'Citizen Service Centre',
        bookingUrl: `https://queue.example.org/book/?code=${told}`,
        lang: 'en',
      },
    ]);
    expect([await statusOf(told), await statusOf(silent), await statusOf(otherDay)]).toEqual(['cancelled', 'cancelled', 'booked']);
    expect(h.c.hall.app.conn.sqlite.prepare('SELECT phone FROM appointment_contacts').pluck().all()).toEqual(['0944000002']);

    // Reopened, the day offers its slots again; the cancelled bookings stay cancelled.
    await asAdmin('DELETE', '/api/admin/closures/2026-12-01');
    expect((await slotsOn('2026-12-01')).find((s: { start: string }) => s.start === h.at('2026-12-01T11:00'))?.free).toBeGreaterThan(0);
    expect(await statusOf(told)).toBe('cancelled');
  });
});
