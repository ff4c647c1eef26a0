import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { hashToken } from '../../server/security.js';
import { bearer, startHall, type TestHall } from '../helpers/hall.js';

const HOUR = 60 * 60 * 1000;
const HOST = 'hall.local:3000';

function expectError(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  // `fields` (per-field errors for forms) comes with validation errors.
  const fields = res.json().error?.fields ? { fields: expect.any(Array) } : {};
  expect(res.json()).toEqual({ error: { code, message: expect.any(String), ...fields } });
}

describe('staff and device authentication', () => {
  let hall: TestHall;
  let t: number;

  beforeEach(async () => {
    t = Date.parse('2026-03-01T06:00:00Z');
    hall = await startHall({ now: () => t });
  });
  afterEach(() => hall.close());

  const login = (payload: unknown) => hall.app.inject({ method: 'POST', url: '/api/auth/login', payload: payload as object });
  const me = (headers: Record<string, string> = {}, cookies?: Record<string, string>) =>
    hall.app.inject({ method: 'GET', url: '/api/auth/me', headers, cookies });

  it('logs in with the right password: a token, the user, and an HttpOnly strict cookie', async () => {
    const res = await login({ username: 'admin', password: hall.adminPassword });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.token).toMatch(/^stf_[\w-]{40,}$/);
    expect(body.user).toMatchObject({ id: expect.any(Number), username: 'admin', role: 'admin', displayName: expect.any(String) });
    expect(JSON.stringify(body)).not.toMatch(/scrypt|password/i);

    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toContain(`dawr_session=${body.token}`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).toMatch(/Max-Age=43200/);
    expect(cookie).not.toMatch(/Secure/i); // plain http here
  });

  it('refuses wrong credentials with one message, whoever the user', async () => {
    for (const payload of [
      { username: 'admin', password: 'wrong-password' },
      { username: 'nobody', password: hall.adminPassword },
      { username: 'ADMIN', password: hall.adminPassword },
    ]) {
      const res = await login(payload);
      expect(res.json()).toEqual({ error: { code: 'unauthorized', message: 'wrong username or password' } });
      expect(res.statusCode).toBe(401);
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('holds back one account after five wrong passwords, from whatever address, for a doubling delay', async () => {
    const from = (n: number) => ({ remoteAddress: `10.0.0.${n}` });
    const attempt = (password: string, n: number) =>
      hall.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password }, ...from(n) });
    for (let n = 1; n <= 5; n++) expect((await attempt('wrong-password', n)).statusCode).toBe(401);
    const held = await attempt(hall.adminPassword, 6); // even the right password, from a new address
    expectError(held, 429, 'rate_limited');
    expect(held.headers['retry-after']).toBe('30');
    expect((await login({ username: 'clerk', password: hall.adminPassword })).statusCode).toBe(200); // other accounts are not held

    t += 30_000;
    expect((await attempt('wrong-password', 7)).statusCode).toBe(401); // the sixth failure: twice as long
    expect((await attempt(hall.adminPassword, 8)).headers['retry-after']).toBe('60');
    t += 60_000;
    expect((await attempt(hall.adminPassword, 9)).statusCode).toBe(200);
    expect((await attempt('wrong-password', 10)).statusCode).toBe(401); // a success starts the count again
    expect((await attempt(hall.adminPassword, 11)).statusCode).toBe(200);
  });

  it('refuses a deactivated user', async () => {
    const admin = await hall.login();
    const users = (await hall.app.inject({ method: 'GET', url: '/api/admin/users', headers: bearer(admin) })).json();
    const clerk = users.find((u: { username: string }) => u.username === 'clerk');
    const clerkToken = await hall.login('clerk');
    const off = await hall.app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${clerk.id}`,
      headers: bearer(admin),
      payload: { active: false },
    });
    expect(off.statusCode).toBe(200);
    expectError(await login({ username: 'clerk', password: hall.adminPassword }), 401, 'unauthorized');
    expectError(await me(bearer(clerkToken)), 401, 'unauthorized');
  });

  it('answers 400 to a malformed login', async () => {
    expectError(await login({ username: 'admin' }), 400, 'invalid_request');
    expectError(await login({ username: 'admin', password: 'x'.repeat(100_000) }), 400, 'invalid_request');
    expectError(await login({ username: 42, password: 'x' }), 400, 'invalid_request');
    const broken = await hall.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "admin",',
    });
    expectError(broken, 400, 'invalid_request');
  });

  it('accepts the token as a bearer and as the cookie', async () => {
    const token = await hall.login('supervisor');
    const byBearer = await me(bearer(token));
    expect(byBearer.statusCode).toBe(200);
    expect(byBearer.json()).toMatchObject({ username: 'supervisor', role: 'supervisor' });
    const byCookie = await me({}, { dawr_session: token });
    expect(byCookie.statusCode).toBe(200);
    expect(byCookie.json()).toMatchObject({ username: 'supervisor' });
  });

  it('answers 401 without a token or with a bad one', async () => {
    expectError(await me(), 401, 'unauthorized');
    expectError(await me(bearer('stf_not-a-real-token')), 401, 'unauthorized');
    expectError(await me({ authorization: 'Basic YWRtaW46YWRtaW4=' }), 401, 'unauthorized');
    expectError(await me({}, { dawr_session: 'garbage' }), 401, 'unauthorized');
  });

  it('logout ends the session and clears the cookie', async () => {
    const token = await hall.login('clerk');
    const res = await hall.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(token) });
    expect(res.statusCode).toBe(204);
    expect(String(res.headers['set-cookie'])).toMatch(/dawr_session=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/i);
    expectError(await me(bearer(token)), 401, 'unauthorized');
    expectError(await me({}, { dawr_session: token }), 401, 'unauthorized');
  });

  it('refuses a session after its 12 hours', async () => {
    const token = await hall.login('clerk');
    t += 12 * HOUR - 1000;
    expect((await me(bearer(token))).statusCode).toBe(200);
    t += 1000;
    expectError(await me(bearer(token)), 401, 'unauthorized');
    expectError(await me({}, { dawr_session: token }), 401, 'unauthorized');
  });

  it('stores only digests of session tokens and scrypt hashes of passwords', async () => {
    const token = await hall.login('clerk');
    const rows = hall.app.conn.sqlite.prepare('SELECT * FROM sessions').all();
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(token);
    expect(dump).not.toContain(token.slice(4));
    expect(dump).toContain(hashToken(token));

    const users = hall.app.conn.sqlite.prepare('SELECT password_hash FROM users').all() as { password_hash: string }[];
    expect(users.length).toBeGreaterThan(0);
    for (const u of users) {
      expect(u.password_hash).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
      expect(u.password_hash).not.toContain(hall.adminPassword);
    }
    const devices = JSON.stringify(hall.app.conn.sqlite.prepare('SELECT * FROM devices').all());
    for (const deviceToken of Object.values(hall.tokens)) expect(devices).not.toContain(deviceToken);
  });

  describe('cookie writes from another site', () => {
    const logout = (headers: Record<string, string>, token: string) =>
      hall.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { host: HOST, ...headers }, cookies: { dawr_session: token } });

    it('refuses a cookie POST from another origin, or from nowhere', async () => {
      const token = await hall.login('clerk');
      const cases: Record<string, string>[] = [
        { origin: 'https://evil.example' },
        { origin: 'http://hall.local:3001' },
        { origin: 'null' },
        { referer: 'https://evil.example/hall.local:3000/' },
        {},
      ];
      for (const headers of cases) {
        const res = await logout(headers, token);
        expectError(res, 403, 'forbidden');
        expect(res.json().error.message).toMatch(/cross-site request refused/);
      }
      // None of them did anything: the session still works.
      expect((await me(bearer(token))).statusCode).toBe(200);
    });

    it('refuses a cookie write on an admin route from another origin', async () => {
      const token = await hall.login();
      const res = await hall.app.inject({
        method: 'POST',
        url: '/api/admin/services',
        headers: { host: HOST, origin: 'https://evil.example' },
        cookies: { dawr_session: token },
        payload: { code: 'X', name: { ar: 'س', en: 'X' } },
      });
      expectError(res, 403, 'forbidden');
      const list = await hall.app.inject({ method: 'GET', url: '/api/admin/services', headers: bearer(token) });
      expect(list.json().map((s: { code: string }) => s.code)).not.toContain('X');
    });

    it('allows a same-origin cookie POST (by Origin or by Referer)', async () => {
      const first = await hall.login('clerk');
      expect((await logout({ origin: `http://${HOST}` }, first)).statusCode).toBe(204);
      const second = await hall.login('clerk');
      expect((await logout({ referer: `http://${HOST}/clerk/?lang=en` }, second)).statusCode).toBe(204);
    });

    it('leaves cookie reads and bearer writes alone', async () => {
      const token = await hall.login('clerk');
      const read = await hall.app.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: { host: HOST, origin: 'https://evil.example' },
        cookies: { dawr_session: token },
      });
      expect(read.statusCode).toBe(200);
      const write = await hall.app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { host: HOST, origin: 'https://evil.example', ...bearer(token) },
      });
      expect(write.statusCode).toBe(204);
    });
  });

  describe('device tokens', () => {
    it('a kiosk may not use staff routes', async () => {
      expectError(await hall.app.inject({ method: 'GET', url: '/api/admin/services', headers: bearer(hall.tokens.kiosk) }), 403, 'forbidden');
      expectError(await me(bearer(hall.tokens.display)), 403, 'forbidden');
    });

    it('a device token is not accepted as a cookie', async () => {
      expectError(await me({}, { dawr_session: hall.tokens.kiosk }), 401, 'unauthorized');
    });

    it('a revoked device token is refused', async () => {
      const admin = await hall.login();
      const created = await hall.app.inject({
        method: 'POST',
        url: '/api/admin/devices',
        headers: bearer(admin),
        payload: { kind: 'kiosk', name: 'Side door kiosk' },
      });
      const { id, token } = created.json();
      const probe = () => hall.app.inject({ method: 'GET', url: '/api/admin/counters', headers: bearer(token) });
      expectError(await probe(), 403, 'forbidden'); // known, just not allowed there
      const revoked = await hall.app.inject({ method: 'POST', url: `/api/admin/devices/${id}/revoke`, headers: bearer(admin) });
      expect(revoked.statusCode).toBe(200);
      expectError(await probe(), 401, 'unauthorized');
    });

    it('records when a device was last seen, at most once a minute', async () => {
      const admin = await hall.login();
      const kioskId = hall.app.seedReport!.devices.find((d) => d.kind === 'kiosk')!.id;
      const lastSeen = () =>
        (hall.app.conn.sqlite.prepare('SELECT last_seen_at FROM devices WHERE id = ?').get(kioskId) as { last_seen_at: number | null })
          .last_seen_at;
      expect(lastSeen()).toBeNull();
      const seen = () => hall.app.inject({ method: 'GET', url: '/api/health', headers: bearer(hall.tokens.kiosk) });
      await seen();
      expect(lastSeen()).toBe(t);
      const first = t;
      t += 30_000;
      await seen();
      expect(lastSeen()).toBe(first);
      t += 30_000;
      await seen();
      expect(lastSeen()).toBe(t);
      const list = await hall.app.inject({ method: 'GET', url: '/api/admin/devices', headers: bearer(admin) });
      expect(list.json().find((d: { id: number }) => d.id === kioskId).lastSeenAt).toMatch(/^2026-03-01T\d\d:\d\d:\d\d\.\d{3}\+\d\d:\d\d$/);
    });
  });

  it('rate-limits login attempts per address with 429 rate_limited', async () => {
    for (let i = 0; i < 10; i++) {
      const res = await login({ username: 'admin', password: i % 2 ? 'wrong-password' : hall.adminPassword });
      expect([200, 401]).toContain(res.statusCode);
    }
    const res = await login({ username: 'admin', password: hall.adminPassword });
    expectError(res, 429, 'rate_limited');
    // Another address is not affected.
    const other = await hall.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '10.0.0.7',
      payload: { username: 'admin', password: hall.adminPassword },
    });
    expect(other.statusCode).toBe(200);
  });
});
