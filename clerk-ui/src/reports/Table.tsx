import type { ReportRow, Summary } from '../../../server/protocol/reports.js';
import { pick } from '../../../ui-kit/i18n.js';
import type { ReportGrouping } from './api.js';
import { duration, num, percent, rating, type Fmt } from './format.js';
import { GROUPING_TEXT, T, type TextKey } from './text.js';

// The report's table: one row per service, counter, clerk, hour, day or (the city's) hall, and the total.

interface Column {
  head: TextKey;
  cell(r: ReportRow, f: Fmt): string;
  /** true: only by counter and by clerk; false: not by them (tickets are issued at the kiosk). */
  presence?: boolean;
}

const COLUMNS: Column[] = [
  { head: 'issued', cell: (r, f) => num(r.issued, f), presence: false },
  { head: 'served', cell: (r, f) => num(r.served, f) },
  { head: 'noShow', cell: (r, f) => num(r.noShow, f) },
  { head: 'cancelled', cell: (r, f) => num(r.cancelled, f) },
  { head: 'avgWait', cell: (r, f) => duration(r.avgWaitS, f) },
  { head: 'p90Short', cell: (r, f) => duration(r.p90WaitS, f) },
  { head: 'maxWait', cell: (r, f) => duration(r.maxWaitS, f) },
  { head: 'withinTarget', cell: (r, f) => percent(r.withinTargetPct, f) },
  { head: 'avgService', cell: (r, f) => duration(r.avgServiceS, f) },
  { head: 'maxService', cell: (r, f) => duration(r.maxServiceS, f) },
  {
    head: 'transfers',
    cell: (r, f) => (r.transferWaits.count ? `${duration(r.transferWaits.avgWaitS, f)} (${num(r.transferWaits.count, f)})` : '—'),
  },
  { head: 'ratingShort', cell: (r, f) => (r.ratings ? `${rating(r.avgRating, f)} (${num(r.ratings, f)})` : '—') },
  { head: 'open', cell: (r, f) => duration(r.openS, f), presence: true },
  { head: 'idle', cell: (r, f) => duration(r.idleS, f), presence: true },
];

export function ReportTable({ summary, fmt }: { summary: Summary; fmt: Fmt }) {
  // The city's summaries are grouped by hall too, which the hall's Summary type does not name.
  const groupBy: ReportGrouping = summary.groupBy;
  const presence = groupBy === 'counter' || groupBy === 'clerk';
  const columns = COLUMNS.filter((c) => c.presence === undefined || c.presence === presence);
  const { lang } = fmt;
  return (
    <div class="reports-table-wrap">
      <table class="reports-table">
        <caption>
          {T.title[lang]} {T.groupedBy[lang]} {GROUPING_TEXT[groupBy][lang]}. {T.durationNote[lang]}
        </caption>
        <thead>
          <tr>
            <th scope="col">{GROUPING_TEXT[groupBy][lang]}</th>
            {columns.map((c) => (
              <th scope="col" key={c.head}>
                {T[c.head][lang]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {summary.rows.map((r) => (
            <tr key={r.key ?? '—'}>
              <th scope="row">{pick(r.label, lang)}</th>
              {columns.map((c) => (
                <td key={c.head}>{c.cell(r, fmt)}</td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{T.total[lang]}</th>
            {columns.map((c) => (
              <td key={c.head}>{c.cell(summary.total, fmt)}</td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
