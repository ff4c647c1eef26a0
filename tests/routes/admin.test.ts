import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { bearer, startHall, type TestHall } from '../helpers/hall.js';

type Method = 'GET' | 'POST' | 'PATCH';

function expectError(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  // `fields` (per-field errors for forms) comes with validation errors and field conflicts.
  const fields = res.json().error?.fields ? { fields: expect.any(Array) } : {};
  expect(res.json()).toEqual({ error: { code, message: expect.any(String), ...fields } });
}

const HUGE = 'x'.repeat(100_000);
const NAME = { ar: 'خدمة', en: 'A service' };

describe('admin routes', () => {
  let hall: TestHall;
  let admin: string;
  let call: (method: Method, url: string, payload?: unknown, token?: string) => Promise<LightMyRequestResponse>;

  beforeEach(async () => {
    hall = await startHall();
    admin = await hall.login();
    call = (method, url, payload, token = admin) =>
      hall.app.inject({ method, url: `/api/admin${url}`, headers: bearer(token), ...(payload === undefined ? {} : { payload: payload as object }) });
  });
  afterEach(() => hall.close());

  const serviceIds = async () => (await call('GET', '/services')).json().map((s: { id: number }) => s.id) as number[];

  describe('who may call', () => {
    const routes: [Method, string, unknown?][] = [
      ['GET', '/services'],
      ['POST', '/services', { code: 'Z', name: NAME }],
      ['PATCH', '/services/1', { active: false }],
      ['GET', '/counters'],
      ['POST', '/counters', { number: 50, serviceIds: [1] }],
      ['PATCH', '/counters/1', { name: 'x' }],
      ['GET', '/users'],
      ['POST', '/users', { username: 'mallory', password: 'password-123', role: 'admin' }],
      ['PATCH', '/users/1', { role: 'clerk' }],
      ['GET', '/devices'],
      ['POST', '/devices', { kind: 'kiosk', name: 'k' }],
      ['POST', '/devices/1/revoke'],
      ['GET', '/printers'],
      ['POST', '/printers', { name: 'p', target: '/dev/usb/lp0' }],
      ['PATCH', '/printers/1', { name: 'p' }],
    ];

    it('answers 401 without a token, even to a bad body', async () => {
      for (const [method, url, payload] of routes) {
        const res = await hall.app.inject({ method, url: `/api/admin${url}`, ...(payload ? { payload: payload as object } : {}) });
        expectError(res, 401, 'unauthorized');
      }
      expectError(await hall.app.inject({ method: 'POST', url: '/api/admin/services', payload: { code: 42 } }), 401, 'unauthorized');
    });

    it('answers 403 to clerks, supervisors and devices', async () => {
      const others = [await hall.login('clerk'), await hall.login('supervisor'), hall.tokens.kiosk, hall.tokens.display, hall.tokens.printer];
      for (const token of others) {
        for (const [method, url, payload] of routes) expectError(await call(method, url, payload, token), 403, 'forbidden');
      }
      // Nothing was changed by any of them.
      expect((await call('GET', '/users')).json().map((u: { username: string }) => u.username)).not.toContain('mallory');
    });
  });

  describe('services', () => {
    it('creates, lists (inactive too) and edits a service', async () => {
      const res = await call('POST', '/services', { code: 'VIS', name: { ar: ' تأشيرات ', en: 'Visas' }, targetWaitMinutes: 25 });
      expect(res.statusCode).toBe(201);
      const service = res.json();
      expect(service).toEqual({
        id: expect.any(Number),
        code: 'VIS',
        name: { ar: 'تأشيرات', en: 'Visas' },
        targetWaitMinutes: 25,
        averageServiceMinutes: 5,
        active: true,
        waiting: 0,
        estimatedWaitMinutes: null,
        notStarted: null,
        open: true,
        whatToBring: { ar: [] },
        dailyLimit: null,
        hours: null,
      });

      const patched = await call('PATCH', `/services/${service.id}`, { active: false, averageServiceMinutes: 7, name: { ar: 'تأشيرة', en: 'Visa' } });
      expect(patched.statusCode).toBe(200);
      expect(patched.json()).toMatchObject({ id: service.id, active: false, averageServiceMinutes: 7, name: { en: 'Visa' } });

      const list = (await call('GET', '/services')).json();
      expect(list.find((s: { id: number }) => s.id === service.id)).toMatchObject({ code: 'VIS', active: false });
      expect(list.length).toBe(7); // six demo services and this one
      const pub = (await hall.app.inject({ method: 'GET', url: '/api/services' })).json();
      expect(pub.map((s: { code: string }) => s.code)).not.toContain('VIS');

      expect((await call('PATCH', `/services/${service.id}`, {})).json()).toMatchObject({ id: service.id, active: false });
    });

    it('refuses a used code, a bad code and bad fields', async () => {
      const dup = await call('POST', '/services', { code: 'B', name: NAME });
      expectError(dup, 409, 'conflict');
      expect(dup.json().error.message).toContain('B');
      for (const body of [
        { code: 'b', name: NAME },
        { code: 'ABCD', name: NAME },
        { code: 'Б', name: NAME },
        { code: '', name: NAME },
        { code: 'Q' },
        { code: 'Q', name: { en: 'x', fr: 'x' } },
        { code: 'Q', name: { ar: HUGE, en: 'x' } },
        { code: 'Q', name: { ar: '   ', en: 'x' } },
        { code: 'Q', name: NAME, targetWaitMinutes: '15' },
        { code: 'Q', name: NAME, targetWaitMinutes: 0 },
        { code: 'Q', name: NAME, averageServiceMinutes: 2.5 },
        { code: HUGE, name: NAME },
        [],
      ]) {
        expectError(await call('POST', '/services', body), 400, 'invalid_request');
      }
      expectError(await call('PATCH', '/services/999999', { active: false }), 404, 'not_found');
      expectError(await call('PATCH', '/services/abc', { active: false }), 400, 'invalid_request');
      expectError(await call('PATCH', '/services/1', { active: 'no' }), 400, 'invalid_request');
      expectError(await call('PATCH', '/services/1', { name: { ar: HUGE, en: 'x' } }), 400, 'invalid_request');
    });
  });

  describe('counters', () => {
    it('creates a counter with its services in order, lists and edits it', async () => {
      const [b, p, f] = await serviceIds();
      const res = await call('POST', '/counters', { number: 9, serviceIds: [f, b, p], name: ' Window 9 ', zone: 'D' });
      expect(res.statusCode).toBe(201);
      const counter = res.json();
      expect(counter).toEqual({
        id: expect.any(Number),
        number: 9,
        name: 'Window 9',
        zone: 'D',
        serviceIds: [f, b, p],
        qualifiedServiceIds: [f, b, p],
        state: 'closed',
        pauseReason: null,
        userId: null,
        active: true,
      });
      const ranks = hall.app.conn.sqlite
        .prepare('SELECT service_id, rank FROM counter_services WHERE counter_id = ? ORDER BY rank')
        .all(counter.id);
      expect(ranks).toEqual([
        { service_id: f, rank: 0 },
        { service_id: b, rank: 1 },
        { service_id: p, rank: 2 },
      ]);

      const minimal = await call('POST', '/counters', { number: 10, serviceIds: [p] });
      expect(minimal.json()).toMatchObject({ number: 10, name: null, zone: null, serviceIds: [p] });

      const patched = await call('PATCH', `/counters/${counter.id}`, { serviceIds: [p], name: null, zone: 'E' });
      expect(patched.statusCode).toBe(200);
      expect(patched.json()).toMatchObject({ id: counter.id, serviceIds: [p], name: null, zone: 'E' });

      const list = (await call('GET', '/counters')).json();
      expect(list).toHaveLength(10);
      expect(list.find((c: { id: number }) => c.id === counter.id)).toMatchObject({ serviceIds: [p] });
    });

    it('closes a counter it takes out of service', async () => {
      const counters = (await call('GET', '/counters')).json();
      hall.app.conn.sqlite.prepare("UPDATE counters SET state = 'open' WHERE id = ?").run(counters[0].id);
      const res = await call('PATCH', `/counters/${counters[0].id}`, { active: false });
      expect(res.json()).toMatchObject({ active: false, state: 'closed' });
    });

    it('refuses unknown services, duplicates and bad fields, changing nothing', async () => {
      const [b, p] = await serviceIds();
      const unknown = await call('POST', '/counters', { number: 20, serviceIds: [b, 424242] });
      expectError(unknown, 404, 'not_found');
      expect(unknown.json().error.message).toContain('424242');
      const dup = await call('POST', '/counters', { number: 1, serviceIds: [b] });
      expectError(dup, 409, 'conflict');
      expect(dup.json().error.message).toContain('1');
      for (const body of [
        { number: 0, serviceIds: [b] },
        { number: 1.5, serviceIds: [b] },
        { number: '21', serviceIds: [b] },
        { number: 21, serviceIds: [] },
        { number: 21, serviceIds: [b, b] },
        { number: 21, serviceIds: [true] },
        { number: 21, serviceIds: ['1'] },
        { number: 21, serviceIds: b },
        { number: 21 },
        { serviceIds: [b] },
        { number: 21, serviceIds: [b], name: HUGE },
        { number: 21, serviceIds: [b], zone: 7 },
      ]) {
        expectError(await call('POST', '/counters', body), 400, 'invalid_request');
      }
      const counters = (await call('GET', '/counters')).json();
      expect(counters).toHaveLength(8);
      const first = counters[0];
      expectError(await call('PATCH', `/counters/${first.id}`, { serviceIds: [p, 999] }), 404, 'not_found');
      expectError(await call('PATCH', `/counters/${first.id}`, { number: counters[1].number }), 409, 'conflict');
      expectError(await call('PATCH', '/counters/999', { name: 'x' }), 404, 'not_found');
      expect((await call('GET', '/counters')).json()[0]).toEqual(first);
    });
  });

  describe('users', () => {
    it('creates a user who can log in, and never shows a password hash', async () => {
      const res = await call('POST', '/users', { username: 'rana.k', password: 'long-enough-1', role: 'clerk', displayName: 'رنا' });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toEqual({ id: expect.any(Number), username: 'rana.k', role: 'clerk', displayName: 'رنا', active: true });
      expect(res.body).not.toMatch(/scrypt|password/i);
      expect(await hall.login('rana.k', 'long-enough-1')).toMatch(/^stf_/);
      const list = await call('GET', '/users');
      expect(list.json().map((u: { username: string }) => u.username)).toEqual(['admin', 'clerk', 'rana.k', 'supervisor']);
      expect(list.body).not.toMatch(/scrypt|password/i);
    });

    it('edits role, name and activity; a password reset ends the other sessions', async () => {
      const user = (await call('POST', '/users', { username: 'omar', password: 'first-password', role: 'clerk' })).json();
      const old = await hall.login('omar', 'first-password');
      const promoted = await call('PATCH', `/users/${user.id}`, { role: 'supervisor', displayName: 'Omar' });
      expect(promoted.json()).toMatchObject({ role: 'supervisor', displayName: 'Omar' });
      expect((await hall.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(old) })).json().role).toBe('supervisor');

      expect((await call('PATCH', `/users/${user.id}`, { password: 'second-password' })).statusCode).toBe(200);
      expectError(await hall.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(old) }), 401, 'unauthorized');
      await expect(hall.login('omar', 'first-password')).rejects.toThrow(/401/);
      expect(await hall.login('omar', 'second-password')).toMatch(/^stf_/);

      expect((await call('PATCH', `/users/${user.id}`, { active: false })).json().active).toBe(false);
      await expect(hall.login('omar', 'second-password')).rejects.toThrow(/401/);
    });

    it('keeps one active admin', async () => {
      const me = (await call('GET', '/users')).json().find((u: { username: string }) => u.username === 'admin');
      expectError(await call('PATCH', `/users/${me.id}`, { role: 'clerk' }), 409, 'conflict');
      expectError(await call('PATCH', `/users/${me.id}`, { active: false }), 409, 'conflict');
      expect((await call('GET', '/users')).json().find((u: { id: number }) => u.id === me.id)).toMatchObject({ role: 'admin', active: true });
    });

    it('refuses short, common and guessable passwords, naming the problem', async () => {
      const refused = async (body: object, code: string, limit?: number) => {
        const res = await call('POST', '/users', { username: 'rana', role: 'admin', ...body });
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json().error.fields).toEqual([{ path: 'password', code, message: expect.any(String), ...(limit ? { limit } : {}) }]);
      };
      for (const password of ['12345678', 'password', 'aaaaaaaa', 'admin-123']) await refused({ password }, 'too_short', 10);
      for (const password of ['1234567890', 'qwertyuiop', 'Password123', 'basketball']) await refused({ password }, 'common_password');
      await refused({ password: 'aaaaaaaaaaaa' }, 'one_character');
      await refused({ username: 'rana.khalil', password: 'Rana.Khalil' }, 'same_as_username');
      const res = await call('POST', '/users', { username: 'rana', role: 'admin', password: '1234567890' });
      expect(res.json().error.message).toBe('password: this is one of the most common passwords; choose another');

      const omar = (await call('POST', '/users', { username: 'omar.h', password: 'omar-hall-2026', role: 'clerk' })).json();
      const reset = await call('PATCH', `/users/${omar.id}`, { password: 'omar.h' + 'omar.h' });
      expect(reset.statusCode).toBe(200); // not the username itself
      for (const [password, code] of [['qwertyuiop', 'common_password'], ['OMAR.H', 'too_short'], ['۱۱۱۱۱۱۱۱۱۱۱', 'one_character']]) {
        const bad = await call('PATCH', `/users/${omar.id}`, { password });
        expect(bad.statusCode).toBe(400);
        expect(bad.json().error.fields[0]).toMatchObject({ path: 'password', code });
      }
    });

    it('refuses a taken username and bad fields', async () => {
      const dup = await call('POST', '/users', { username: 'clerk', password: 'long-enough-1', role: 'clerk' });
      expectError(dup, 409, 'conflict');
      expect(dup.json().error.message).toContain('clerk');
      for (const body of [
        { username: 'ab', password: 'long-enough-1', role: 'clerk' },
        { username: 'Rana', password: 'long-enough-1', role: 'clerk' },
        { username: 'ra na', password: 'long-enough-1', role: 'clerk' },
        { username: 'x'.repeat(51), password: 'long-enough-1', role: 'clerk' },
        { username: 'rana', password: 'short', role: 'clerk' },
        { username: 'rana', password: HUGE, role: 'clerk' },
        { username: 'rana', password: 'long-enough-1', role: 'root' },
        { username: 'rana', password: 'long-enough-1' },
        { username: 'rana', role: 'clerk' },
        { username: 'rana', password: 12345678, role: 'clerk' },
        { username: 'rana', password: 'long-enough-1', role: 'clerk', displayName: HUGE },
      ]) {
        expectError(await call('POST', '/users', body), 400, 'invalid_request');
      }
      expectError(await call('PATCH', '/users/999', { active: false }), 404, 'not_found');
      expectError(await call('PATCH', '/users/1', { role: 'owner' }), 400, 'invalid_request');
      expectError(await call('PATCH', '/users/1', { password: 'short' }), 400, 'invalid_request');
    });
  });

  describe('devices', () => {
    it('shows a new device token once, and it works', async () => {
      const res = await call('POST', '/devices', { kind: 'kiosk', name: 'كشك الطابق الثاني', zone: 'B' });
      expect(res.statusCode).toBe(201);
      const device = res.json();
      expect(device).toMatchObject({ id: expect.any(Number), kind: 'kiosk', name: 'كشك الطابق الثاني', zone: 'B', token: expect.stringMatching(/^dev_/) });

      expect((await hall.app.inject({ method: 'GET', url: '/api/health', headers: bearer(device.token) })).statusCode).toBe(200);
      // Known (403, not 401) but not an admin.
      expectError(await call('GET', '/devices', undefined, device.token), 403, 'forbidden');

      const list = await call('GET', '/devices');
      expect(list.body).not.toContain(device.token);
      expect(list.body).not.toMatch(/token/i);
      expect(list.json().find((d: { id: number }) => d.id === device.id)).toEqual({
        id: device.id,
        kind: 'kiosk',
        name: 'كشك الطابق الثاني',
        zone: 'B',
        lastSeenAt: expect.any(String),
        revoked: false,
        revokedAt: null,
      });
    });

    it('revokes a device: its token stops working', async () => {
      const device = (await call('POST', '/devices', { kind: 'display', name: 'Screen' })).json();
      const revoked = await call('POST', `/devices/${device.id}/revoke`);
      expect(revoked.statusCode).toBe(200);
      expect(revoked.json()).toMatchObject({ id: device.id, revoked: true, revokedAt: expect.any(String) });
      expect((await call('POST', `/devices/${device.id}/revoke`)).statusCode).toBe(200);
      expectError(await call('GET', '/devices', undefined, device.token), 401, 'unauthorized');
      expectError(await call('POST', '/devices/999/revoke'), 404, 'not_found');
      expectError(await call('POST', '/devices/0/revoke'), 400, 'invalid_request');
    });

    it('refuses bad fields', async () => {
      for (const body of [
        { kind: 'phone', name: 'x' },
        { kind: 'kiosk' },
        { kind: 'kiosk', name: '' },
        { kind: 'kiosk', name: HUGE },
        { kind: 'kiosk', name: 'x', zone: HUGE },
        { name: 'x' },
        null,
      ]) {
        expectError(await call('POST', '/devices', body), 400, 'invalid_request');
      }
    });
  });

  describe('printers', () => {
    const kioskId = () => hall.app.seedReport!.devices.find((d) => d.kind === 'kiosk')!.id;
    const agentId = () => hall.app.seedReport!.devices.find((d) => d.kind === 'printer')!.id;

    it('creates printers on every kind of target', async () => {
      const tcp = await call('POST', '/printers', { name: 'Counter printer', target: 'tcp://192.168.1.50:9100', widthDots: 384 });
      expect(tcp.statusCode).toBe(201);
      expect(tcp.json()).toEqual({
        id: expect.any(Number),
        name: 'Counter printer',
        target: 'tcp://192.168.1.50:9100',
        widthDots: 384,
        kioskId: null,
        status: 'unknown',
        active: true,
      });
      const file = await call('POST', '/printers', { name: 'USB', target: '/dev/usb/lp0' });
      expect(file.json()).toMatchObject({ target: '/dev/usb/lp0', widthDots: 576 });
      const named = await call('POST', '/printers', { name: 'Host', target: 'tcp://printer-1.hall.lan:9100' });
      expect(named.statusCode).toBe(201);
      const inFolder = `file:${hall.dataDir}/print/tickets.bin`; // PRINT_FILE_DIR's default: DATA_DIR/print
      const virtual = await call('POST', '/printers', { name: 'Demo', target: inFolder });
      expect(virtual.json()).toMatchObject({ target: inFolder });
      expect((await call('POST', '/printers', { name: 'Bad', target: 'file:relative.bin' })).statusCode).toBe(400);

      const kiosk = (await call('POST', '/devices', { kind: 'kiosk', name: 'Kiosk 2' })).json();
      const agent = await call('POST', '/printers', { name: 'Agent', target: `agent:${agentId()}`, kioskId: kiosk.id });
      expect(agent.statusCode).toBe(201);
      expect(agent.json()).toMatchObject({ target: `agent:${agentId()}`, kioskId: kiosk.id });

      const list = (await call('GET', '/printers')).json();
      expect(list).toHaveLength(6); // the demo printer and these five
    });

    it('binds a kiosk to one printer: the newest binding wins', async () => {
      const res = await call('POST', '/printers', { name: 'New', target: '/dev/usb/lp1', kioskId: kioskId() });
      expect(res.statusCode).toBe(201);
      const bound = (await call('GET', '/printers')).json().filter((p: { kioskId: number | null }) => p.kioskId === kioskId());
      expect(bound.map((p: { id: number }) => p.id)).toEqual([res.json().id]);
      const patched = await call('PATCH', `/printers/${res.json().id}`, { kioskId: null, widthDots: 384 });
      expect(patched.json()).toMatchObject({ kioskId: null, widthDots: 384 });
    });

    it('refuses bad targets, widths and kiosks', async () => {
      const display = hall.app.seedReport!.devices.find((d) => d.kind === 'display')!.id;
      for (const target of ['lp0', 'tcp://host', 'tcp://host:99999', 'http://x:9100', `agent:${kioskId()}`, 'agent:9999', 'agent:', 'dev/usb/lp0']) {
        const res = await call('POST', '/printers', { name: 'p', target });
        expectError(res, 400, 'invalid_request');
        expect(res.json().error.message).toContain('target');
      }
      for (const body of [
        { name: 'p', target: '/dev/usb/lp0', widthDots: 500 },
        { name: 'p', target: '/dev/usb/lp0', widthDots: '576' },
        { name: 'p', target: HUGE },
        { name: HUGE, target: '/dev/usb/lp0' },
        { target: '/dev/usb/lp0' },
        { name: 'p' },
        { name: 'p', target: '/dev/usb/lp0', kioskId: 'one' },
        { name: 'p', target: '/dev/usb/lp0', kioskId: display },
      ]) {
        expectError(await call('POST', '/printers', body), 400, 'invalid_request');
      }
      expectError(await call('POST', '/printers', { name: 'p', target: '/dev/usb/lp0', kioskId: 9999 }), 404, 'not_found');
    });

    it('lets file: printers write only in PRINT_FILE_DIR, and device printers only be /dev/usb/lp<n>', async () => {
      const printer = (await call('GET', '/printers')).json()[0];
      for (const target of [
        'file:/etc/../tmp/x',
        'file:/proc/self/mem',
        `file:${hall.dataDir}/dawr.sqlite`,
        `file:${hall.dataDir}/print/../dawr.sqlite`,
        `file:${hall.dataDir}/print`,
        '/etc/passwd',
        '/proc/self/mem',
        '/dev/sda',
        '/dev/usb/lp0/../../sda',
      ]) {
        for (const res of [await call('POST', '/printers', { name: 'p', target }), await call('PATCH', `/printers/${printer.id}`, { target })]) {
          expect(res.statusCode, target).toBe(400);
          expect(res.json().error.fields).toEqual([{ path: 'target', code: 'printer_target', message: expect.any(String) }]);
        }
      }
      const refused = await call('POST', '/printers', { name: 'p', target: 'file:/proc/self/mem' });
      expect(refused.json().error.message).toBe(`target: "file:/proc/self/mem": a file: printer must write inside ${hall.dataDir}/print (PRINT_FILE_DIR)`);
      expect((await call('GET', '/printers')).json()).toHaveLength(1);
      expect((await call('PATCH', `/printers/${printer.id}`, { target: `file:${hall.dataDir}/print/a/b.bin` })).statusCode).toBe(200);
      expectError(await call('PATCH', '/printers/9999', { name: 'x' }), 404, 'not_found');
      expect((await call('GET', '/printers')).json()).toHaveLength(1);
    });
  });

  it('answers broken or unexpected bodies with 4xx, never 500', async () => {
    const posts = ['/services', '/counters', '/users', '/devices', '/printers'];
    const patches = ['/services/1', '/counters/1', '/users/1', '/printers/1'];
    for (const [method, url] of [...posts.map((u) => ['POST', u] as const), ...patches.map((u) => ['PATCH', u] as const)]) {
      for (const payload of ['{"code": "A",', '', 'null', '"text"', '[1,2]', '{"__proto__": {"admin": true}}']) {
        const res = await hall.app.inject({ method, url: `/api/admin${url}`, headers: { ...bearer(admin), 'content-type': 'application/json' }, payload });
        expect(res.statusCode, `${method} ${url} ${payload}: ${res.body}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode).toBeLessThan(500);
        expect(res.json()).toEqual({ error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) });
      }
      const text = await hall.app.inject({ method, url: `/api/admin${url}`, headers: { ...bearer(admin), 'content-type': 'text/plain' }, payload: 'hi' });
      expect(text.statusCode).toBeGreaterThanOrEqual(400);
      expect(text.statusCode).toBeLessThan(500);
    }
  });
});
