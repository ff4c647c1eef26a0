import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bearer, startHall, type TestHall } from '../helpers/hall.js';

// What a counter's clerk is qualified for (issue 18): set by the admin, always including what the
// counter serves; the staffing advisor never goes beyond it.

describe('qualified services per counter', () => {
  let hall: TestHall;
  let admin: string;
  let ids: number[];
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object, token = admin) =>
    hall.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });
  const stored = (counterId: number) =>
    hall.app.conn.sqlite.prepare('SELECT qualified_service_ids AS q, services_changed_at AS at FROM counters WHERE id = ?').get(counterId) as {
      q: string;
      at: number | null;
    };

  beforeEach(async () => {
    hall = await startHall();
    admin = await hall.login();
    ids = (await call('GET', '/api/admin/services')).json().map((s: { id: number }) => s.id);
  });
  afterEach(() => hall.close());

  it('defaults to the services served, and the admin sets a wider list', async () => {
    const [b, p, f] = ids;
    const plain = await call('POST', '/api/admin/counters', { number: 30, serviceIds: [b] });
    expect(plain.json()).toMatchObject({ serviceIds: [b], qualifiedServiceIds: [b] });

    const wide = await call('POST', '/api/admin/counters', { number: 31, serviceIds: [b], qualifiedServiceIds: [b, p, f] });
    expect(wide.statusCode, wide.body).toBe(201);
    expect(wide.json()).toMatchObject({ serviceIds: [b], qualifiedServiceIds: [b, p, f] });

    const patched = await call('PATCH', `/api/admin/counters/${plain.json().id}`, { qualifiedServiceIds: [b, f] });
    expect(patched.json()).toMatchObject({ serviceIds: [b], qualifiedServiceIds: [b, f] });
    expect(JSON.parse(stored(plain.json().id).q)).toEqual([b, f]);
    const list = (await call('GET', '/api/admin/counters')).json();
    expect(list.find((c: { number: number }) => c.number === 31).qualifiedServiceIds).toEqual([b, p, f]);
  });

  it('refuses a list without the counter’s own services or with an unknown service: 400 naming the field', async () => {
    const [b, p] = ids;
    const counter = (await call('POST', '/api/admin/counters', { number: 32, serviceIds: [b, p] })).json();
    for (const res of [
      await call('POST', '/api/admin/counters', { number: 33, serviceIds: [b, p], qualifiedServiceIds: [b] }),
      await call('POST', '/api/admin/counters', { number: 33, serviceIds: [b], qualifiedServiceIds: [b, 424242] }),
      await call('PATCH', `/api/admin/counters/${counter.id}`, { qualifiedServiceIds: [p] }),
      await call('PATCH', `/api/admin/counters/${counter.id}`, { serviceIds: [b], qualifiedServiceIds: [p] }),
    ]) {
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'invalid_request', fields: [expect.objectContaining({ path: 'qualifiedServiceIds' })] });
      expect(res.json().error.message).toContain('qualifiedServiceIds');
    }
    const bad = await call('POST', '/api/admin/counters', { number: 33, serviceIds: [b], qualifiedServiceIds: [b, b] });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('qualifiedServiceIds');
    expect((await call('GET', '/api/admin/counters')).json().some((c: { number: number }) => c.number === 33)).toBe(false);
    expect(JSON.parse(stored(counter.id).q)).toEqual([b, p]);
  });

  it('keeps what a counter serves among its qualified services, and records when its services change', async () => {
    const [b, p, f] = ids;
    const counter = (await call('POST', '/api/admin/counters', { number: 34, serviceIds: [b], qualifiedServiceIds: [b, p] })).json();
    expect(stored(counter.id).at).toBeNull();

    const supervisor = await hall.login('supervisor');
    const put = await call('PUT', `/api/counters/${counter.id}/services`, { serviceIds: [f] }, supervisor);
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ serviceIds: [f], qualifiedServiceIds: [f, b, p] });
    expect(stored(counter.id).at).toEqual(expect.any(Number));

    hall.app.conn.sqlite.prepare('UPDATE counters SET services_changed_at = NULL WHERE id = ?').run(counter.id);
    const patched = await call('PATCH', `/api/admin/counters/${counter.id}`, { serviceIds: [b] });
    expect(patched.json()).toMatchObject({ serviceIds: [b], qualifiedServiceIds: [b, f, p] });
    expect(stored(counter.id).at).toEqual(expect.any(Number));

    // The admin's form sends the services with every edit: the same list is no change.
    hall.app.conn.sqlite.prepare('UPDATE counters SET services_changed_at = NULL WHERE id = ?').run(counter.id);
    expect((await call('PATCH', `/api/admin/counters/${counter.id}`, { serviceIds: [b], name: 'Desk' })).statusCode).toBe(200);
    expect((await call('PUT', `/api/counters/${counter.id}/services`, { serviceIds: [b] }, supervisor)).statusCode).toBe(200);
    expect(stored(counter.id).at).toBeNull();
  });
});
