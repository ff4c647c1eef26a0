import { describe, expect, it } from 'vitest';
import { bearer, clockedHall } from '../helpers/hall.js';
import { busyMorning, D, F, HELPER } from '../helpers/advice-hall.js';
import { LiveHall } from '../realtime/client.js';

// The staffing advice in the live hall (issue 18): shown to supervisors, applied or dismissed
// through /api/advice, logged with what followed. The assertions hold for any advisor that moves
// a clerk in the hall busyMorning builds: none depends on its figures.

const h = clockedHall();

const send = (method: 'GET' | 'POST' | 'PUT', url: string, token?: string, payload?: object) =>
  h.hall.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload ? { payload } : {}) });

async function json(res: Awaited<ReturnType<typeof send>>, status = 200) {
  if (res.statusCode !== status) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json();
}

async function morning() {
  const staff = { admin: await h.hall.login(), clerk: h.clerk, supervisor: h.supervisor, kiosk: h.hall.tokens.kiosk };
  await busyMorning(h.hall.app, staff, h.tick);
  await h.hall.app.advice.check();
  const shown = await json(await send('GET', '/api/advice', h.supervisor));
  const help = shown.find((a: any) => a.kind === 'add-service' && a.counterId === HELPER && a.serviceIds[0] === D);
  expect(help, JSON.stringify(shown)).toBeDefined();
  return { staff, shown, help };
}

const servicesOf = async (counterId: number) =>
  (await json(await send('GET', '/api/counters', h.clerk))).find((c: { id: number }) => c.id === counterId).serviceIds;

