import { describe, expect, it } from 'vitest';
import { bearer, clockedHall } from '../helpers/hall.js';

// No-show over HTTP on a real SQLite file: confirmed when it may be a slip of a finger, and
// returned to its place in line by the clerk who marked it (for 10 minutes) or a supervisor (that
// business day).

const B = 1; // served by counters 1, 2, 3, 8

const h = clockedHall();
let keys = 0;

const send = (method: 'GET' | 'POST' | 'PATCH', url: string, token = h.clerk, payload?: object, headers = {}) =>
  h.hall.app.inject({ method, url, headers: { ...bearer(token), ...headers }, ...(payload ? { payload } : {}) });
const post = (url: string, token = h.clerk, payload?: object, headers = {}) => send('POST', url, token, payload, headers);

async function ok(res: Awaited<ReturnType<typeof post>>, status = 200) {
  if (res.statusCode !== status) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json();
}

async function issue(serviceId = B) {
  return ok(await post('/api/tickets', h.hall.tokens.kiosk, { serviceId }, { 'idempotency-key': `k${++keys}` }), 201);
}

const events = (ticketId: number) =>
  h.hall.app.conn.sqlite
    .prepare('SELECT type, from_status, to_status, user_id, details FROM ticket_events WHERE ticket_id = ? ORDER BY id')
    .all(ticketId) as { type: string; from_status: string; to_status: string; user_id: number | null; details: string | null }[];

const userId = (username: string) =>
  (h.hall.app.conn.sqlite.prepare('SELECT id FROM users WHERE username = ?').get(username) as { id: number }).id;

/** Issues a ticket, calls it at counter 1 and marks it no-show once the minimum time has passed. */
async function noShow(token = h.clerk) {
  const t = await issue();
  expect((await ok(await post('/api/counters/1/next', token))).id).toBe(t.id);
  h.tick(60_000);
  await ok(await post(`/api/tickets/${t.id}/no-show`, token));
  return t;
}

