import { CITY_GROUPINGS, type CityHall } from '../../server/protocol/city.js';
import { api } from '../../ui-kit/api.js';
import type { ReportSource } from '../../clerk-ui/src/reports/api.js';
import ReportsArea from '../../clerk-ui/src/reports/ReportsArea.js';
import { useUi } from '../../clerk-ui/src/ui.js';
import type { CityAreaProps } from './area.js';
import { T } from './text.js';

// The hall's reports page over the city's halls: the same rows, definitions, charts and CSV,
// grouped by hall, service or day, optionally narrowed to one hall.

export function Reports({ session, lang }: CityAreaProps) {
  const { timeZone, digits } = useUi();
  const source: ReportSource = {
    base: '/api/city/reports',
    groupings: CITY_GROUPINGS,
    charts: true,
    place: async () => ({ name: T.cityName, timeZone, digits, serverTime: new Date().toISOString() }),
    halls: (token) => api<CityHall[]>('GET', '/api/city/halls', { token }),
  };
  return <ReportsArea session={session} lang={lang} source={source} />;
}
