import { GROUPINGS, type Arrivals, type Grouping, type Histograms, type Summary } from '../../../server/protocol/reports.js';
import type { HallInfo } from '../../../server/protocol/schemas.js';
import { api, refusal } from '../../../ui-kit/api.js';
import type { Bilingual, Digits, HijriCalendar, Lang } from '../../../ui-kit/i18n.js';

// The reports API, as the page calls it: a hall's own (/api/reports), or the city's across its
// halls (/api/city/reports), with the same rows, definitions and CSV.

/** A hall groups by its services, counters, clerks, hours and days; the city by hall too. */
export type ReportGrouping = Grouping | 'hall';

export interface Query {
  from: string;
  to: string;
  groupBy: ReportGrouping;
  /** The city's report narrowed to one hall. */
  hallId?: number;
}

export interface Report {
  summary: Summary;
  /** Null where the source has no charts. */
  histograms: Histograms | null;
  arrivals: Arrivals | null;
}

/** What the report is of: its name on the printed page, its calendar (zone, clock, Hijri calendar) and digits. */
export interface Place {
  name: Bilingual;
  timeZone: string;
  digits: Digits;
  serverTime: string;
  /** Absent: Umm al-Qura. */
  hijriCalendar?: HijriCalendar;
}

export interface ReportSource {
  base: string;
  groupings: readonly ReportGrouping[];
  /** Whether the source answers the histograms and arrivals the charts draw. */
  charts: boolean;
  place(): Promise<Place>;
  /** The halls a report may be narrowed to (the city's). */
  halls?(token: string): Promise<{ id: number; name: Bilingual }[]>;
}

export const HALL_REPORTS: ReportSource = {
  base: '/api/reports',
  groupings: GROUPINGS,
  charts: true,
  place: () => api<HallInfo>('GET', '/api/hall'),
};

/** The range, and the city's hall when narrowed to one. */
const range = (q: Query) => `from=${q.from}&to=${q.to}${q.hallId ? `&hallId=${q.hallId}` : ''}`;
const summaryQuery = (q: Query) => `${range(q)}&groupBy=${q.groupBy}`;

export async function loadReport(source: ReportSource, token: string, q: Query, signal: AbortSignal): Promise<Report> {
  const opts = { token, signal };
  const [summary, histograms, arrivals] = await Promise.all([
    api<Summary>('GET', `${source.base}/summary?${summaryQuery(q)}`, opts),
    source.charts ? api<Histograms>('GET', `${source.base}/histograms?${range(q)}`, opts) : null,
    source.charts ? api<Arrivals>('GET', `${source.base}/arrivals?${range(q)}`, opts) : null,
  ]);
  return { summary, histograms, arrivals };
}

/** Fetches the CSV, in the page's language, with the session's token and hands it to the browser as a download. */
export async function downloadCsv(source: ReportSource, token: string, q: Query, lang: Lang): Promise<void> {
  const res = await fetch(`${source.base}/summary?${summaryQuery(q)}&format=csv&lang=${lang}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!res.ok) throw refusal(res, await res.json().catch(() => null));
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'dawr-report.csv';
  const url = URL.createObjectURL(await res.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
