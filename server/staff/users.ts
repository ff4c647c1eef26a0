import { z } from 'zod';
import { MIN_PASSWORD_LENGTH, passwordProblem } from '../auth/passwords.js';
import { changes, duplicate, invalidField } from '../hall/admin/fields.js';
import { notFound } from '../hall/errors.js';
import { FieldError } from '../plugins/errors.js';
import type { Role, User } from '../protocol/schemas.js';
import { hashPassword, hashToken } from '../security.js';
import type { StaffChange, StaffStore, StaffUserRow } from './store.js';

// An admin's staff accounts: create one, change its role, name, activity or password.

export const Username = z
  .string()
  .trim()
  .min(3)
  .max(50)
  .regex(/^[a-z0-9._-]+$/, 'may hold only a-z, 0-9, dot, underscore and hyphen');

export const Password = z.string().min(MIN_PASSWORD_LENGTH).max(200);

/** A user as the API shows it: never the password hash. */
export function userView(u: StaffUserRow): User {
  return { id: u.id, username: u.username, role: u.role, displayName: u.displayName, active: u.active };
}

/** The admin making the change, and when. */
export type StaffBy = Pick<StaffChange, 'userId' | 'at'>;

/** 400 naming the password's problem: a common one, one character repeated, the username. */
function checkPassword(password: string, username: string) {
  const problem = passwordProblem(password, username);
  if (problem) throw invalidField('password', problem.code, problem.message);
}

export interface NewUser {
  username: string;
  password: string;
  role: Role;
  displayName?: string | null;
}

export async function createUser(store: StaffStore, input: NewUser, by: StaffBy): Promise<StaffUserRow> {
  const { username, password, role, displayName } = input;
  const taken = duplicate('username', `username ${username} is already taken`);
  if (await store.userByUsername(username)) throw taken;
  checkPassword(password, username);
  const passwordHash = await hashPassword(password);
  const user = await store.insertUser(
    { username, passwordHash, role, displayName: displayName ?? null },
    { ...by, action: 'create', details: { label: username, role, displayName } },
  );
  // null: taken meanwhile, while the password was hashing.
  if (!user) throw taken;
  return user;
}

export interface UserChanges {
  role?: Role;
  displayName?: string | null;
  active?: boolean;
  /** A password reset: the user's other sessions end. */
  password?: string;
}

export interface PatchedUser {
  user: StaffUserRow;
  /** The user's sessions were ended (all but the caller's): their live connections should go. */
  sessionsEnded: boolean;
}

/** `by.token`: the caller's own token, whose session stays when the user's others end. */
export async function patchUser(
  store: StaffStore,
  id: number,
  input: UserChanges,
  by: StaffBy & { token: string | null },
): Promise<PatchedUser> {
  const { role, displayName, active, password } = input;
  const found = await store.userById(id);
  if (!found) throw notFound('user', id);
  if (password !== undefined) checkPassword(password, found.username);
  const passwordHash = password === undefined ? undefined : await hashPassword(password);
  const patch = changes({ role, displayName, active, passwordHash });
  if (!patch) return { user: found, sessionsEnded: false };

  const sessionsEnded = password !== undefined || active === false;
  const updated = await store.updateUser(id, {
    patch,
    audit: {
      userId: by.userId,
      at: by.at,
      action: 'update',
      details: { label: found.username, role, displayName, active, passwordReset: password !== undefined || undefined },
    },
    // Keeps the caller's session, so an admin resetting their own password stays in.
    endSessions: sessionsEnded ? { keep: by.token === null ? null : hashToken(by.token) } : undefined,
  });
  if (!updated) throw notFound('user', id);
  if (updated === 'last_admin') {
    const path = role !== undefined && role !== 'admin' ? 'role' : 'active';
    throw new FieldError('conflict', [{ path, code: 'last_admin', message: 'the hall must keep at least one active admin' }]);
  }
  return { user: updated, sessionsEnded };
}
