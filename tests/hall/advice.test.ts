import { afterEach, describe, expect, it } from 'vitest';
import type { Advice } from '../../server/engine/advisor/types.js';
import { advisorInput, applyAdvice, refreshAdvice, shownAdvice } from '../../server/hall/advice.js';
import { counterServiceIds, getHall } from '../../server/hall/state.js';
import { bearer, startHall, type TestHall } from '../helpers/hall.js';

// The hall as the staffing advisor takes it, and how its advice is kept (server/hall/advice.ts).
// A stand-in advisor says what to recommend: these are the shell's rules, not the advisor's.

const D = 4;
const F = 3;
const DAY = 86_400_000;
/** Sunday 2026-11-15, 10:05 in Damascus (UTC+3). */
const START = Date.parse('2026-11-15T07:05:00Z');

let hall: TestHall | undefined;
afterEach(() => hall?.close());

async function clocked() {
  const clock = { now: START };
  hall = await startHall({ now: () => clock.now });
  let key = 0;
  const issue = async (serviceId: number) => {
    const res = await hall!.app.inject({
      method: 'POST',
      url: '/api/tickets',
      headers: { ...bearer(hall!.tokens.kiosk), 'idempotency-key': `a${++key}` },
      payload: { serviceId },
    });
    expect(res.statusCode, res.body).toBe(201);
  };
  return { clock, issue, input: () => advisorInput(hall!.app.conn, getHall(hall!.app.conn, hall!.app.hallId), clock.now) };
}

const bins = (arrivals: ReadonlyMap<number, readonly number[]>, serviceId: number) =>
  Object.fromEntries((arrivals.get(serviceId) ?? []).flatMap((n, bin) => (n ? [[bin, n]] : [])));

describe('the advisor’s input', () => {
  it('counts walk-ins per service in 15-minute bins of the local day: the same weekday of earlier weeks, and today', async () => {
    const { clock, issue, input } = await clocked();
    await issue(D);
    await issue(D);
    await issue(F);
    clock.now += 7 * DAY; // Sunday 22nd
    await issue(D);
    clock.now += 15 * 60_000;
    await issue(D);
    clock.now += 3 * DAY; // a Wednesday: not the same weekday
    await issue(F);
    clock.now += 4 * DAY - 10 * 60_000; // Sunday 29th, 10:10
    await issue(F);

    const { history, today, minuteOfDay } = input();
    expect(minuteOfDay).toBe(10 * 60 + 10);
    expect(history).toHaveLength(2);
    expect(bins(history[0]!, D)).toEqual({ 40: 1, 41: 1 }); // most recent first: 10:05 and 10:20
    expect(bins(history[1]!, D)).toEqual({ 40: 2 });
    expect(bins(history[1]!, F)).toEqual({ 40: 1 });
    expect(bins(today, F)).toEqual({ 40: 1 });
    expect(today.has(D)).toBe(false);
  });

  it('gives each counter its qualifications and the time its services changed, if today', async () => {
    const { clock, input } = await clocked();
    const admin = await hall!.login();
    const patch = (id: number, payload: object) =>
      hall!.app.inject({ method: 'PATCH', url: `/api/admin/counters/${id}`, headers: bearer(admin), payload });
    expect((await patch(4, { qualifiedServiceIds: [F, 2, D] })).statusCode).toBe(200);
    expect((await patch(5, { serviceIds: [F] })).statusCode).toBe(200);
    const changed = clock.now;
    let counters = input().counters;
    expect(counters.find((c) => c.id === 4)).toMatchObject({ number: 4, serviceIds: [F, 2], qualifiedServiceIds: [F, 2, D], servicesChangedAt: null, state: 'closed' });
    expect(counters.find((c) => c.id === 5)).toMatchObject({ serviceIds: [F], qualifiedServiceIds: [F, D], servicesChangedAt: changed });
    clock.now += DAY;
    counters = input().counters;
    expect(counters.find((c) => c.id === 5)!.servicesChangedAt).toBeNull();
  });
});

