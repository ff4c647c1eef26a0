import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StaffChange, StaffStore } from '../../server/staff/store.js';

// The contract of server/staff/store.ts, for every store: the hall's SQLite one
// (tests/hall/staff-store.test.ts) and the city's PostgreSQL one. `makeStore` gives a fresh
// store; it may already hold users (a seeded admin), so these tests make their own.

export interface StoreUnderTest {
  store: StaffStore;
  close(): Promise<void> | void;
}

const HOUR = 60 * 60 * 1000;
const T = Date.parse('2026-03-01T06:00:00Z');

const audit = (action: StaffChange['action'], details: Record<string, unknown> = { label: 'x' }): StaffChange => ({
  userId: null,
  at: T,
  action,
  details,
});

export function describeStaffStore(name: string, makeStore: () => Promise<StoreUnderTest>) {
  describe(`StaffStore contract: ${name}`, () => {
    let s: StoreUnderTest;
    let store: StaffStore;
    beforeEach(async () => {
      s = await makeStore();
      store = s.store;
    });
    afterEach(() => s.close());

    const insert = async (username: string, role: 'admin' | 'supervisor' | 'clerk' = 'clerk') => {
      const user = await store.insertUser({ username, passwordHash: `hash-of-${username}`, role, displayName: null }, audit('create'));
      if (!user) throw new Error(`${username} was not inserted`);
      return user;
    };

    it('inserts an active user, found by username and by id, listed by username', async () => {
      const zaid = await store.insertUser({ username: 'zaid', passwordHash: 'h1', role: 'clerk', displayName: 'زيد' }, audit('create'));
      expect(zaid).toMatchObject({ id: expect.any(Number), username: 'zaid', passwordHash: 'h1', role: 'clerk', displayName: 'زيد', active: true });
      const amal = await insert('amal', 'supervisor');
      expect(await store.userByUsername('zaid')).toMatchObject(zaid!);
      expect(await store.userById(amal.id)).toMatchObject(amal);
      expect(await store.userByUsername('nobody')).toBeUndefined();
      expect(await store.userById(999_999)).toBeUndefined();
      const names = (await store.listUsers()).map((u) => u.username);
      expect(names).toEqual([...names].sort());
      expect(names).toEqual(expect.arrayContaining(['amal', 'zaid']));
    });

    it('answers null for a taken username and writes nothing', async () => {
      const first = await insert('huda', 'clerk');
      const before = await store.listUsers();
      expect(await store.insertUser({ username: 'huda', passwordHash: 'other', role: 'admin', displayName: null }, audit('create'))).toBeNull();
      expect(await store.listUsers()).toEqual(before);
      expect(await store.userByUsername('huda')).toMatchObject(first);
    });

    it('changes only the fields given; null clears the name', async () => {
      const u = await store.insertUser({ username: 'rami', passwordHash: 'h', role: 'clerk', displayName: 'رامي' }, audit('create'));
      expect(await store.updateUser(u!.id, { patch: { role: 'supervisor' }, audit: audit('update') })).toMatchObject({
        role: 'supervisor',
        displayName: 'رامي',
        passwordHash: 'h',
        active: true,
      });
      expect(await store.updateUser(u!.id, { patch: { displayName: null, passwordHash: 'h2' }, audit: audit('update') })).toMatchObject({
        role: 'supervisor',
        displayName: null,
        passwordHash: 'h2',
      });
      expect(await store.userById(u!.id)).toMatchObject({ displayName: null, passwordHash: 'h2' });
    });

    it('answers undefined for an unknown user', async () => {
      expect(await store.updateUser(999_999, { patch: { active: false }, audit: audit('update') })).toBeUndefined();
    });

    it('keeps one active admin: the change that would leave none writes nothing', async () => {
      const last = await insert('maha', 'admin');
      for (const other of await store.listUsers()) {
        if (other.id !== last.id && other.role === 'admin') await store.updateUser(other.id, { patch: { active: false }, audit: audit('update') });
      }
      const token = 'session-of-maha';
      await store.openSession(last.id, token, T + HOUR, T);
      const demote = { patch: { role: 'clerk' as const, displayName: 'x' }, audit: audit('update'), endSessions: { keep: null } };
      expect(await store.updateUser(last.id, demote)).toBe('last_admin');
      expect(await store.updateUser(last.id, { patch: { active: false }, audit: audit('update') })).toBe('last_admin');
      expect(await store.userById(last.id)).toMatchObject({ role: 'admin', active: true, displayName: null });
      expect(await store.sessionUser(token, T)).toMatchObject({ id: last.id });
      // Another active admin: now it may go.
      await insert('nour', 'admin');
      expect(await store.updateUser(last.id, { patch: { active: false }, audit: audit('update') })).toMatchObject({ active: false });
    });

    it('answers a session’s user until it expires, and never an inactive one', async () => {
      const u = await insert('sami');
      await store.openSession(u.id, 'sami-1', T + HOUR, T);
      expect(await store.sessionUser('sami-1', T + HOUR - 1)).toMatchObject({ id: u.id, username: 'sami' });
      expect(await store.sessionUser('sami-1', T + HOUR)).toBeUndefined();
      expect(await store.sessionUser('unknown', T)).toBeUndefined();
      await store.openSession(u.id, 'sami-2', T + 2 * HOUR, T);
      await store.updateUser(u.id, { patch: { active: false }, audit: audit('update') });
      expect(await store.sessionUser('sami-2', T)).toBeUndefined();
    });

    it('opens a new session while forgetting the user’s expired ones', async () => {
      const u = await insert('lina');
      await store.openSession(u.id, 'lina-old', T + HOUR, T);
      await store.openSession(u.id, 'lina-new', T + 3 * HOUR, T + 2 * HOUR);
      expect(await store.sessionUser('lina-new', T + 2 * HOUR)).toMatchObject({ id: u.id });
      // Still unknown if the clock went back: it was forgotten, not only expired.
      expect(await store.sessionUser('lina-old', T)).toBeUndefined();
    });

    it('closes one session, and ends a user’s sessions but the one kept', async () => {
      const u = await insert('omar');
      const other = await insert('hiba');
      for (const token of ['omar-1', 'omar-2', 'omar-3']) await store.openSession(u.id, token, T + HOUR, T);
      await store.openSession(other.id, 'hiba-1', T + HOUR, T);
      await store.closeSession('omar-1');
      await store.closeSession('no-such-session');
      expect(await store.sessionUser('omar-1', T)).toBeUndefined();
      await store.updateUser(u.id, { patch: { passwordHash: 'new' }, audit: audit('update'), endSessions: { keep: 'omar-3' } });
      expect(await store.sessionUser('omar-2', T)).toBeUndefined();
      expect(await store.sessionUser('omar-3', T)).toMatchObject({ id: u.id });
      expect(await store.sessionUser('hiba-1', T)).toMatchObject({ id: other.id });
      await store.updateUser(u.id, { patch: { displayName: 'عمر' }, audit: audit('update'), endSessions: { keep: null } });
      expect(await store.sessionUser('omar-3', T)).toBeUndefined();
    });

    it('ends no session when not asked to', async () => {
      const u = await insert('dana');
      await store.openSession(u.id, 'dana-1', T + HOUR, T);
      await store.updateUser(u.id, { patch: { role: 'supervisor' }, audit: audit('update') });
      expect(await store.sessionUser('dana-1', T)).toMatchObject({ role: 'supervisor' });
    });
  });
}
