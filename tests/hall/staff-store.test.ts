import { afterEach, describe, expect, it } from 'vitest';
import { halls } from '../../db/schema.js';
import { hallStaffStore } from '../../server/hall/staff-store.js';
import { getHall } from '../../server/hall/state.js';
import { auditRows, openHallDatabase, type HallDatabase } from '../helpers/hall-db.js';
import { describeStaffStore } from '../staff/store-contract.js';

describeStaffStore('a hall’s SQLite file', async () => {
  const h = await openHallDatabase('none');
  return { store: hallStaffStore(h.conn, h.hallId), close: h.close };
});

describe('the hall’s staff store', () => {
  let h: HallDatabase;
  afterEach(() => h.close());


  it('writes each change’s audit row with it, and none for a refused one', async () => {
    h = await openHallDatabase('demo');
    const store = hallStaffStore(h.conn, h.hallId);
    const at = Date.parse('2026-03-01T06:00:00Z');
    const u = await store.insertUser(
      { username: 'warda', passwordHash: 'h', role: 'clerk', displayName: null },
      { userId: 1, at, action: 'create', details: { label: 'warda', role: 'clerk', displayName: undefined } },
    );
    await store.insertUser({ username: 'warda', passwordHash: 'h', role: 'clerk', displayName: null }, { userId: 1, at, action: 'create', details: {} });
    await store.updateUser(u!.id, { patch: { passwordHash: 'h2' }, audit: { userId: 1, at, action: 'update', details: { label: 'warda', passwordReset: true } } });
    const admin = (await store.userByUsername('admin'))!;
    expect(await store.updateUser(admin.id, { patch: { active: false }, audit: { userId: 1, at, action: 'update', details: {} } })).toBe('last_admin');
    expect(auditRows(h.conn, 'user')).toEqual([
      { userId: 1, at, action: 'create', entityId: String(u!.id), details: { label: 'warda', role: 'clerk' } },
      { userId: 1, at, action: 'update', entityId: String(u!.id), details: { label: 'warda', passwordReset: true } },
    ]);
    expect(h.conn.sqlite.prepare('SELECT DISTINCT hall_id FROM admin_events').pluck().all()).toEqual([h.hallId]);
  });

  it('lists and changes only its own hall’s staff; log-in finds any user of the file', async () => {
    h = await openHallDatabase('demo');
    const { id: _, ...first } = getHall(h.conn, h.hallId);
    const other = h.conn.db.insert(halls).values({ ...first, nameAr: 'مركز الميدان', nameEn: 'Midan Centre' }).returning().get();
    const here = hallStaffStore(h.conn, h.hallId);
    const there = hallStaffStore(h.conn, other.id);
    const audit = { userId: null, at: 0, action: 'create' as const, details: {} };
    const far = (await there.insertUser({ username: 'far', passwordHash: 'h', role: 'admin', displayName: null }, audit))!;
    expect((await here.listUsers()).map((u) => u.username)).toEqual(['admin', 'clerk', 'supervisor']);
    expect((await there.listUsers()).map((u) => u.username)).toEqual(['far']);
    expect(await here.userById(far.id)).toBeUndefined();
    expect(await here.updateUser(far.id, { patch: { active: false }, audit: { ...audit, action: 'update' } })).toBeUndefined();
    expect(await here.userByUsername('far')).toMatchObject({ id: far.id });
    // Usernames are unique across the file.
    expect(await there.insertUser({ username: 'clerk', passwordHash: 'h', role: 'clerk', displayName: null }, audit)).toBeNull();
  });
});
