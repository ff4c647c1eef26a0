import { useEffect, useState } from 'preact/hooks';
import type { ReportRow } from '../../../server/protocol/reports.js';
import { formatDates, labelled, pick, type Bilingual } from '../../../ui-kit/i18n.js';
import { DateField } from '../components/DateTime.js';
import { errorText } from '../errors.js';
import type { AreaProps } from '../area.js';
import { downloadCsv, HALL_REPORTS, loadReport, type Place, type Query, type Report, type ReportGrouping, type ReportSource } from './api.js';
import { ArrivalsHeatmap, Histograms } from './Charts.js';
import { addDays, duration, hijriDay, localDay, longDay, num, percent, rating, type Fmt } from './format.js';
import { ReportTable } from './Table.js';
import { GROUPING_TEXT, T } from './text.js';
import './reports.css';

// The reports page (supervisors and admins): a date range and a grouping; the key figures, the
// table, the charts; the CSV for Excel; and a printed report for the centre's manager (A4). The city
// shows the same page over its halls (`source`), narrowed to one hall if asked.

type Load = { state: 'loading' } | { state: 'failed'; error: unknown } | { state: 'ready' };

function presets(today: string): [keyof typeof T, string, string][] {
  return [
    ['today', today, today],
    ['yesterday', addDays(today, -1), addDays(today, -1)],
    ['last7', addDays(today, -6), today],
    ['thisMonth', `${today.slice(0, 8)}01`, today],
  ];
}

