import type { ComponentType } from 'preact';
import { takesAppointments } from '../../ui-kit/appointments.js';
import AdminArea from './admin/AdminArea.js';
import { AppointmentsArea } from './appointments/AppointmentsArea.js';
import { useStaffApp } from './app-state.js';
import { hasRole, type AreaProps, type Role } from './area.js';
import { ClerkArea } from './clerk/ClerkArea.js';
import { Login } from './components/Login.js';
import { TopBar } from './components/TopBar.js';
import { useHall, type Hall } from './hall.js';
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
  /** Shown only when the hall has a use for it. */
  shown?(hall: Hall): boolean;
}

const AREAS: Area[] = [
  { id: 'clerk', label: 'areaClerk', role: 'clerk', Component: ClerkArea },
  { id: 'supervisor', label: 'areaSupervisor', role: 'supervisor', Component: SupervisorArea },
  { id: 'appointments', label: 'areaAppointments', role: 'clerk', Component: AppointmentsArea, shown: (hall) => hall.services.some(takesAppointments) },
  { id: 'reports', label: 'areaReports', role: 'supervisor', Component: ReportsArea },
  { id: 'admin', label: 'areaAdmin', role: 'admin', Component: AdminArea },
];

/** Where a role lands: its own widest area. */
const HOME: Record<Role, string[]> = { clerk: ['clerk'], supervisor: ['supervisor'], admin: ['admin', 'supervisor'] };

export function App() {
  const { lang, session, notice, route, checkSession, chooseLang, loggedIn, logOut } = useStaffApp();
  const hall = useHall(session?.token ?? null);

  // The hall's languages (Arabic first); none offered until the hall has said which.
  const languages = hall.info?.languages ?? [];
  const ui = {
    lang,
    digits: hall.info?.digits ?? 'arab',
    timeZone: hall.info?.timeZone ?? 'Asia/Damascus',
    clockOffsetMs: hall.clockOffsetMs,
  };

  if (!session) {
    return (
      <UiContext.Provider value={ui}>
        <Login hall={hall.info} notice={notice} languages={languages} onLanguage={chooseLang} onLoggedIn={loggedIn} />
      </UiContext.Provider>
    );
  }

  const areas = AREAS.filter((a) => hasRole(session, a.role) && (a.shown?.(hall) ?? true));
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
            languages={languages}
            onLanguage={chooseLang}
            onLogOut={logOut}
          />
          <div class="area" key={area.id}>
            <Component session={session} lang={lang} />
          </div>
        </div>
      </ShellContext.Provider>
    </UiContext.Provider>
  );
}
