import { useState } from 'preact/hooks';
import type { Bilingual, Service } from '../../../server/protocol/schemas.js';
import { pick } from '../../../ui-kit/i18n.js';
import { TEXT } from '../text.js';
import { useUi } from '../ui.js';
import { ServiceButton } from './ServiceButton.js';

interface Props {
  services: Service[];
  priority: boolean;
  onTake(service: Service): void;
  onPriority(): void;
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
    const group = groups.get(s.category.en) ?? { title: s.category, services: [] };
    group.services.push(s);
    groups.set(s.category.en, group);
  }
  return [...groups.values(), ...(other.services.length ? [other] : [])];
}

/** Up to 8 services fit on one screen with category headings; more go under category tabs. */
const TABS_FROM = 9;

/** How many buttons share the screen: kiosk.css picks the columns by this and the orientation. */
const sizeOf = (n: number) => (n <= 4 ? 'few' : n <= 6 ? 'some' : n <= 9 ? 'more' : 'many');

export function Menu({ services, priority, onTake, onPriority, onCancelPriority }: Props) {
  const { lang, t } = useUi();
  const [tab, setTab] = useState(0);
  const groups = groupServices(services);
  const tabs = groups.length > 1 && services.length >= TABS_FROM;
  const shown = tabs ? [groups[Math.min(tab, groups.length - 1)]!] : groups;
  const size = sizeOf(tabs ? Math.max(...groups.map((g) => g.services.length)) : services.length);

  return (
    <main class={`screen menu size-${size}`}>
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
          <section key={g.title?.en ?? ""} class="group" aria-label={g.title && !tabs ? pick(g.title, lang) : undefined}>
            {g.title && !tabs && <h2 class="group-title">{pick(g.title, lang)}</h2>}
            <div class="grid">
              {g.services.map((s) => (
                <ServiceButton key={s.id} service={s} onTake={onTake} />
              ))}
            </div>
          </section>
        ))}
      </div>
      {!priority && (
        <button type="button" class="priority-entry" onClick={onPriority}>
          {t('priorityEntry')}
        </button>
      )}
    </main>
  );
}
