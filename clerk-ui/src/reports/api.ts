import type { Arrivals, Grouping, Histograms, Summary } from '../../../server/protocol/reports.js';
import type { HallInfo } from '../../../server/protocol/schemas.js';
import { api, refusal } from '../../../ui-kit/api.js';

// The reports API, as the page calls it.

export interface Query {
  from: string;
  to: string;
  groupBy: Grouping;
}

export interface Report {
  summary: Summary;
  histograms: Histograms;
  arrivals: Arrivals;
}

const range = (q: Query) => `from=${q.from}&to=${q.to}`;

export async function loadReport(token: string, q: Query, signal: AbortSignal): Promise<Report> {
  const opts = { token, signal };
  const [summary, histograms, arrivals] = await Promise.all([
    api<Summary>('GET', `/api/reports/summary?${range(q)}&groupBy=${q.groupBy}`, opts),
    api<Histograms>('GET', `/api/reports/histograms?${range(q)}`, opts),
    api<Arrivals>('GET', `/api/reports/arrivals?${range(q)}`, opts),
  ]);
  return { summary, histograms, arrivals };
}

export const loadHall = () => api<HallInfo>('GET', '/api/hall');

/** Fetches the CSV with the session's token and hands it to the browser as a download. */
export async function downloadCsv(token: string, q: Query, lang: 'ar' | 'en'): Promise<void> {
  const res = await fetch(`/api/reports/summary?${range(q)}&groupBy=${q.groupBy}&format=csv&lang=${lang}`, {
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