describe('the advice kept', () => {
  const add = (counterId: number, serviceId: number): Advice => ({
    kind: 'add-service',
    counterId,
    serviceId,
    forMinutes: 40,
    effect: { serviceId, waitBeforeS: 1320, waitAfterS: 540, othersDeltaS: 60 },
  });
  const qualify4ForD = () => hall!.app.conn.sqlite.prepare("UPDATE counters SET qualified_service_ids = '[3,2,4]' WHERE id = 4").run();
  const open: Advice = { kind: 'open-counter', counterId: 7, serviceIds: [D, F], effect: { serviceId: D, waitBeforeS: 900, waitAfterS: 300, othersDeltaS: -30 } };

  it('keeps the id of advice given again, expires advice no longer given, and says when what is shown changed', async () => {
    const { clock } = await clocked();
    const { conn, hallId } = hall!.app;
    const refresh = (given: Advice[]) => refreshAdvice(conn, hallId, clock.now, () => given);
    qualify4ForD();
    expect(await refresh([add(4, D), open])).toBe(true);
    const [first, second] = shownAdvice(conn, hallId);
    expect(first).toMatchObject({ kind: 'add-service', counterId: 4, serviceIds: [D], forMinutes: 40, status: 'shown' });
    expect(second).toMatchObject({ kind: 'open-counter', counterId: 7, serviceIds: [D, F], forMinutes: null });

    clock.now += 10 * 60_000;
    const newer = { ...add(4, D), effect: { ...add(4, D).effect, waitBeforeS: 1500 } };
    expect(await refresh([newer])).toBe(true);
    const shown = shownAdvice(conn, hallId);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ id: first!.id, effect: { waitBeforeS: 1500 } });
    const expired = conn.sqlite.prepare('SELECT status, decided_at FROM advice_log WHERE id = ?').get(second!.id);
    expect(expired).toEqual({ status: 'expired', decided_at: clock.now });
    expect(await refresh([newer])).toBe(false);
  });

  it('applies a drop by changing the counter’s services, and an open-counter only as a mark (a person opens it)', async () => {
    const { clock } = await clocked();
    const { conn, hallId } = hall!.app;
    const drop: Advice = { kind: 'drop-service', counterId: 4, serviceId: 2, forMinutes: 30, effect: { serviceId: F, waitBeforeS: 600, waitAfterS: 300, othersDeltaS: 30 } };
    await refreshAdvice(conn, hallId, clock.now, () => [drop, open]);
    const [dropRow, openRow] = shownAdvice(conn, hallId);
    const supervisor = { userId: 2, role: 'supervisor' as const };
    const dropped = applyAdvice(conn, clock.now, hallId, dropRow!.id, supervisor);
    expect(dropped.row).toMatchObject({ status: 'applied', decidedAt: clock.now, decidedBy: 2 });
    expect(dropped.effects).toContainEqual({ kind: 'counter', counterId: 4 });
    expect(counterServiceIds(conn, [4]).get(4)).toEqual([F]);

    const opened = applyAdvice(conn, clock.now, hallId, openRow!.id, supervisor);
    expect(opened).toMatchObject({ row: { status: 'applied' }, effects: [] });
    expect(conn.sqlite.prepare('SELECT state FROM counters WHERE id = 7').get()).toEqual({ state: 'closed' });
  });

  it('shows at most two, and none beyond a clerk’s qualifications, whatever the advisor says', async () => {
    const { clock } = await clocked();
    const { conn, hallId } = hall!.app;
    await refreshAdvice(conn, hallId, clock.now, () => [add(4, 5), add(4, D)]); // counter 4 knows F and P only
    expect(shownAdvice(conn, hallId)).toEqual([]);
    qualify4ForD();
    await refreshAdvice(conn, hallId, clock.now, () => [add(4, 5), add(4, D), open, add(5, D)]);
    expect(shownAdvice(conn, hallId).map((a) => a.kind)).toEqual(['add-service', 'open-counter']);
  });
});
