import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { CityHall } from '../../server/protocol/city.js';
import { api } from '../../ui-kit/api.js';
import { LANGS } from '../../ui-kit/i18n.js';
import { UsersSection } from '../../clerk-ui/src/admin/sections/UsersSection.js';
import { useStaffApp } from '../../clerk-ui/src/app-state.js';
import { hasRole, type Role } from '../../clerk-ui/src/area.js';
import { Login } from '../../clerk-ui/src/components/Login.js';
import { TopBar } from '../../clerk-ui/src/components/TopBar.js';
import { UiContext } from '../../clerk-ui/src/ui.js';
import { adminScreen } from './Admin.js';
import { DEFAULT_ZONE, type CityAreaProps } from './area.js';
import { Board } from './Board.js';
import { CatalogueSection } from './Catalogue.js';
import { HallsSection } from './Halls.js';
import { Reports } from './Reports.js';
import { T, type TextKey } from './text.js';

// The city's screens: the staff app's log-in and frame around the board and the reports (every
// city user) and the halls, the catalogue and the users (the city admin), each at its #/address.

const AREAS: { id: TextKey; role: Role; Component: ComponentType<CityAreaProps> }[] = [
  { id: 'board', role: 'clerk', Component: Board },
  { id: 'reports', role: 'clerk', Component: Reports },
  { id: 'halls', role: 'admin', Component: adminScreen('halls', HallsSection) },
  { id: 'catalogue', role: 'admin', Component: adminScreen('catalogue', CatalogueSection) },
  { id: 'users', role: 'admin', Component: adminScreen('users', UsersSection) },
];

/** The city's calendar: its halls' zone (a city is in one), read once logged in. */
function useCityZone(token: string | null): string {
  const [zone, setZone] = useState(DEFAULT_ZONE);
  useEffect(() => {
    if (!token) return;
    api<CityHall[]>('GET', '/api/city/halls', { token }).then((halls) => halls[0] && setZone(halls[0].timeZone), () => undefined);
  }, [token]);
  return zone;
}

export function App() {
  const { lang, session, notice, route, checkSession, chooseLang, loggedIn, logOut } = useStaffApp();
  const timeZone = useCityZone(session?.token ?? null);

  const ui = { lang, digits: 'arab' as const, timeZone, clockOffsetMs: 0 };
  const city = { name: T.cityName, timeZone };

  if (!session) {
    return (
      <UiContext.Provider value={ui}>
        <Login hall={city} notice={notice} languages={LANGS} onLanguage={chooseLang} onLoggedIn={loggedIn} />
      </UiContext.Provider>
    );
  }

  const areas = AREAS.filter((a) => hasRole(session, a.role));
  const area = areas.find((a) => a.id === route) ?? areas[0]!;
  const { Component } = area;
  return (
    <UiContext.Provider value={ui}>
      <div class="app">
        <TopBar
          hall={city}
          session={session}
          nav={areas.map((a) => ({ id: a.id, label: T[a.id][lang] }))}
          current={area.id}
          languages={LANGS}
          onLanguage={chooseLang}
          onLogOut={logOut}
        />
        <div class="area" key={area.id}>
          <Component session={session} lang={lang} checkSession={checkSession} />
        </div>
      </div>
    </UiContext.Provider>
  );
}
