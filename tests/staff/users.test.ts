import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hallStaffStore } from '../../server/hall/staff-store.js';
import { FieldError } from '../../server/plugins/errors.js';
import { hashToken, verifyPassword } from '../../server/security.js';
import type { StaffStore } from '../../server/staff/store.js';
import { createUser, patchUser } from '../../server/staff/users.js';
import { auditRows, openHallDatabase, type HallDatabase } from '../helpers/hall-db.js';

// An admin's staff accounts, the use cases called directly over a hall's real SQLite file.

let h: HallDatabase;
let store: StaffStore;
const at = Date.parse('2026-03-01T06:00:00Z');
const HOUR = 60 * 60 * 1000;
const by = { userId: 1, at };
const PASSWORD = 'a-long-passphrase-7';

beforeEach(async () => {
  h = await openHallDatabase('demo');
  store = hallStaffStore(h.conn, h.hallId);
});
afterEach(() => h.close());

const auditCount = () => auditRows(h.conn, 'user').length;
const userRow = (username: string) => h.conn.sqlite.prepare('SELECT role, display_name AS displayName, active FROM users WHERE username = ?').get(username);

describe('createUser', () => {
  it('creates an active user whose password is stored hashed, with its audit row', async () => {
    const user = await createUser(store, { username: 'yara', password: PASSWORD, role: 'clerk', displayName: 'يارا' }, by);
    expect(user).toMatchObject({ username: 'yara', role: 'clerk', displayName: 'يارا', active: true });
    expect(user.passwordHash).toMatch(/^scrypt\$/);
    expect(await verifyPassword(PASSWORD, user.passwordHash)).toBe(true);
    expect(auditRows(h.conn, 'user')).toEqual([
      { userId: 1, at, action: 'create', entityId: String(user.id), details: { label: 'yara', role: 'clerk', displayName: 'يارا' } },
    ]);
  });

  it('refuses a taken username (409 on the field) before it looks at the password', async () => {
    const refused = createUser(store, { username: 'clerk', password: 'short', role: 'clerk' }, by);
    await expect(refused).rejects.toBeInstanceOf(FieldError);
    await expect(refused).rejects.toMatchObject({ code: 'conflict', fields: [{ path: 'username', code: 'duplicate', message: 'username clerk is already taken' }] });
  });

  it('refuses a username taken while the password was hashing', async () => {
    const results = await Promise.allSettled(
      ['clerk', 'supervisor'].map((role) => createUser(store, { username: 'twin', password: PASSWORD, role: role as 'clerk' }, by)),
    );
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'conflict', fields: [{ path: 'username', code: 'duplicate' }] } });
    expect(auditCount()).toBe(1);
  });

  it('refuses a password the policy refuses, naming the problem, and writes nothing', async () => {
    for (const [password, code] of [
      ['password1234', 'common_password'],
      ['zzzzzzzzzzzz', 'one_character'],
      ['new.clerk.2026', 'same_as_username'],
    ]) {
      await expect(createUser(store, { username: 'new.clerk.2026', password, role: 'clerk' }, by)).rejects.toMatchObject({ code: 'invalid_request', fields: [{ path: 'password', code }] });
    }
    expect(await store.userByUsername('new.clerk.2026')).toBeUndefined();
    expect(auditCount()).toBe(0);
  });
});

describe('patchUser', () => {
  const idOf = async (username: string) => (await store.userByUsername(username))!.id;

  it('changes role, name and activity, and writes what changed in the audit', async () => {
    const id = await idOf('clerk');
    const { user, sessionsEnded } = await patchUser(store, id, { role: 'supervisor', displayName: null }, { ...by, token: null });
    expect(user).toMatchObject({ id, role: 'supervisor', displayName: null, active: true });
    expect(sessionsEnded).toBe(false);
    expect(userRow('clerk')).toEqual({ role: 'supervisor', displayName: null, active: 1 });
    expect(auditRows(h.conn, 'user')).toEqual([
      { userId: 1, at, action: 'update', entityId: String(id), details: { label: 'clerk', role: 'supervisor', displayName: null } },
    ]);
  });

  it('changes nothing and writes no audit for an empty patch', async () => {
    const { user, sessionsEnded } = await patchUser(store, await idOf('clerk'), {}, { ...by, token: null });
    expect(user).toMatchObject({ username: 'clerk', role: 'clerk' });
    expect(sessionsEnded).toBe(false);
    expect(auditCount()).toBe(0);
  });

  it('answers 404 for no such user, or another hall’s', async () => {
    await expect(patchUser(store, 999, { active: false }, { ...by, token: null })).rejects.toMatchObject({ code: 'not_found', message: 'user 999 not found' });
    const admin = await idOf('admin');
    const otherHall = hallStaffStore(h.conn, h.hallId + 1);
    await expect(patchUser(otherHall, admin, { active: false }, { ...by, token: null })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('resets a password: the user’s other sessions end, the caller’s stays', async () => {
    const id = await idOf('admin');
    for (const t of ['mine', 'other-1', 'other-2']) await store.openSession(id, hashToken(t), at + HOUR, at);
    const { user, sessionsEnded } = await patchUser(store, id, { password: PASSWORD }, { ...by, token: 'mine' });
    expect(sessionsEnded).toBe(true);
    expect(await verifyPassword(PASSWORD, user.passwordHash)).toBe(true);
    expect(await store.sessionUser(hashToken('mine'), at)).toMatchObject({ id });
    expect(await store.sessionUser(hashToken('other-1'), at)).toBeUndefined();
    expect(await store.sessionUser(hashToken('other-2'), at)).toBeUndefined();
    expect(auditRows(h.conn, 'user').map((r) => r.details)).toEqual([{ label: 'admin', passwordReset: true }]);
  });

  it('ends every session of a deactivated user', async () => {
    const id = await idOf('clerk');
    await store.openSession(id, hashToken('clerk-1'), at + HOUR, at);
    expect((await patchUser(store, id, { active: false }, { ...by, token: 'admins-own' })).sessionsEnded).toBe(true);
    expect(h.conn.sqlite.prepare('SELECT count(*) FROM sessions WHERE user_id = ?').pluck().get(id)).toBe(0);
  });

  it('refuses a reset to a password the policy refuses', async () => {
    await expect(patchUser(store, await idOf('clerk'), { password: 'clerk' }, { ...by, token: null })).rejects.toMatchObject({ code: 'invalid_request', fields: [{ path: 'password', code: 'too_short' }] });
  });

  it('keeps the last active admin, naming the field, and changes nothing', async () => {
    const id = await idOf('admin');
    await store.openSession(id, hashToken('admin-1'), at + HOUR, at);
    for (const [change, path] of [
      [{ role: 'clerk', displayName: 'x' }, 'role'],
      [{ active: false }, 'active'],
      [{ role: 'admin', active: false }, 'active'],
    ] as const) {
      await expect(patchUser(store, id, change, { ...by, token: null })).rejects.toMatchObject({ code: 'conflict', fields: [{ path, code: 'last_admin', message: 'the hall must keep at least one active admin' }] });
    }
    expect(userRow('admin')).toMatchObject({ role: 'admin', active: 1, displayName: 'مدير النظام' });
    expect(await store.sessionUser(hashToken('admin-1'), at)).toMatchObject({ id });
    expect(auditCount()).toBe(0);
  });
});
