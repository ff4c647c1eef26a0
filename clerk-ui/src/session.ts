import type { User } from '../../server/protocol/schemas.js';
import { api, ApiError } from '../../ui-kit/api.js';
import type { Session } from './area.js';

// The staff session: the token lives in this tab's sessionStorage (closing the tab forgets it);
// the server also sets an HttpOnly cookie. The token is what the API and /staff socket are given.

const KEY = 'dawr.staffSession';

export function loadSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

function store(session: Session | null): void {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
}

const toSession = (token: string, u: User): Session => ({
  token,
  user: { id: u.id, username: u.username, role: u.role, displayName: u.displayName },
});

export async function logIn(username: string, password: string): Promise<Session> {
  const answer = await api<{ token: string; user: User }>('POST', '/api/auth/login', { body: { username, password } });
  const session = toSession(answer.token, answer.user);
  store(session);
  return session;
}

export async function logOut(session: Session): Promise<void> {
  store(null);
  await api('POST', '/api/auth/logout', { token: session.token }).catch(() => undefined);
}

/** The session as the server sees it now: null once it has ended; unchanged when offline. */
export async function refreshSession(session: Session): Promise<Session | null> {
  try {
    const user = await api<User>('GET', '/api/auth/me', { token: session.token });
    const fresh = toSession(session.token, user);
    store(fresh);
    return fresh;
  } catch (err) {
    if (err instanceof ApiError && (err.status === 401 || err.status === 403)) {
      store(null);
      return null;
    }
    return session;
  }
}
