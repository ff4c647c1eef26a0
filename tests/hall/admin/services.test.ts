import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createService, listServices, patchService } from '../../../server/hall/admin/services.js';
import { auditRows, openHallDatabase, type HallDatabase } from '../../helpers/hall-db.js';

// The admin's services, the use cases called directly over a hall's real SQLite file (demo
// seed: services B, P, F, D, C, E).

let h: HallDatabase;
const at = Date.parse('2026-03-01T07:00:00Z'); // a Sunday, 09:00 in Damascus
const by = () => ({ hallId: h.hallId, userId: 1, at });

beforeEach(async () => {
  h = await openHallDatabase('demo');
});
afterEach(() => h.close());

const serviceCount = () => h.conn.sqlite.prepare('SELECT count(*) FROM services').pluck().get();

describe('createService', () => {
  it('adds the service last, with default targets, its audit row, and tells the hall', () => {
    const input = { code: 'G', name: { ar: 'الطوابع', en: 'Stamps' }, category: { ar: 'رسوم', en: 'Fees' }, dailyLimit: 40 };
    const { value, effects } = createService(h.conn, input, by());
    expect(value).toMatchObject({ code: 'G', name: input.name, category: input.category, dailyLimit: 40, targetWaitMinutes: 15, averageServiceMinutes: 5, active: true, waiting: 0, open: true });
    expect(effects).toEqual([{ kind: 'waiting' }]);
    expect(listServices(h.conn, h.hallId, at).map((s) => s.code)).toEqual(['B', 'P', 'F', 'D', 'C', 'E', 'G']);
    expect(auditRows(h.conn, 'service')).toEqual([{ userId: 1, at, action: 'create', entityId: String(value.id), details: { label: 'G', ...input } }]);
  });

  it('refuses a code the hall uses already, writing nothing', () => {
    expect(() => createService(h.conn, { code: 'B', name: { ar: 'ب', en: 'B' } }, by())).toThrow(
      expect.objectContaining({ code: 'conflict', fields: [{ path: 'code', code: 'duplicate', message: 'service code B is already used' }] }),
    );
    expect(serviceCount()).toBe(6);
    expect(auditRows(h.conn, 'service')).toEqual([]);
  });
});

describe('patchService', () => {
  it('changes the fields given, clears a category with null, and audits the change', () => {
    const { value, effects } = patchService(h.conn, 1, { targetWaitMinutes: 30, category: null, active: false }, by());
    expect(value).toMatchObject({ id: 1, code: 'B', targetWaitMinutes: 30, category: undefined, active: false, averageServiceMinutes: 10 });
    expect(effects).toEqual([{ kind: 'waiting' }]);
    expect(auditRows(h.conn, 'service')).toEqual([
      { userId: 1, at, action: 'update', entityId: '1', details: { label: 'B', targetWaitMinutes: 30, category: null, active: false } },
    ]);
    // Inactive services are still listed, for the admin.
    expect(listServices(h.conn, h.hallId, at).find((s) => s.id === 1)).toMatchObject({ active: false, targetWaitMinutes: 30 });
  });

  it('changes nothing, audits nothing and tells no one for an empty patch', () => {
    const { value, effects } = patchService(h.conn, 2, {}, by());
    expect(value).toMatchObject({ id: 2, code: 'P' });
    expect(effects).toEqual([]);
    expect(auditRows(h.conn, 'service')).toEqual([]);
  });

  it('answers 404 for a service the hall does not have', () => {
    expect(() => patchService(h.conn, 99, { active: false }, by())).toThrow(expect.objectContaining({ code: 'not_found', message: 'service 99 not found' }));
  });
});
