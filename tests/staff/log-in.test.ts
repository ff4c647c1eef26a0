import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hallStaffStore } from '../../server/hall/staff-store.js';
import { HttpError } from '../../server/plugins/errors.js';
import { LoginHeld, SESSION_LIFETIME_MS, logOut, staffLogIn } from '../../server/staff/log-in.js';
import type { StaffStore } from '../../server/staff/store.js';
import { hashToken } from '../../server/security.js';
import { openHallDatabase, type HallDatabase } from '../helpers/hall-db.js';
import { ADMIN_PASSWORD } from '../helpers/hall.js';

// Log-in and log-out over a hall's real SQLite file, called directly.

let h: HallDatabase;
let store: StaffStore;
let now: number;
let logIn: Awaited<ReturnType<typeof staffLogIn>>;

beforeEach(async () => {
  h = await openHallDatabase('demo');
  store = hallStaffStore(h.conn, h.hallId);
  now = Date.parse('2026-03-01T06:00:00Z');
  logIn = await staffLogIn(store, () => now);
});
afterEach(() => h.close());

const wrongPassword = () => expect(logIn({ username: 'admin', password: 'wrong-password' })).rejects.toMatchObject({ statusCode: 401 });
const sessionRows = () => h.conn.sqlite.prepare('SELECT user_id AS userId, expires_at AS expiresAt FROM sessions ORDER BY id').all();

describe('staff log-in', () => {
  it('opens a session for the right password, for one working day', async () => {
    const { token, user } = await logIn({ username: 'clerk', password: ADMIN_PASSWORD });
    expect(token).toMatch(/^stf_[\w-]{40,}$/);
    expect(user).toMatchObject({ username: 'clerk', role: 'clerk', active: true });
    expect(await store.sessionUser(hashToken(token), now)).toMatchObject({ id: user.id });
    expect(sessionRows()).toEqual([{ userId: user.id, expiresAt: now + SESSION_LIFETIME_MS }]);
  });

  it('answers the same 401 to a wrong password, an unknown user and a deactivated one', async () => {
    const clerk = (await store.userByUsername('clerk'))!;
    await store.updateUser(clerk.id, { patch: { active: false }, audit: { userId: null, at: now, action: 'update', details: {} } });
    for (const credentials of [
      { username: 'admin', password: 'wrong-password' },
      { username: 'nobody', password: ADMIN_PASSWORD },
      { username: 'clerk', password: ADMIN_PASSWORD },
    ]) {
      const refused = logIn(credentials);
      await expect(refused).rejects.toBeInstanceOf(HttpError);
      await expect(refused).rejects.toMatchObject({ statusCode: 401, code: 'unauthorized', message: 'wrong username or password' });
    }
    expect(sessionRows()).toEqual([]);
  });

  it('holds a username back after five wrong passwords, for a delay that doubles', async () => {
    for (let i = 0; i < 5; i++) await wrongPassword();
    const held = logIn({ username: 'admin', password: ADMIN_PASSWORD });
    await expect(held).rejects.toBeInstanceOf(LoginHeld);
    await expect(held).rejects.toMatchObject({ statusCode: 429, code: 'rate_limited', seconds: 30 });
    // Others are not held.
    await logIn({ username: 'supervisor', password: ADMIN_PASSWORD });
    now += 30_000;
    await wrongPassword();
    await expect(logIn({ username: 'admin', password: ADMIN_PASSWORD })).rejects.toMatchObject({ seconds: 60 });
    now += 60_000;
    await logIn({ username: 'admin', password: ADMIN_PASSWORD });
    // A success clears the count.
    await wrongPassword();
    await logIn({ username: 'admin', password: ADMIN_PASSWORD });
  });

  it('forgets the user’s expired sessions when it opens a new one', async () => {
    const first = await logIn({ username: 'clerk', password: ADMIN_PASSWORD });
    const other = await logIn({ username: 'supervisor', password: ADMIN_PASSWORD });
    now += SESSION_LIFETIME_MS;
    const second = await logIn({ username: 'clerk', password: ADMIN_PASSWORD });
    expect(sessionRows()).toEqual([
      { userId: other.user.id, expiresAt: now },
      { userId: second.user.id, expiresAt: now + SESSION_LIFETIME_MS },
    ]);
    expect(first.user.id).toBe(second.user.id);
  });

  it('logs out: that session ends, the user’s others stay', async () => {
    const a = await logIn({ username: 'clerk', password: ADMIN_PASSWORD });
    const b = await logIn({ username: 'clerk', password: ADMIN_PASSWORD });
    await logOut(store, a.token);
    expect(await store.sessionUser(hashToken(a.token), now)).toBeUndefined();
    expect(await store.sessionUser(hashToken(b.token), now)).toMatchObject({ username: 'clerk' });
  });
});
