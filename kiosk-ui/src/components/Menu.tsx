import { useState } from 'preact/hooks';
import type { Bilingual, HallInfo, Service } from '../../../server/protocol/schemas.js';
import { pick } from '../../../ui-kit/i18n.js';
import { Icon } from '../../../ui-kit/icons.js';
import { takesAppointments } from '../../../ui-kit/appointments.js';
import { TEXT } from '../text.js';
import { gridStyle, tileStyle } from '../tiles.js';
import { useUi } from '../ui.js';
import { ServiceButton } from './ServiceButton.js';

interface Props {
  services: Service[];
  /** The admin closed the whole hall today: said instead of the services. */
  closure?: HallInfo['closure'];
  priority: boolean;
  onTake(service: Service): void;
  onPriority(): void;
  onAppointment(): void;
  onCancelPriority(): void;
}

interface Group {
  title: Bilingual | null;
  services: Service[];
}

/** Services by category in the order they first appear; those without one come last. */
export function groupServices(services: Service[]): Group[] {
  if (!services.some((s) => s.category)) return [{ title: null, services }];
  const groups = new Map<string, Group>();
  const other: Group = { title: TEXT.otherServices, services: [] };
  for (const s of services) {
    if (!s.category) {
      other.services.push(s);
      continue;
    }
    const group = groups.get(s.category.ar) ?? { title: s.category, services: [] };
    group.services.push(s);
    groups.set(s.category.ar, group);
  }
  return [...groups.values(), ...(other.services.length ? [other] : [])];
}

/** Up to 8 services fit on one screen with category headings; more go under category tabs. */
const TABS_FROM = 9;

export function Menu({ services, closure, priority, onTake, onPriority, onAppointment, onCancelPriority }: Props) {
  const { lang, t } = useUi();
  const [tab, setTab] = useState(0);
  const groups = groupServices(services);
  const tabs = groups.length > 1 && services.length >= TABS_FROM;
  const shown = tabs ? [groups[Math.min(tab, groups.length - 1)]!] : groups;
  // One column count for every group, from the largest (tabs keep their layout); each group's
  // short last row is centred.
  const n = Math.max(...groups.map((g) => g.services.length));
  const appointments = services.some(takesAppointments);
  const entries = appointments ? 2 : 1;

  if (closure) {
    const reason = closure.reason && pick(closure.reason, lang);
    return (
      <main class="screen center">
        <h1>{t('hallClosedToday')}</h1>
        {reason && <p>{reason}</p>}
      </main>
    );
  }

  return (
    <main class="screen menu">
      {priority ? (
        <div class="priority-banner">
          <h1>{t('priorityMode')}</h1>
          <button type="button" class="secondary" onClick={onCancelPriority}>
            {t('priorityCancel')}
          </button>
        </div>
      ) : (
        <h1>{t('chooseService')}</h1>
      )}
      {tabs && (
        <div class="tabs" role="tablist">
          {groups.map((g, i) => (
            <button key={i} type="button" role="tab" aria-selected={g === shown[0]} class="tab" onClick={() => setTab(i)}>
              {g.title ? pick(g.title, lang) : ''}
            </button>
          ))}
        </div>
      )}
      <div class="groups" role={tabs ? 'tabpanel' : undefined}>
        {shown.map((g) => (
          <section key={g.title?.ar ?? ""} class="group" aria-label={g.title && !tabs ? pick(g.title, lang) : undefined}>
            {g.title && !tabs && <h2 class="group-title">{pick(g.title, lang)}</h2>}
            <div class="grid" style={gridStyle(n)}>
              {g.services.map((s, i) => (
                <ServiceButton key={s.id} service={s} style={tileStyle(i, g.services.length, n)} onTake={onTake} />
              ))}
            </div>
          </section>
        ))}
      </div>
      {!priority && (
        <div class="grid" style={gridStyle(n)}>
          <button type="button" class="priority-entry" style={tileStyle(0, entries, n)} onClick={onPriority}>
            <Icon shape="priority" class="priority-icon" />
            <span>{t('priorityEntry')}</span>
          </button>
          {appointments && (
            <button type="button" class="appointment-entry" style={tileStyle(1, entries, n)} onClick={onAppointment}>
              <span>{t('appointmentEntry')}</span>
            </button>
          )}
        </div>
      )}
    </main>
  );
}