describe('the staffing advice', () => {
  it('is for supervisors and admins: 401 without a token, 403 to a clerk', async () => {
    for (const [method, url] of [
      ['GET', '/api/advice'],
      ['GET', '/api/advice/log'],
      ['POST', '/api/advice/1/apply'],
      ['POST', '/api/advice/1/dismiss'],
    ] as const) {
      expect((await send(method, url)).statusCode, url).toBe(401);
      const clerk = await send(method, url, h.clerk);
      expect(clerk.statusCode, url).toBe(403);
      expect(clerk.json().error.code).toBe('forbidden');
    }
    expect((await send('GET', '/api/advice', await h.hall.login())).statusCode).toBe(200);
  });

  it('shows at most two recommendations, within the counters’ qualifications, with their expected effect', async () => {
    const { shown, help } = await morning();
    expect(shown.length).toBeLessThanOrEqual(2);
    expect(help).toMatchObject({ counterNumber: 4, forMinutes: expect.any(Number), effect: { serviceId: D }, shownAt: expect.stringMatching(/\+03:00$/) });
    expect(help.effect.waitAfterS).toBeLessThan(help.effect.waitBeforeS);
    const counters = await json(await send('GET', '/api/counters', h.clerk));
    for (const a of shown.filter((x: any) => x.kind === 'add-service')) {
      expect(counters.find((c: any) => c.id === a.counterId).qualifiedServiceIds).toContain(a.serviceIds[0]);
    }
    // Asked again with nothing changed, the same advice keeps its id.
    h.tick(11 * 60_000);
    await h.hall.app.advice.check();
    const again = await json(await send('GET', '/api/advice', h.supervisor));
    expect(again.find((a: any) => a.kind === 'add-service' && a.counterId === HELPER)?.id).toBe(help.id);
  });

  it('applied, changes the counter’s services and logs who applied it; a second decision is 409', async () => {
    const { help } = await morning();
    expect(await servicesOf(HELPER)).toEqual([F]);
    const applied = await json(await send('POST', `/api/advice/${help.id}/apply`, h.supervisor));
    expect(applied.counter).toMatchObject({ id: HELPER, serviceIds: [F, D] });
    expect(applied.advice).toMatchObject({ id: help.id, status: 'applied', decidedBy: { name: expect.any(String) }, decidedAt: expect.any(String) });
    expect(await servicesOf(HELPER)).toEqual([F, D]);
    expect((await json(await send('GET', '/api/advice', h.supervisor))).some((a: any) => a.id === help.id)).toBe(false);

    for (const url of [`/api/advice/${help.id}/apply`, `/api/advice/${help.id}/dismiss`]) {
      const again = await send('POST', url, h.supervisor);
      expect(again.statusCode).toBe(409);
      expect(again.json().error).toMatchObject({ code: 'advice_decided', message: expect.stringContaining('applied') });
    }
    expect((await send('POST', '/api/advice/424242/apply', h.supervisor)).statusCode).toBe(404);
    const bad = await send('POST', '/api/advice/abc/apply', h.supervisor);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid_request');
    expect((await send('GET', '/api/advice/log?limit=0', h.supervisor)).statusCode).toBe(400);

    // What followed: once its window is over, the helped service's waits in it.
    await json(await send('POST', `/api/counters/${HELPER}/next`, h.supervisor));
    h.tick(help.forMinutes * 60_000);
    await h.hall.app.advice.check();
    const log = await json(await send('GET', '/api/advice/log', h.supervisor));
    expect(log.find((e: any) => e.id === help.id)).toMatchObject({ status: 'applied', followed: { calls: 1, waitS: expect.any(Number) } });
    expect(log.find((e: any) => e.id === help.id).followed.waitS).toBeGreaterThan(30 * 60);
  });

  it('dismissed, goes away and is not shown again at the next run; the log says so', async () => {
    const { help } = await morning();
    const dismissed = await json(await send('POST', `/api/advice/${help.id}/dismiss`, h.supervisor));
    expect(dismissed).toMatchObject({ id: help.id, status: 'dismissed', followed: null });
    expect(await servicesOf(HELPER)).toEqual([F]);
    h.tick(11 * 60_000);
    await h.hall.app.advice.check();
    const shown = await json(await send('GET', '/api/advice', h.supervisor));
    expect(shown.some((a: any) => a.kind === 'add-service' && a.counterId === HELPER && a.serviceIds[0] === D)).toBe(false);
    const log = await json(await send('GET', '/api/advice/log', h.supervisor));
    expect(log.find((e: any) => e.id === help.id)).toMatchObject({ status: 'dismissed', decidedBy: expect.any(Object) });
  });

  it('is refused as stale (409) once its counter changed another way, and does not change it', async () => {
    const { help } = await morning();
    await json(await send('PUT', `/api/counters/${HELPER}/services`, h.supervisor, { serviceIds: [D, F] }));
    const res = await send('POST', `/api/advice/${help.id}/apply`, h.supervisor);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('advice_stale');
    expect(await servicesOf(HELPER)).toEqual([D, F]);
  });

  it('is made again by itself, off the request, when a counter opens, closes, pauses or changes services', async () => {
    const staff = { admin: await h.hall.login(), clerk: h.clerk, supervisor: h.supervisor, kiosk: h.hall.tokens.kiosk };
    await busyMorning(h.hall.app, staff, h.tick);
    await h.hall.app.advice.check();
    const before = await json(await send('GET', '/api/advice', h.supervisor));
    for (const a of before) await json(await send('POST', `/api/advice/${a.id}/dismiss`, h.supervisor));
    h.tick(31 * 60_000); // dismissals lapse; the advisor is not asked until something changes
    expect(await json(await send('GET', '/api/advice', h.supervisor))).toEqual([]);
    await json(await send('POST', '/api/counters/5/open', staff.admin));
    await expect
      .poll(async () => (await json(await send('GET', '/api/advice', h.supervisor))).length, { timeout: 5000 })
      .toBeGreaterThan(0);
  });

  it('reaches supervisors live as `advice` (on connect and on change), never a clerk', async () => {
    const live = await LiveHall.start(() => h.now);
    try {
      const supervisor = await live.hall.login('supervisor');
      const clerk = await live.hall.login('clerk');
      const watching = await live.connect('/staff', { token: supervisor });
      const clerkSocket = await live.connect('/staff', { token: clerk });
      expect(await watching.inbox.next('advice')).toEqual([]);
      const staff = { admin: await live.hall.login(), clerk, supervisor, kiosk: live.hall.tokens.kiosk };
      await busyMorning(live.hall.app, staff, h.tick);
      await live.hall.app.advice.check();
      const heard = await watching.inbox.next('advice', (list) => list.some((a: any) => a.counterId === HELPER));
      const help = heard.find((a: any) => a.counterId === HELPER);
      await live.act(`/api/advice/${help.id}/dismiss`, supervisor);
      await watching.inbox.next('advice', (list) => !list.some((a: any) => a.id === help.id));
      expect(clerkSocket.inbox.all.some((m) => m.event === 'advice')).toBe(false);
    } finally {
      await live.close();
    }
  });
});
