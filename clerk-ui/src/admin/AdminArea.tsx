import { useEffect, useMemo, useState } from 'preact/hooks';
import type { HallAdmin } from '../../../server/protocol/admin.js';
import { hasRole, type AreaProps } from '../area.js';
import { adminApi } from './api.js';
import { AdminContext, makeUi } from './context.js';
import { AuditSection } from './sections/AuditSection.js';
import { ClosuresSection } from './sections/ClosuresSection.js';
import { CountersSection } from './sections/CountersSection.js';
import { DevicesSection } from './sections/DevicesSection.js';
import { DisplaysSection } from './sections/DisplaysSection.js';
import { HallSection } from './sections/HallSection.js';
import { PrintersSection } from './sections/PrintersSection.js';
import { ServicesSection } from './sections/ServicesSection.js';
import { UsersSection } from './sections/UsersSection.js';
import { T } from './text.js';
import './admin.css';

// The admin's settings of the hall: one section at a time, chosen in a side navigation and
// kept in the address (#/admin/<section>) so that Back and a reload stay in place.

const SECTIONS = {
  hall: HallSection,
  closures: ClosuresSection,
  services: ServicesSection,
  counters: CountersSection,
  users: UsersSection,
  devices: DevicesSection,
  printers: PrintersSection,
  displays: DisplaysSection,
  audit: AuditSection,
} as const;
type SectionKey = keyof typeof SECTIONS;

/** The section is the address's second part: #/admin/services. */
const sectionOfHash = (): SectionKey => {
  const part = location.hash.replace(/^#\/?/, '').split('/')[1] ?? '';
  return part in SECTIONS ? (part as SectionKey) : 'hall';
};

export default function AdminArea({ session, lang }: AreaProps) {
  const [hall, setHall] = useState<HallAdmin | null>(null);
  const [hallTick, setHallTick] = useState(0);
  const [section, setSection] = useState<SectionKey>(sectionOfHash);

  useEffect(() => {
    const onHash = () => setSection(sectionOfHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    adminApi<HallAdmin>(session.token, 'GET', '/hall').then(setHall, () => undefined);
  }, [session.token, hallTick]);

  const ui = useMemo(
    () =>
      makeUi(session.token, lang, hall?.settings.digits ?? 'arab', hall?.timeZone ?? 'Asia/Damascus', () => setHallTick((n) => n + 1), undefined, hall?.settings.languages),
    [session.token, lang, hall],
  );

  if (!hasRole(session, 'admin')) return null;
  const Section = SECTIONS[section];
  const choose = (key: SectionKey) => {
    location.hash = `#/admin/${key}`;
    setSection(key);
  };
  return (
    <AdminContext.Provider value={ui}>
      <main class="admin" aria-labelledby="admin-title">
        <h1 id="admin-title" class="visually-hidden">
          {T.admin[lang]}
        </h1>
        <nav class="admin-nav" aria-label={T.sections[lang]}>
          <ul>
            {(Object.keys(SECTIONS) as SectionKey[]).map((key) => (
              <li key={key}>
                <button type="button" aria-current={key === section ? 'page' : undefined} onClick={() => choose(key)}>
                  {T[key][lang]}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <div class="admin-main">
          <Section key={section} />
        </div>
      </main>
    </AdminContext.Provider>
  );
}