describe('a no-show soon after the call', () => {
  it('is refused unless confirmed, recalled or past the hall\'s minimum time (default 60 s)', async () => {
    const t = await issue();
    await ok(await post('/api/counters/1/next'));
    h.tick(59_000);
    const refused = await post(`/api/tickets/${t.id}/no-show`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'confirmation_required', message: expect.stringContaining('"confirmed": true') });
    expect((await post(`/api/tickets/${t.id}/no-show`, h.clerk, { confirmed: 'yes' })).statusCode).toBe(400);
    expect(await ok(await post(`/api/tickets/${t.id}/no-show`, h.clerk, { confirmed: true }))).toMatchObject({ status: 'no_show' });
    expect(JSON.parse(events(t.id).at(-1)!.details!)).toEqual({ confirmed: true });

    const recalled = await issue();
    await ok(await post('/api/counters/1/next'));
    await ok(await post(`/api/tickets/${recalled.id}/recall`));
    expect(await ok(await post(`/api/tickets/${recalled.id}/no-show`))).toMatchObject({ status: 'no_show' });

    const waited = await issue();
    await ok(await post('/api/counters/1/next'));
    h.tick(60_000);
    expect(await ok(await post(`/api/tickets/${waited.id}/no-show`))).toMatchObject({ status: 'no_show' });
  });

  it('follows the setting the admin edits; 0 never asks', async () => {
    const admin = await h.hall.login('admin');
    const patched = await ok(await send('PATCH', '/api/admin/hall', admin, { settings: { noShowMinSeconds: 0 } }));
    expect(patched.settings.noShowMinSeconds).toBe(0);
    expect(await ok(await send('GET', '/api/staff/settings'))).toMatchObject({ noShowMinSeconds: 0 });
    const t = await issue();
    await ok(await post('/api/counters/1/next'));
    expect(await ok(await post(`/api/tickets/${t.id}/no-show`))).toMatchObject({ status: 'no_show' });
    const bad = await send('PATCH', '/api/admin/hall', admin, { settings: { noShowMinSeconds: -1 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toMatchObject([{ path: 'settings.noShowMinSeconds' }]);
  });
});

describe('returning a no-show to the line', () => {
  it('puts it back in its place by issue time, with the event in its history', async () => {
    const first = await issue();
    h.tick(60_000);
    const others = [await issue(), await issue()];
    h.tick(60_000);
    await ok(await post('/api/counters/1/next'));
    h.tick(90_000);
    await ok(await post(`/api/tickets/${first.id}/no-show`));
    h.tick(60_000);
    const back = await ok(await post(`/api/tickets/${first.id}/requeue`));
    expect(back).toMatchObject({ id: first.id, status: 'waiting', serviceId: B, issuedAt: first.issuedAt, ahead: 0 });

    const line = (await ok(await send('GET', `/api/tickets?status=waiting&serviceId=${B}`))) as { id: number; issuedAt: string }[];
    const byIssue = [...line].sort((a, b) => Date.parse(a.issuedAt) - Date.parse(b.issuedAt) || a.id - b.id);
    expect(line.map((t) => t.id)).toEqual(byIssue.map((t) => t.id));
    expect(line.map((t) => t.id)).toEqual([first.id, ...others.map((t) => t.id)]);
    expect((await ok(await post('/api/counters/2/next'))).id).toBe(first.id); // first in line again

    expect(events(first.id).map((e) => [e.type, e.from_status, e.to_status])).toEqual([
      ['issue', null, 'waiting'],
      ['call', 'waiting', 'called'],
      ['no_show', 'called', 'no_show'],
      ['requeue', 'no_show', 'waiting'],
      ['call', 'waiting', 'called'],
    ]);
    expect(events(first.id)[3]!.user_id).toBe(userId('clerk'));
  });

  it('is the marking clerk\'s for 10 minutes, then a clear 409', async () => {
    const t = await noShow();
    h.tick(10 * 60_000 + 1_000);
    const late = await post(`/api/tickets/${t.id}/requeue`);
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: 'too_late', message: expect.stringContaining('supervisor') });
  });

  it('is refused to another clerk (403)', async () => {
    const admin = await h.hall.login('admin');
    await ok(await post('/api/admin/users', admin, { username: 'clerk2', password: 'another-pass-1', role: 'clerk' }), 201);
    const other = await h.hall.login('clerk2', 'another-pass-1');
    const t = await noShow();
    const refused = await post(`/api/tickets/${t.id}/requeue`, other);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'forbidden', message: expect.stringContaining('the clerk who marked') });
    expect((await ok(await send('GET', `/api/tickets/${t.id}`))).status).toBe('no_show');
  });

  it('is a supervisor\'s all the business day, not the next', async () => {
    const late = await noShow();
    h.tick(3 * 3600_000);
    expect(await ok(await post(`/api/tickets/${late.id}/requeue`, h.supervisor))).toMatchObject({ status: 'waiting' });
    expect(events(late.id).at(-1)).toMatchObject({ type: 'requeue', user_id: userId('supervisor') });

    await ok(await post('/api/counters/1/next'));
    h.tick(60_000);
    await ok(await post(`/api/tickets/${late.id}/no-show`));
    h.tick(24 * 3600_000);
    h.supervisor = await h.hall.login('supervisor'); // sessions last a working day
    const refused = await post(`/api/tickets/${late.id}/requeue`, h.supervisor);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'too_late', message: expect.stringContaining('on the day it was marked') });
  });

  it('counts in the clerk\'s day once, as what it finally was', async () => {
    const t = await noShow();
    expect(await ok(await send('GET', '/api/me/stats'))).toMatchObject({ servedToday: 0, noShowToday: 1 });
    await ok(await post(`/api/tickets/${t.id}/requeue`));
    expect(await ok(await send('GET', '/api/me/stats'))).toMatchObject({ servedToday: 0, noShowToday: 0 });
    await ok(await post('/api/counters/1/next'));
    await ok(await post(`/api/tickets/${t.id}/complete`, h.clerk, {}));
    expect(await ok(await send('GET', '/api/me/stats'))).toMatchObject({ servedToday: 1, noShowToday: 0 });
  });
});
