import { formatDates, pick, type Bilingual, type HijriCalendar, type Lang } from '../../../ui-kit/i18n.js';
import type { Session } from '../area.js';
import { useNow } from '../hooks.js';
import { useUi } from '../ui.js';
import { LanguageSwitch } from '../../../ui-kit/LanguageSwitch.js';

export interface NavItem {
  id: string;
  /** Already in the page's language. */
  label: string;
}

interface Props {
  /** The hall (or the city): its name and the zone of its date. */
  hall: { name: Bilingual; timeZone: string; hijriCalendar?: HijriCalendar } | null;
  session: Session;
  nav: NavItem[];
  current: string;
  languages: readonly Lang[];
  onLanguage(lang: Lang): void;
  onLogOut(): void;
}

/** The app's frame: sections by role, the hall and its date (Gregorian and Hijri), the user. */
export function TopBar({ hall, session, nav, current, languages, onLanguage, onLogOut }: Props) {
  const { lang, digits, clockOffsetMs, t } = useUi();
  const now = useNow(15_000, clockOffsetMs);
  const dates = hall ? formatDates(new Date(now), lang, hall.timeZone, digits, hall.hijriCalendar) : null;
  const { user } = session;
  return (
    <header class="topbar">
      <span class="brand">{t('appName')}</span>
      <nav aria-label={t('navLabel')} class="nav">
        {nav.map((item) => (
          <a key={item.id} href={`#/${item.id}`} aria-current={item.id === current ? 'page' : undefined}>
            {item.label}
          </a>
        ))}
      </nav>
      <div class="topbar-hall">
        <span class="topbar-hall-name">{hall ? pick(hall.name, lang) : ''}</span>
        {dates && (
          <span class="topbar-date">
            <time class="topbar-time">{dates.time}</time>
            <span aria-hidden="true"> | </span>
            {dates.gregorian}
            <span aria-hidden="true"> | </span>
            {dates.hijri}
          </span>
        )}
      </div>
      <span class="topbar-user">
        <span>{user.displayName ?? user.username}</span>
        <span class="topbar-role">{t(`role_${user.role}`)}</span>
      </span>
      <span class="lang-switch">
        <LanguageSwitch languages={languages} lang={lang} onChoose={onLanguage} class="btn lang-button" />
      </span>
      <button type="button" class="btn ghost" onClick={onLogOut}>
        {t('logOut')}
      </button>
    </header>
  );
}
