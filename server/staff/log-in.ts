import { LoginBackoff } from '../auth/login-backoff.js';
import { HttpError } from '../plugins/errors.js';
import { hashPassword, hashToken, newToken, randomPassword, verifyPassword } from '../security.js';
import type { StaffStore, StaffUserRow } from './store.js';

/** Staff sessions last one long working day. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

/** 429: too many wrong passwords for this username; it may try again in `seconds`. */
export class LoginHeld extends HttpError {
  constructor(readonly seconds: number) {
    super(429, 'rate_limited', `too many wrong passwords for this user: try again in ${seconds} s`);
  }
}

export interface Session {
  token: string;
  user: StaffUserRow;
}

export interface Credentials {
  username: string;
  password: string;
}

/**
 * Log-in to the staff of `store`: a fresh session token for the right password of an active
 * user. One per server: it remembers wrong passwords per username (server/auth/login-backoff.ts).
 */
export async function staffLogIn(store: StaffStore, now: () => number): Promise<(credentials: Credentials) => Promise<Session>> {
  const backoff = new LoginBackoff();
  // Unknown usernames are checked against this too, so timing does not tell which users exist.
  const dummyHash = await hashPassword(randomPassword());

  return async ({ username, password }) => {
    const wait = backoff.waitFor(username, now());
    if (wait > 0) throw new LoginHeld(Math.ceil(wait / 1000));
    const user = await store.userByUsername(username);
    const ok = await verifyPassword(password, user?.passwordHash ?? dummyHash);
    if (!user || !ok || !user.active) {
      backoff.failed(username, now());
      throw new HttpError(401, 'unauthorized', 'wrong username or password');
    }
    backoff.succeeded(username);
    const at = now();
    const token = newToken('stf');
    await store.openSession(user.id, hashToken(token), at + SESSION_LIFETIME_MS, at);
    return { token, user };
  };
}

export async function logOut(store: StaffStore, token: string): Promise<void> {
  await store.closeSession(hashToken(token));
}
