import { useEffect, useState } from 'preact/hooks';
import { useLang } from '../../ui-kit/hooks.js';
import type { Session } from './area.js';
import { loadSession, logOut, refreshSession } from './session.js';
import type { TextKey } from './text.js';

// What a staff shell keeps, the hall's (/clerk/) and the city's (/city/) alike: the language, the
// session and the section in the address (#/<section>).

const routeOf = () => location.hash.replace(/^#\/?/, '').split('/')[0] ?? '';

export function useStaffApp() {
  const [lang, chooseLang] = useLang();
  const [session, setSession] = useState<Session | null>(loadSession);
  const [notice, setNotice] = useState<TextKey | null>(null);
  const [route, setRoute] = useState(routeOf);

  useEffect(() => {
    const onHash = () => setRoute(routeOf());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  // A kept session may have ended (expired, logged out elsewhere, user deactivated).
  useEffect(() => {
    if (session) void checkSession();
  }, []);

  /** The server refused the session somewhere: log out if it has ended. */
  async function checkSession() {
    if (!session) return;
    const fresh = await refreshSession(session);
    if (fresh) return;
    setSession(null);
    setNotice('sessionEnded');
  }

  return {
    lang,
    session,
    notice,
    route,
    checkSession,
    chooseLang,
    loggedIn(s: Session) {
      setNotice(null);
      setSession(s);
    },
    async logOut() {
      if (session) await logOut(session);
      setSession(null);
    },
  };
}
