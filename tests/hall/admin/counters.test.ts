import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changeCounterState } from '../../../server/hall/counters.js';
import { createCounter, listCounters, patchCounter } from '../../../server/hall/admin/counters.js';
import { auditRows, openHallDatabase, type HallDatabase } from '../../helpers/hall-db.js';

// The admin's counters, the use cases called directly over a hall's real SQLite file (demo
// seed: counters 1 to 8, services 1 to 6).

let h: HallDatabase;
const at = Date.parse('2026-03-01T07:00:00Z');
const by = () => ({ hallId: h.hallId, userId: 1, at });

beforeEach(async () => {
  h = await openHallDatabase('demo');
});
afterEach(() => h.close());

const counterCount = () => h.conn.sqlite.prepare('SELECT count(*) FROM counters').pluck().get();

describe('createCounter', () => {
  it('creates a counter calling its services in the order given, audited, and tells the hall', () => {
    const input = { number: 12, serviceIds: [3, 1], name: 'نافذة الرسوم', zone: 'B' };
    const { value, effects } = createCounter(h.conn, input, by());
    expect(value).toMatchObject({ number: 12, serviceIds: [3, 1], name: 'نافذة الرسوم', zone: 'B', state: 'closed', active: true });
    expect(effects).toEqual([{ kind: 'counter', counterId: value.id }, { kind: 'waiting' }]);
    expect(listCounters(h.conn, h.hallId).map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 12]);
    expect(auditRows(h.conn, 'counter')).toEqual([{ userId: 1, at, action: 'create', entityId: String(value.id), details: { label: 12, ...input } }]);
  });

  it('refuses a used number or an unknown service, writing nothing', () => {
    expect(() => createCounter(h.conn, { number: 3, serviceIds: [1] }, by())).toThrow(
      expect.objectContaining({ code: 'conflict', fields: [{ path: 'number', code: 'duplicate', message: 'counter number 3 is already used' }] }),
    );
    expect(() => createCounter(h.conn, { number: 9, serviceIds: [1, 77] }, by())).toThrow(
      expect.objectContaining({ code: 'not_found', message: 'service 77 not found' }),
    );
    expect(counterCount()).toBe(8);
    expect(auditRows(h.conn, 'counter')).toEqual([]);
  });
});

describe('patchCounter', () => {
  it('renumbers, renames and gives new services; its own number is not a duplicate', () => {
    const { value } = patchCounter(h.conn, 2, { number: 2, name: 'الاستعلامات', serviceIds: [5] }, by());
    expect(value).toMatchObject({ id: 2, number: 2, name: 'الاستعلامات', serviceIds: [5] });
    expect(() => patchCounter(h.conn, 2, { number: 3 }, by())).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(auditRows(h.conn, 'counter').map((r) => r.details)).toEqual([{ label: 2, number: 2, name: 'الاستعلامات', serviceIds: [5] }]);
  });

  it('closes an open counter it takes out of service, in the counter’s history, by the admin', () => {
    changeCounterState(h.conn, at - 60_000, h.hallId, 4, 'open', { userId: 3 });
    const { value, effects } = patchCounter(h.conn, 4, { active: false }, by());
    expect(value).toMatchObject({ id: 4, state: 'closed', active: false, userId: null });
    expect(effects).toEqual(expect.arrayContaining([{ kind: 'counter', counterId: 4 }, { kind: 'waiting' }]));
    const last = h.conn.sqlite.prepare('SELECT state, user_id AS userId, at FROM counter_events WHERE counter_id = 4 ORDER BY id DESC').get();
    expect(last).toEqual({ state: 'closed', userId: 1, at });
  });

  it('audits nothing for an empty patch, and answers 404 for a counter the hall does not have', () => {
    expect(patchCounter(h.conn, 1, {}, by()).value).toMatchObject({ id: 1, number: 1 });
    expect(auditRows(h.conn, 'counter')).toEqual([]);
    expect(() => patchCounter(h.conn, 99, { active: false }, by())).toThrow(expect.objectContaining({ code: 'not_found', message: 'counter 99 not found' }));
  });
});
