import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { applyLang, initialLang, setLangInAddress, type Lang } from '../../ui-kit/i18n.js';
import AdminArea from './admin/AdminArea.js';
import { hasRole, type AreaProps, type Role, type Session } from './area.js';
import { ClerkArea } from './clerk/ClerkArea.js';
import { Login } from './components/Login.js';
import { TopBar } from './components/TopBar.js';
import { useHall } from './hall.js';
import { loadSession, logOut, refreshSession } from './session.js';
import { ShellContext } from './shell.js';
import ReportsArea from './reports/ReportsArea.js';
import { SupervisorArea } from './supervisor/SupervisorArea.js';
import { TEXT, type TextKey } from './text.js';
import { UiContext } from './ui.js';

// The shell: login, language, and the areas a role may see, each at its own #/address.

interface Area {
  id: string;
  label: TextKey;
  role: Role;
  Component: ComponentType<AreaProps>;
}

const AREAS: Area[] = [
  { id: 'clerk', label: 'areaClerk', role: 'clerk', Component: ClerkArea },
  { id: 'supervisor', label: 'areaSupervisor', role: 'supervisor', Component: SupervisorArea },
  { id: 'reports', label: 'areaReports', role: 'supervisor', Component: ReportsArea },
  { id: 'admin', label: 'areaAdmin', role: 'admin', Component: AdminArea },
];

/** Where a role lands: its own widest area. */
const HOME: Record<Role, string[]> = { clerk: ['clerk'], supervisor: ['supervisor'], admin: ['admin', 'supervisor'] };

const routeOf = () => location.hash.replace(/^#\/?/, '').split('/')[0] ?? '';

export function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [session, setSession] = useState<Session | null>(loadSession);
  const [notice, setNotice] = useState<TextKey | null>(null);
  const [route, setRoute] = useState(routeOf);
  const hall = useHall(session?.token ?? null);

  useEffect(() => applyLang(lang), [lang]);
  useEffect(() => {
    const onHash = () => setRoute(routeOf());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  // A kept session may have ended (expired, logged out elsewhere, user deactivated).
  useEffect(() => {
    if (session) void checkSession();
  }, []);

  async function checkSession() {
    if (!session) return;
    const fresh = await refreshSession(session);
    if (fresh) return;
    setSession(null);
    setNotice('sessionEnded');
  }

  const toggleLang = () => {
    const next = lang === 'ar' ? 'en' : 'ar';
    setLang(next);
    setLangInAddress(next);
  };

  const ui = {
    lang,
    digits: hall.info?.digits ?? 'arab',
    timeZone: hall.info?.timeZone ?? 'Asia/Damascus',
    clockOffsetMs: hall.clockOffsetMs,
  };

  if (!session) {
    return (
      <UiContext.Provider value={ui}>
        <Login
          hall={hall.info}
          notice={notice}
          onLanguage={toggleLang}
          onLoggedIn={(s) => {
            setNotice(null);
            setSession(s);
          }}
        />
      </UiContext.Provider>
    );
  }

  const areas = AREAS.filter((a) => hasRole(session, a.role));
  const home = HOME[session.user.role].map((id) => areas.find((a) => a.id === id)).find(Boolean) ?? areas[0]!;
  const area = areas.find((a) => a.id === route) ?? home;
  const { Component } = area;

  return (
    <UiContext.Provider value={ui}>
      <ShellContext.Provider value={{ hall, checkSession }}>
        <div class="app">
          <TopBar
            hall={hall.info}
            session={session}
            nav={areas.map((a) => ({ id: a.id, label: TEXT[a.label][lang] }))}
            current={area.id}
            onLanguage={toggleLang}
            onLogOut={async () => {
              await logOut(session);
              setSession(null);
            }}
          />
          <div class="area" key={area.id}>
            <Component session={session} lang={lang} />
          </div>
        </div>
      </ShellContext.Provider>
    </UiContext.Provider>
  );
}
