import { afterEach, describe, expect, it } from 'vitest';
import { halls } from '../../db/schema.js';
import { hallStaffStore } from '../../server/hall/staff-store.js';
import { getHall } from '../../server/hall/state.js';
import { openHallDatabase, type HallDatabase } from '../helpers/hall-db.js';
import { describeStaffStore } from '../staff/store-contract.js';

describeStaffStore('a hall’s SQLite file', async () => {
  const h = await openHallDatabase('none');
  return { store: hallStaffStore(h.conn, h.hallId), close: h.close };
});

describe('the hall’s staff store', () => {
  let h: HallDatabase;
  afterEach(() => h.close());

  const auditRows = () =>
    h.conn.sqlite.prepare("SELECT hall_id, user_id, at, action, entity, entity_id, details FROM admin_events WHERE entity = 'user' ORDER BY id").all();

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
    expect(auditRows()).toEqual([
      { hall_id: h.hallId, user_id: 1, at, action: 'create', entity: 'user', entity_id: String(u!.id), details: JSON.stringify({ label: 'warda', role: 'clerk' }) },
      { hall_id: h.hallId, user_id: 1, at, action: 'update', entity: 'user', entity_id: String(u!.id), details: JSON.stringify({ label: 'warda', passwordReset: true }) },
    ]);
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
