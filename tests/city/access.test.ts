import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCity, stopTestPostgres, type TestCity } from '../helpers/city.js';
import { batch, call, cityLogin, createHall } from './fixture.js';

// Who may do what on the city: halls ship and pull, staff read, the admin changes.

let city: TestCity;
let admin: string;
let hall: { id: number; token: string };
beforeAll(async () => {
  city = await startCity();
  admin = await cityLogin(city);
  hall = await createHall(city, admin);
});
afterAll(async () => {
  await city.close();
  await stopTestPostgres();
});

const STAFF_ROUTES: [string, string][] = [
  ['GET', '/api/city/board'],
  ['GET', '/api/city/halls'],
  ['GET', '/api/city/services'],
  ['GET', '/api/city/reports/summary?from=2026-12-01&to=2026-12-01'],
  ['GET', '/api/auth/me'],
];

describe('city access', () => {
  it('logs staff in with a token and a cookie, as a hall does; a wrong password is 401', async () => {
    const res = await fetch(`${city.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: city.adminPassword }) });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/^dawr_session=stf_/);
    const body = (await res.json()) as { token: string; user: { username: string; role: string } };
    expect(body.user).toMatchObject({ username: 'admin', role: 'admin' });
    expect((await call(city, 'GET', '/api/auth/me', body.token)).json().username).toBe('admin');
    expect((await call(city, 'POST', '/api/auth/login', undefined, { username: 'admin', password: 'wrong-password-1' })).status).toBe(401);
    expect((await call(city, 'POST', '/api/auth/logout', body.token)).status).toBe(204);
    expect((await call(city, 'GET', '/api/auth/me', body.token)).status).toBe(401);
  });

  it('refuses a write carried by the session cookie from another site', async () => {
    const body = JSON.stringify({ name: { ar: 'ق', en: 'Forged hall' }, timeZone: 'Asia/Damascus' });
    const headers = { cookie: `dawr_session=${admin}`, 'content-type': 'application/json' };
    const forged = await fetch(`${city.url}/api/city/halls`, { method: 'POST', body, headers: { ...headers, origin: 'https://evil.example' } });
    expect(forged.status).toBe(403);
    const own = await fetch(`${city.url}/api/city/halls`, { method: 'POST', body, headers: { ...headers, origin: city.url } });
    expect(own.status).toBe(201);
  });

  it.each(STAFF_ROUTES)('a hall token gets 403 on %s %s', async (method, path) => {
    const res = await call(city, method, path, hall.token);
    expect(res.status).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
  });

  it('a hall token cannot create halls nor publish the catalogue', async () => {
    expect((await call(city, 'POST', '/api/city/halls', hall.token, { name: { ar: 'س', en: 'X' }, timeZone: 'Asia/Damascus' })).status).toBe(403);
    expect((await call(city, 'PUT', '/api/city/services', hall.token, [])).status).toBe(403);
  });

  it('city staff cannot ship events nor pull the configuration as a hall', async () => {
    expect((await call(city, 'POST', '/api/city/hall/events', admin, batch([]))).status).toBe(403);
    expect((await call(city, 'GET', '/api/city/hall/config?since=0', admin)).status).toBe(403);
  });

  it('anonymous callers get 401 on staff and hall routes; a replaced hall token stops working', async () => {
    expect((await call(city, 'GET', '/api/city/board')).status).toBe(401);
    expect((await call(city, 'POST', '/api/city/hall/events', undefined, batch([]))).status).toBe(401);
    const other = await createHall(city, admin, 'Hall to re-token');
    const replaced = await call(city, 'POST', `/api/city/halls/${other.id}/token`, admin);
    expect(replaced.status).toBe(200);
    expect((await call(city, 'POST', '/api/city/hall/events', other.token, batch([]))).status).toBe(401);
    expect((await call(city, 'POST', '/api/city/hall/events', replaced.json().token, batch([]))).status).toBe(200);
  });

  it('shows a new hall its token once, stores only its digest', async () => {
    const created = await createHall(city, admin, 'Hall with a secret');
    expect(created.token).toMatch(/^hall_/);
    const listed = (await call(city, 'GET', '/api/city/halls', admin)).text;
    expect(listed).not.toContain(created.token);
    const { rows } = await city.app.city.pool.query('SELECT token_hash FROM halls WHERE id = $1', [created.id]);
    expect(rows[0].token_hash).not.toContain(created.token);
  });

  it('refuses bad input with 400 naming the field, never 500', async () => {
    const badZone = await call(city, 'POST', '/api/city/halls', admin, { name: { ar: 'ق', en: 'H' }, timeZone: 'Mars/Olympus' });
    expect(badZone.status).toBe(400);
    expect(badZone.json().error.message).toContain('timeZone');
    const twice = await call(city, 'PUT', '/api/city/services', admin, [
      { code: 'B', name: { ar: 'ب', en: 'B' }, targetWaitMinutes: 10 },
      { code: 'B', name: { ar: 'ب', en: 'B' }, targetWaitMinutes: 10 },
    ]);
    expect(twice.status).toBe(400);
    expect(twice.json().error.message).toContain('1.code');
    const range = await call(city, 'GET', '/api/city/reports/summary?from=2026-12-02&to=2026-12-01', admin);
    expect(range.status).toBe(400);
    expect(range.json().error.message).toContain('to');
    expect((await call(city, 'GET', '/api/city/reports/summary?from=2026-12-01&to=2026-12-01&groupBy=clerk', admin)).status).toBe(400);
    expect((await call(city, 'GET', '/api/city/hall/config?since=-1', hall.token)).status).toBe(400);
    expect((await call(city, 'PATCH', '/api/city/halls/999999', admin, { name: { ar: 'ق', en: 'H' } })).status).toBe(404);
    expect((await call(city, 'GET', '/api/city/reports/summary?from=2026-12-01&to=2026-12-01&hallId=999999', admin)).status).toBe(404);
  });
});

describe('city staff accounts', () => {
  it('lets the admin add staff, whose role decides what they may do', async () => {
    const created = await call(city, 'POST', '/api/city/users', admin, { username: 'reem', password: 'amber-lantern-42', role: 'clerk', displayName: 'ريم' });
    expect(created.status).toBe(201);
    expect(created.json()).toMatchObject({ username: 'reem', role: 'clerk', active: true });
    const reem = await cityLogin(city, 'reem', 'amber-lantern-42');
    expect((await call(city, 'GET', '/api/city/board', reem)).status).toBe(200);
    expect((await call(city, 'GET', '/api/city/reports/summary?from=2026-12-01&to=2026-12-01', reem)).status).toBe(200);
    expect((await call(city, 'POST', '/api/city/halls', reem, { name: { ar: 'ق', en: 'H' }, timeZone: 'Asia/Damascus' })).status).toBe(403);
    expect((await call(city, 'PUT', '/api/city/services', reem, [])).status).toBe(403);
    expect((await call(city, 'GET', '/api/city/users', reem)).status).toBe(403);
    const off = await call(city, 'PATCH', `/api/city/users/${created.json().id}`, admin, { active: false });
    expect(off.json().active).toBe(false);
    expect((await call(city, 'GET', '/api/city/board', reem)).status).toBe(401);
  });

  it('refuses a taken username (409), a common password (400), and demoting the last admin (409)', async () => {
    const taken = await call(city, 'POST', '/api/city/users', admin, { username: 'admin', password: 'amber-lantern-42', role: 'clerk' });
    expect(taken.status).toBe(409);
    expect(taken.json().error.fields[0]).toMatchObject({ path: 'username', code: 'duplicate' });
    const weak = await call(city, 'POST', '/api/city/users', admin, { username: 'sami', password: 'password123', role: 'clerk' });
    expect(weak.status).toBe(400);
    expect(weak.json().error.fields[0].path).toBe('password');
    const me = (await call(city, 'GET', '/api/auth/me', admin)).json();
    const demote = await call(city, 'PATCH', `/api/city/users/${me.id}`, admin, { role: 'clerk' });
    expect(demote.status).toBe(409);
    expect(demote.json().error.fields[0]).toMatchObject({ path: 'role', code: 'last_admin' });
  });
});

describe('the catalogue', () => {
  it('publishes versions that a hall pulls with since=, and 204 once it has the newest', async () => {
    const services = [{ code: 'B', name: { ar: 'رخص البناء', en: 'Building permits' }, targetWaitMinutes: 20 }];
    const first = await call(city, 'PUT', '/api/city/services', admin, services);
    expect(first.status).toBe(200);
    const v1 = first.json().version as number;
    const second = await call(city, 'PUT', '/api/city/services', admin, [...services, { code: 'F', name: { ar: 'الرسوم والضرائب', en: 'Fees and taxes' }, targetWaitMinutes: 10 }]);
    const v2 = second.json().version as number;
    expect(v2).toBe(v1 + 1);
    const pulled = await call(city, 'GET', `/api/city/hall/config?since=${v1}`, hall.token);
    expect(pulled.status).toBe(200);
    expect(pulled.json()).toMatchObject({ version: v2, services: [{ code: 'B' }, { code: 'F' }] });
    expect((await call(city, 'GET', `/api/city/hall/config?since=${v2}`, hall.token)).status).toBe(204);
    expect((await call(city, 'POST', '/api/city/hall/events', hall.token, batch([]))).json().configVersion).toBe(v2);
    expect((await call(city, 'GET', '/api/city/services', admin)).json()).toMatchObject({ version: v2 });
  });
});

describe('the city pages', () => {
  it('serves /city/ (or says it is not built) under the hall’s CSP, without upgrade-insecure-requests', async () => {
    const res = await fetch(`${city.url}/city/`);
    expect([200, 503]).toContain(res.status);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });
});