function KeyFigures({ total, fmt }: { total: ReportRow; fmt: Fmt }) {
  const { lang } = fmt;
  const items: [keyof typeof T, string, string?][] = [
    ['issued', num(total.issued, fmt)],
    ['served', num(total.served, fmt)],
    ['avgWait', duration(total.avgWaitS, fmt)],
    ['p90Wait', duration(total.p90WaitS, fmt)],
    ['withinTarget', percent(total.withinTargetPct, fmt)],
    ['avgService', duration(total.avgServiceS, fmt)],
    ['noShow', num(total.noShow, fmt)],
    ['rating', rating(total.avgRating, fmt), total.ratings ? `${num(total.ratings, fmt)} ${T.ratingsOf[lang]}` : undefined],
  ];
  return (
    <section class="reports-kpis" aria-label={T.keyFigures[lang]}>
      <dl>
        {items.map(([key, value, note]) => (
          <div key={key}>
            <dt>{T[key][lang]}</dt>
            <dd>
              {value}
              {note && <small> {note}</small>}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function PrintHead({ hall, q, fmt }: { hall: Place; q: Query; fmt: Fmt }) {
  const { lang } = fmt;
  const single = q.from === q.to;
  const period = T.fromTo[lang].replace('{from}', longDay(q.from, fmt)).replace('{to}', longDay(q.to, fmt));
  return (
    <header class="reports-print-head">
      <p class="hall">{pick(hall.name, lang)}</p>
      <h2>
        {single ? T.dailyReport[lang] : T.periodReport[lang]} · {T.groupedBy[lang]} {GROUPING_TEXT[q.groupBy][lang]}
      </h2>
      <p>{single ? `${longDay(q.from, fmt)} · ${hijriDay(q.from, fmt, hall.hijriCalendar)}` : period}</p>
    </header>
  );
}

export default function ReportsArea({ session, lang, source = HALL_REPORTS }: AreaProps & { source?: ReportSource }) {
  const [hall, setHall] = useState<Place | null>(null);
  const [halls, setHalls] = useState<{ id: number; name: Bilingual }[]>([]);
  const [q, setQ] = useState<Query | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [csvBusy, setCsvBusy] = useState(false);
  const fmt: Fmt = { lang, digits: hall?.digits ?? 'arab' };
  const today = hall ? localDay(Date.now(), hall.timeZone) : null;

  useEffect(() => {
    source.halls?.(session.token).then(setHalls, () => undefined);
    source
      .place()
      .then((info) => {
        setHall(info);
        const day = localDay(Date.parse(info.serverTime), info.timeZone);
        setQ((current) => current ?? { from: day, to: day, groupBy: source.groupings[0]! });
      })
      .catch((error: unknown) => setLoad({ state: 'failed', error }));
  }, []);

  useEffect(() => {
    if (!q) return;
    const abort = new AbortController();
    setLoad({ state: 'loading' });
    loadReport(source, session.token, q, abort.signal)
      .then((r) => {
        setReport(r);
        setLoad({ state: 'ready' });
      })
      .catch((err: Error) => {
        if (err.name !== 'AbortError') setLoad({ state: 'failed', error: err });
      });
    return () => abort.abort();
  }, [q?.from, q?.to, q?.groupBy, q?.hallId, session.token]);

  const change = (patch: Partial<Query>) =>
    setQ((current) => {
      const next = { ...current!, ...patch };
      if (next.to < next.from) return patch.from ? { ...next, to: next.from } : { ...next, from: next.to };
      return next;
    });

  const onCsv = async () => {
    if (!q) return;
    setCsvBusy(true);
    try {
      await downloadCsv(source, session.token, q, lang);
    } catch (err) {
      setLoad({ state: 'failed', error: err });
    } finally {
      setCsvBusy(false);
    }
  };

  const printedAt = formatDates(new Date(), lang, hall?.timeZone ?? 'Asia/Damascus', fmt.digits);
  const empty = report && report.summary.total.issued === 0 && report.summary.rows.length === 0;

  return (
    <main class="reports" aria-labelledby="reports-title" aria-busy={load.state === 'loading'}>
      <header class="reports-toolbar">
        <h1 id="reports-title">{T.title[lang]}</h1>
        {q && today && (
          <form class="reports-filters" onSubmit={(e) => e.preventDefault()}>
            {(['from', 'to'] as const).map((key) => (
              <div class="date" key={key}>
                <span aria-hidden="true">{T[key][lang]}</span>
                <DateField label={T[key][lang]} lang={lang} digits={fmt.digits} value={q[key]} today={today} onChange={(v) => change({ [key]: v })} />
              </div>
            ))}
            <div class="reports-presets" role="group">
              {presets(today).map(([key, from, to]) => (
                <button type="button" key={key} aria-pressed={q.from === from && q.to === to} onClick={() => change({ from, to })}>
                  {T[key][lang]}
                </button>
              ))}
            </div>
            <label>
              {T.groupBy[lang]}
              <select value={q.groupBy} onChange={(e) => change({ groupBy: e.currentTarget.value as ReportGrouping })}>
                {source.groupings.map((g) => (
                  <option key={g} value={g}>
                    {GROUPING_TEXT[g][lang]}
                  </option>
                ))}
              </select>
            </label>
            {halls.length > 0 && (
              <label>
                {T.hall[lang]}
                <select value={String(q.hallId ?? '')} onChange={(e) => change({ hallId: Number(e.currentTarget.value) || undefined })}>
                  <option value="">{T.allHalls[lang]}</option>
                  {halls.map((h) => (
                    <option key={h.id} value={String(h.id)}>
                      {pick(h.name, lang)}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </form>
        )}
        <div class="reports-actions">
          <button type="button" onClick={onCsv} disabled={!q || csvBusy}>
            {csvBusy ? T.csvBusy[lang] : T.csv[lang]}
          </button>
          <button type="button" class="primary" onClick={() => print()} disabled={!report}>
            {T.print[lang]}
          </button>
        </div>
      </header>

      <p class="reports-status" role="status">
        {load.state === 'loading' ? T.loading[lang] : load.state === 'failed' ? `${T.failed[lang]} ${errorText(load.error, lang)}` : ''}
      </p>

      {hall && q && <PrintHead hall={hall} q={q} fmt={fmt} />}
      {report && (
        <div class="reports-body">
          <KeyFigures total={report.summary.total} fmt={fmt} />
          {empty ? <p class="reports-empty">{T.empty[lang]}</p> : <ReportTable summary={report.summary} fmt={fmt} />}
          {!empty && report.histograms && <Histograms histograms={report.histograms} fmt={fmt} />}
          {report.arrivals && <ArrivalsHeatmap arrivals={report.arrivals} fmt={fmt} />}
        </div>
      )}
      <footer class="reports-print-foot">
        <p>
          {T.printedAt[lang]} {printedAt.gregorian} {printedAt.time}
        </p>
        <p class="signature">{labelled(T.signature[lang], lang)}</p>
      </footer>
    </main>
  );
}
