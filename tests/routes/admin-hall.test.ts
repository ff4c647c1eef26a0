import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bearer, startHall, type TestHall } from '../helpers/hall.js';
import { LiveHall } from '../realtime/client.js';

// The admin's hall settings, media files, device edits, the audit log, and the per-field errors
// (`error.fields`) that the admin's forms show next to each field.

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

let hall: TestHall;
let admin: string;

function call(method: Method, url: string, payload?: unknown, token = admin, headers: Record<string, string> = {}) {
  return hall.app.inject({
    method,
    url: `/api/admin${url}`,
    headers: { ...bearer(token), ...headers },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

/** 400/409 with the field named in `fields`, with its code. */
function expectField(res: LightMyRequestResponse, status: number, path: string, code?: string) {
  expect(res.statusCode, res.body).toBe(status);
  const { error } = res.json();
  expect(error.code).toBe(status === 400 ? 'invalid_request' : 'conflict');
  expect(error.message).toEqual(expect.any(String));
  expect(error.fields, res.body).toContainEqual(expect.objectContaining({ path, ...(code ? { code } : {}), message: expect.any(String) }));
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

beforeEach(async () => {
  hall = await startHall();
  admin = await hall.login();
});
afterEach(() => hall.close());

describe('the hall', () => {
  it('answers every setting with its defaults, and edits them', async () => {
    const before = (await call('GET', '/hall')).json();
    expect(before).toMatchObject({
      name: { ar: 'مركز خدمة المواطن', en: 'Citizen Service Centre' },
      timeZone: 'Asia/Damascus',
      openingHours: { 0: [[480, 900]], 5: [] },
      settings: {
        routingPolicy: 'default',
        maxPriorityInRow: 2,
        allowCallSpecific: false,
        autoNoShowAfterRecalls: null,
        noShowMinSeconds: 60,
        alertQueueLength: 15,
        kioskReturnSeconds: 20,
        display: { recentCalls: 6, chime: true, announceAr: true, announceEn: true, announceFr: true, voice: 'clips', ticker: null },
      },
    });

    const res = await call('PATCH', '/hall', {
      name: { ar: 'صالة خدمة المواطن', en: 'Citizen Service Hall' },
      timeZone: 'Europe/Istanbul',
      openingHours: { 0: [[480, 720], [780, 900]], 6: [] },
      settings: {
        maxPriorityInRow: 3,
        allowCallSpecific: true,
        autoNoShowAfterRecalls: 2,
        kioskReturnSeconds: 30,
        digits: 'latn',
        ticketFooter: { ar: 'شكراً لانتظاركم', en: 'Thank you for waiting' },
        display: { ticker: { ar: 'أهلاً بكم', en: 'Welcome' }, voice: 'speechSynthesis', announceFr: false },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      name: { en: 'Citizen Service Hall' },
      timeZone: 'Europe/Istanbul',
      openingHours: { 0: [[480, 720], [780, 900]], 6: [] },
      // Display settings are merged one by one: chime, recentCalls and the other languages' voices stay.
      settings: {
        maxPriorityInRow: 3, allowCallSpecific: true, autoNoShowAfterRecalls: 2,
        display: { chime: true, recentCalls: 6, voice: 'speechSynthesis', announceAr: true, announceEn: true, announceFr: false },
      },
    });
    expect(res.json().openingHours[1]).toBeUndefined();

    const pub = (await hall.app.inject({ method: 'GET', url: '/api/hall' })).json();
    expect(pub).toMatchObject({ name: { ar: 'صالة خدمة المواطن' }, digits: 'latn', kioskReturnSeconds: 30, ticketFooter: { en: 'Thank you for waiting' } });

    // null clears a setting back to its default.
    const cleared = await call('PATCH', '/hall', { settings: { autoNoShowAfterRecalls: null, display: { ticker: null } } });
    expect(cleared.json().settings).toMatchObject({ autoNoShowAfterRecalls: null, display: { ticker: null, voice: 'speechSynthesis' } });
  });

  it('edits the public address, phone tickets, notifications and retention', async () => {
    // Absent from the seeded hall: their defaults.
    expect((await call('GET', '/hall')).json().settings).toMatchObject({
      publicUrl: null,
      remoteJoin: { enabled: false, dailyCapPerService: 50 },
      notify: { enabled: false, webhookUrl: null, position: 3 },
      retentionDays: null,
    });

    const res = await call('PATCH', '/hall', {
      settings: {
        publicUrl: 'https://queue.example.org',
        remoteJoin: { enabled: true, dailyCapPerService: 120 },
        notify: { enabled: true, webhookUrl: 'https://sms.example.org/hook', position: 5 },
        retentionDays: 90,
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const want = {
      publicUrl: 'https://queue.example.org',
      remoteJoin: { enabled: true, dailyCapPerService: 120 },
      notify: { enabled: true, webhookUrl: 'https://sms.example.org/hook', position: 5 },
      retentionDays: 90,
    };
    expect(res.json().settings).toMatchObject(want);
    expect((await call('GET', '/hall')).json().settings).toMatchObject(want);

    // What the rest of the hall reads: the phone page's address, the reports' retention.
    expect((await hall.app.inject({ method: 'GET', url: '/api/hall' })).json().publicUrl).toBe('https://queue.example.org');
    const retention = await hall.app.inject({ method: 'GET', url: '/api/reports/retention', headers: bearer(admin) });
    expect(retention.json()).toEqual({ retentionDays: 90 });

    // Merged field by field; the webhook stays when notifications are turned off; null clears.
    const partial = await call('PATCH', '/hall', {
      settings: { publicUrl: null, remoteJoin: { enabled: false }, notify: { enabled: false }, retentionDays: null },
    });
    expect(partial.statusCode, partial.body).toBe(200);
    expect(partial.json().settings).toMatchObject({
      publicUrl: null,
      remoteJoin: { enabled: false, dailyCapPerService: 120 },
      notify: { enabled: false, webhookUrl: 'https://sms.example.org/hook', position: 5 },
      retentionDays: null,
    });
    // Turned on again with the stored webhook; cleared webhook while off is fine.
    expect((await call('PATCH', '/hall', { settings: { notify: { enabled: true } } })).json().settings.notify.enabled).toBe(true);
    const off = await call('PATCH', '/hall', { settings: { notify: { enabled: false, webhookUrl: null } } });
    expect(off.json().settings.notify).toEqual({ enabled: false, webhookUrl: null, position: 5 });

    // Both routes write the same setting.
    await hall.app.inject({ method: 'PUT', url: '/api/reports/retention', headers: bearer(admin), payload: { retentionDays: 30 } });
    expect((await call('GET', '/hall')).json().settings.retentionDays).toBe(30);
  });

  it('refuses bad settings field by field, changing nothing', async () => {
    const before = (await call('GET', '/hall')).json();
    const cases: [unknown, string, string?][] = [
      [{ timeZone: 'Mars/Olympus' }, 'timeZone', 'unknown_time_zone'],
      [{ timeZone: '' }, 'timeZone', 'required'],
      [{ name: { ar: '  ', en: 'x' } }, 'name.ar', 'required'],
      [{ name: { en: 'x', fr: 'x' } }, 'name.ar', 'required'],
      [{ openingHours: { 1: [[600, 480]] } }, 'openingHours.1.0'],
      [{ openingHours: { 1: [[480, 720], [700, 900]] } }, 'openingHours.1.1', 'overlap'],
      [{ openingHours: { 1: [[480, 1500]] } }, 'openingHours.1.0.1', 'too_big'],
      [{ openingHours: { 7: [] } }, 'openingHours'],
      [{ settings: { maxPriorityInRow: 0 } }, 'settings.maxPriorityInRow', 'too_small'],
      [{ settings: { maxPriorityInRow: 11 } }, 'settings.maxPriorityInRow', 'too_big'],
      [{ settings: { autoNoShowAfterRecalls: 0 } }, 'settings.autoNoShowAfterRecalls', 'too_small'],
      [{ settings: { kioskReturnSeconds: 4 } }, 'settings.kioskReturnSeconds', 'too_small'],
      [{ settings: { kioskReturnSeconds: 121 } }, 'settings.kioskReturnSeconds', 'too_big'],
      [{ settings: { alertQueueLength: 501 } }, 'settings.alertQueueLength', 'too_big'],
      [{ settings: { allowCallSpecific: 'yes' } }, 'settings.allowCallSpecific', 'invalid_type'],
      [{ settings: { routingPolicy: 'random' } }, 'settings.routingPolicy', 'invalid_value'],
      [{ settings: { languages: [] } }, 'settings.languages', 'too_few'],
      [{ settings: { languages: ['ar', 'ar'] } }, 'settings.languages', 'repeated'],
      [{ settings: { ticketFooter: { ar: 'x'.repeat(201), en: 'x' } } }, 'settings.ticketFooter.ar', 'too_long'],
      [{ settings: { ticketFooter: { ar: 'x', en: ' ' } } }, 'settings.ticketFooter.en', 'required'],
      [{ settings: { display: { recentCalls: 0 } } }, 'settings.display.recentCalls', 'too_small'],
      [{ settings: { display: { recentCalls: 21 } } }, 'settings.display.recentCalls', 'too_big'],
      [{ settings: { display: { voice: 'robot' } } }, 'settings.display.voice'],
      [{ settings: { display: { announceFr: 'yes' } } }, 'settings.display.announceFr', 'invalid_type'],
      [{ settings: { display: { ticker: { fr: 'x' } } } }, 'settings.display.ticker.ar', 'required'],
      [{ settings: { publicUrl: 'ftp://x' } }, 'settings.publicUrl'],
      [{ settings: { publicUrl: 'not a url' } }, 'settings.publicUrl', 'invalid_format'],
      [{ settings: { remoteJoin: { enabled: 'yes' } } }, 'settings.remoteJoin.enabled', 'invalid_type'],
      [{ settings: { remoteJoin: { dailyCapPerService: 0 } } }, 'settings.remoteJoin.dailyCapPerService', 'too_small'],
      [{ settings: { remoteJoin: { dailyCapPerService: 1001 } } }, 'settings.remoteJoin.dailyCapPerService', 'too_big'],
      [{ settings: { notify: { enabled: true } } }, 'settings.notify.webhookUrl', 'required'],
      [{ settings: { notify: { enabled: true, webhookUrl: null } } }, 'settings.notify.webhookUrl', 'required'],
      [{ settings: { notify: { webhookUrl: 'ftp://gateway.example/hook' } } }, 'settings.notify.webhookUrl'],
      [{ settings: { notify: { position: 0 } } }, 'settings.notify.position', 'too_small'],
      [{ settings: { notify: { position: 21 } } }, 'settings.notify.position', 'too_big'],
      [{ settings: { retentionDays: 6 } }, 'settings.retentionDays', 'too_small'],
      [{ settings: { retentionDays: 3651 } }, 'settings.retentionDays', 'too_big'],
      [{ settings: { retentionDays: 30.5 } }, 'settings.retentionDays'],
    ];
    for (const [body, path, code] of cases) expectField(await call('PATCH', '/hall', body), 400, path, code);
    expect((await call('GET', '/hall')).json()).toEqual(before);
    expect((await call('GET', '/audit?source=admin')).json().items).toEqual([]);
  });

  it('sends the displays a fresh snapshot when the hall changes', async () => {
    await hall.close();
    const live = await LiveHall.start();
    hall = live.hall;
    admin = await hall.login();
    try {
      const display = await live.connect('/display', { token: hall.tokens.display });
      await display.inbox.next('snapshot');
      await call('PATCH', '/hall', { name: { ar: 'الصالة', en: 'The Hall' }, settings: { display: { recentCalls: 3 } } });
      const snapshot = await display.inbox.next('snapshot');
      expect(snapshot.hall).toMatchObject({ name: { en: 'The Hall' }, display: { recentCalls: 3 } });
      await call('PUT', '/media/welcome.png', PNG, admin, { 'content-type': 'image/png' });
      expect((await display.inbox.next('snapshot')).media).toEqual([{ url: '/media/welcome.png', kind: 'image' }]);
    } finally {
      await live.close();
    }
  });
});

describe('field errors', () => {
  it('name the fields of a bad body, and of a duplicate code, number or username', async () => {
    const bad = await call('POST', '/services', { code: 'q', name: { ar: '', en: 'x' }, targetWaitMinutes: 0 });
    expectField(bad, 400, 'code', 'invalid_format');
    expectField(bad, 400, 'name.ar', 'required');
    expectField(bad, 400, 'targetWaitMinutes', 'too_small');
    expect(bad.json().error.fields.find((f: { path: string }) => f.path === 'targetWaitMinutes').limit).toBe(1);
    // The message still names each field, as before.
    expect(bad.json().error.message).toContain('body.name.ar');

    expectField(await call('POST', '/services', { name: { ar: 'x', en: 'x' } }), 400, 'code', 'required');
    expectField(await call('POST', '/services', { code: 'B', name: { ar: 'x', en: 'x' } }), 409, 'code', 'duplicate');
    expectField(await call('POST', '/counters', { number: 1, serviceIds: [1] }), 409, 'number', 'duplicate');
    expectField(await call('POST', '/users', { username: 'clerk', password: 'long-enough-1', role: 'clerk' }), 409, 'username', 'duplicate');
    expectField(await call('POST', '/users', { username: 'ab', password: 'short', role: 'clerk' }), 400, 'password', 'too_short');
    expectField(await call('POST', '/printers', { name: 'p', target: 'lp0' }), 400, 'target', 'printer_target');
    const me = (await call('GET', '/users')).json().find((u: { username: string }) => u.username === 'admin');
    expectField(await call('PATCH', `/users/${me.id}`, { role: 'clerk' }), 409, 'role', 'last_admin');
  });

  it('leave other errors as they were', async () => {
    const res = await call('PATCH', '/services/999', { active: false });
    expect(res.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });
});

describe('media', () => {
  const mediaDir = () => join(hall.dataDir, 'media');

  it('uploads, lists, serves, replaces and deletes a file', async () => {
    expect((await call('GET', '/media')).json()).toEqual([]);
    const up = await call('PUT', '/media/welcome.png', PNG, admin, { 'content-type': 'image/png' });
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toEqual({ name: 'welcome.png', url: '/media/welcome.png', kind: 'image', size: PNG.length, modifiedAt: expect.any(String) });
    const video = await call('PUT', '/media/Clip_1.mp4', Buffer.alloc(1000, 1), admin, { 'content-type': 'video/mp4' });
    expect(video.statusCode).toBe(201);
    expect((await call('GET', '/media')).json().map((m: { name: string }) => m.name)).toEqual(['Clip_1.mp4', 'welcome.png']);

    const served = await hall.app.inject({ method: 'GET', url: '/media/welcome.png' });
    expect(served.statusCode).toBe(200);
    expect(served.rawPayload.equals(PNG)).toBe(true);

    const again = await call('PUT', '/media/welcome.png', Buffer.concat([PNG, PNG]), admin, { 'content-type': 'image/png' });
    expect(again.statusCode).toBe(200);
    expect(again.json().size).toBe(PNG.length * 2);

    expect((await call('DELETE', '/media/welcome.png')).statusCode).toBe(204);
    expect((await call('DELETE', '/media/welcome.png')).statusCode).toBe(404);
    expect(readdirSync(mediaDir())).toEqual(['Clip_1.mp4']);
  });

  it('refuses unsafe names, wrong types, empty and oversized files, and non-admins', async () => {
    const put = (name: string, type: string, body: Buffer = PNG, token = admin) => call('PUT', `/media/${name}`, body, token, { 'content-type': type });
    for (const name of ['..%2Fescape.png', '.hidden.png', 'a%20b.png', '%D8%B5%D9%88%D8%B1%D8%A9.png']) {
      expectField(await put(name, 'image/png'), 400, 'params.name', 'file_name');
    }
    expectField(await put('tool.exe', 'image/png'), 400, 'name', 'media_extension');
    expectField(await put('movie.mp4', 'image/png'), 400, 'file', 'media_type');
    expectField(await put('photo.png', 'video/mp4'), 400, 'file', 'media_type');
    expectField(await put('photo.png', 'text/plain'), 400, 'file', 'media_type');
    expect((await put('photo.png', 'application/x-sh')).statusCode).toBe(415);
    expectField(await put('photo.png', 'image/png', Buffer.alloc(0)), 400, 'file', 'required');
    const huge = await call('PUT', '/media/huge.mp4', Buffer.alloc(10), admin, { 'content-type': 'video/mp4', 'content-length': String(300 * 1024 * 1024) });
    expect(huge.statusCode).toBe(413);

    const clerk = await hall.login('clerk');
    expect((await put('photo.png', 'image/png', PNG, clerk)).statusCode).toBe(403);
    expect((await call('GET', '/media', undefined, clerk)).statusCode).toBe(403);
    expect((await call('DELETE', '/media/photo.png', undefined, clerk)).statusCode).toBe(403);
    expect(existsSync(mediaDir()) ? readdirSync(mediaDir()) : []).toEqual([]);
  });
});

describe('devices', () => {
  it('renames a device and moves it to another zone', async () => {
    const kiosk = hall.app.seedReport!.devices.find((d) => d.kind === 'kiosk')!;
    const res = await call('PATCH', `/devices/${kiosk.id}`, { name: 'كشك المدخل', zone: 'B' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: kiosk.id, name: 'كشك المدخل', zone: 'B', revoked: false });
    expect((await call('PATCH', `/devices/${kiosk.id}`, { zone: null })).json()).toMatchObject({ name: 'كشك المدخل', zone: null });
    expect((await call('PATCH', `/devices/${kiosk.id}`, {})).json()).toMatchObject({ name: 'كشك المدخل' });
    expectField(await call('PATCH', `/devices/${kiosk.id}`, { name: '' }), 400, 'name', 'required');
    expectField(await call('PATCH', `/devices/${kiosk.id}`, { zone: 'z'.repeat(51) }), 400, 'zone', 'too_long');
    expect((await call('PATCH', '/devices/999', { name: 'x' })).statusCode).toBe(404);
    expect((await call('PATCH', `/devices/${kiosk.id}`, { name: 'x' }, await hall.login('supervisor'))).statusCode).toBe(403);
    // The kiosk's token still works.
    expect((await hall.app.inject({ method: 'GET', url: '/api/health', headers: bearer(hall.tokens.kiosk) })).statusCode).toBe(200);
  });
});

describe('the audit log', () => {
  const audit = async (query = '') => {
    const res = await call('GET', `/audit${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: any[]; nextCursor: string | null };
  };

  it('records every admin change: who, what, when, and never a password', async () => {
    const service = (await call('POST', '/services', { code: 'VIS', name: { ar: 'تأشيرات', en: 'Visas' } })).json();
    await call('PATCH', `/services/${service.id}`, { active: false });
    const user = (await call('POST', '/users', { username: 'rana', password: 'secret-password-1', role: 'clerk' })).json();
    await call('PATCH', `/users/${user.id}`, { password: 'secret-password-2' });
    const device = (await call('POST', '/devices', { kind: 'display', name: 'Screen 2' })).json();
    await call('POST', `/devices/${device.id}/revoke`);
    await call('PATCH', '/hall', { settings: { maxPriorityInRow: 4 } });
    await call('PUT', '/media/a.png', PNG, admin, { 'content-type': 'image/png' });
    // Refused changes leave no trace.
    await call('POST', '/services', { code: 'VIS', name: { ar: 'x', en: 'x' } });

    const { items } = await audit('?source=admin');
    expect(items.map((e) => `${e.action} ${e.entity}`)).toEqual([
      'upload media',
      'update hall',
      'revoke device',
      'create device',
      'update user',
      'create user',
      'update service',
      'create service',
    ]);
    expect(items.every((e) => e.source === 'admin' && e.user?.name === 'مدير النظام')).toBe(true);
    expect(items.at(-1)).toMatchObject({ entityId: String(service.id), details: { label: 'VIS', code: 'VIS' }, at: expect.stringMatching(/\+03:00$/) });
    expect(items.find((e) => e.entity === 'user' && e.action === 'update').details).toMatchObject({ label: 'rana', passwordReset: true });
    expect(JSON.stringify(items)).not.toMatch(/secret-password|dev_/);
  });

  it('merges the ticket events, newest first, in pages, with filters', async () => {
    const clerk = await hall.login('clerk');
    const clerkId = (await call('GET', '/users')).json().find((u: { username: string }) => u.username === 'clerk').id;
    const post = (url: string, token: string, payload?: object, headers = {}) =>
      hall.app.inject({ method: 'POST', url, headers: { ...bearer(token), ...headers }, ...(payload ? { payload } : {}) });
    const ticket = (await post('/api/tickets', hall.tokens.kiosk, { serviceId: 1 }, { 'idempotency-key': 'a1' })).json();
    await call('PATCH', '/services/1', { targetWaitMinutes: 30 });
    const called = await post('/api/counters/1/next', clerk);
    expect(called.json().id).toBe(ticket.id);

    const all = await audit();
    expect(all.items.map((e) => `${e.source} ${e.action}`)).toEqual(['ticket call', 'admin update', 'ticket issue']);
    expect(all.items[0]).toMatchObject({ user: { id: clerkId }, ticket: { number: ticket.number }, counter: { number: 1 }, service: { code: 'B' } });
    expect(all.items[2]).toMatchObject({ user: null, device: { name: expect.any(String) }, ticket: { number: ticket.number } });

    // Pages of one: the same entries, each once.
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = await audit(`?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(all.items.map((e) => e.id));

    expect((await audit('?source=ticket')).items).toHaveLength(2);
    expect((await audit(`?userId=${clerkId}`)).items.map((e) => e.action)).toEqual(['call']);
    const today = all.items[0].at.slice(0, 10);
    expect((await audit(`?from=${today}&to=${today}`)).items).toHaveLength(3);
    expect((await audit('?to=2000-01-01')).items).toEqual([]);
    expect((await audit(`?from=${encodeURIComponent(all.items[0].at)}`)).items.length).toBeGreaterThanOrEqual(1);

    expectField(await call('GET', '/audit?from=yesterday'), 400, 'from', 'invalid_format');
    expect((await call('GET', '/audit?cursor=abc')).statusCode).toBe(400);
    expect((await call('GET', '/audit?limit=1000')).statusCode).toBe(400);
    expect((await call('GET', '/audit', undefined, clerk)).statusCode).toBe(403);
  });
});
