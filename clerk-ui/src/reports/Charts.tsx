import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';
import type { Arrivals, Histograms as HistogramData } from '../../../server/protocol/reports.js';
import { labelled } from '../../../ui-kit/i18n.js';
import { inDigits, num, weekdayName, type Fmt } from './format.js';
import { T } from './text.js';

// The report's charts: two histograms (Chart.js, laid out right to left in Arabic) and the
// arrivals heatmap (a table: readable aloud, and it prints as it shows).

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);
Chart.defaults.font.family = "'Noto Naskh Arabic', 'Noto Sans', sans-serif";

type Bucket = HistogramData['wait'][number];

function Histogram({ title, buckets, fmt, color }: { title: string; buckets: Bucket[]; fmt: Fmt; color: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const rtl = fmt.lang === 'ar';
  const labels = buckets.map((b) => inDigits(`${b.fromS / 60}–${b.toS / 60}`, fmt));
  const total = buckets.reduce((n, b) => n + b.count, 0);
  useEffect(() => {
    const chart = new Chart(canvas.current!, {
      type: 'bar',
      data: { labels, datasets: [{ data: buckets.map((b) => b.count), backgroundColor: color, barPercentage: 1, categoryPercentage: 0.92 }] },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        devicePixelRatio: 2, // crisp on paper too
        plugins: {
          legend: { display: false },
          tooltip: { rtl, textDirection: rtl ? 'rtl' : 'ltr', callbacks: { label: (c) => `${num(c.parsed.y ?? 0, fmt)} ${T.visitors[fmt.lang]}` } },
        },
        scales: {
          x: { reverse: rtl, title: { display: true, text: T.minutes[fmt.lang] }, grid: { display: false } },
          y: {
            position: rtl ? 'right' : 'left',
            beginAtZero: true,
            title: { display: true, text: T.visitors[fmt.lang] },
            ticks: { precision: 0, callback: (v) => num(Number(v), fmt) },
          },
        },
      },
    });
    return () => chart.destroy();
  }, [buckets, fmt.lang, fmt.digits]);
  return (
    <figure class="reports-chart">
      <figcaption>{title}</figcaption>
      <div class="reports-chart-box">
        <canvas ref={canvas} role="img" aria-label={`${labelled(title, fmt.lang)}${num(total, fmt)} ${T.visitors[fmt.lang]}`} />
      </div>
    </figure>
  );
}

export function Histograms({ histograms, fmt }: { histograms: HistogramData; fmt: Fmt }) {
  return (
    <div class="reports-charts">
      <Histogram title={T.waitChart[fmt.lang]} buckets={histograms.wait} fmt={fmt} color="#0b5d4b" />
      <Histogram title={T.serviceChart[fmt.lang]} buckets={histograms.service} fmt={fmt} color="#123f73" />
    </div>
  );
}

/** Average tickets per hour of each weekday, shaded: the hours with any arrival, Sunday first. */
export function ArrivalsHeatmap({ arrivals, fmt }: { arrivals: Arrivals; fmt: Fmt }) {
  const hours = Array.from({ length: 24 }, (_, h) => h).filter((h) => arrivals.cells.some((row) => row[h]! > 0));
  if (hours.length === 0) return null;
  const first = hours[0]!;
  const span = Array.from({ length: hours[hours.length - 1]! - first + 1 }, (_, i) => first + i);
  const avg = (w: number, h: number) => (arrivals.days[w] ? arrivals.cells[w]![h]! / arrivals.days[w]! : 0);
  const peak = Math.max(...span.flatMap((h) => arrivals.cells.map((_, w) => avg(w, h))));
  const weekdays = [0, 1, 2, 3, 4, 5, 6].filter((w) => arrivals.days[w]! > 0);
  return (
    <figure class="reports-heatmap">
      <figcaption>{T.arrivals[fmt.lang]}</figcaption>
      <table>
        <thead>
          <tr>
            <th scope="col">{T.weekday[fmt.lang]}</th>
            {span.map((h) => (
              <th scope="col" key={h}>
                {inDigits(String(h).padStart(2, '0'), fmt)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weekdays.map((w) => (
            <tr key={w}>
              <th scope="row">{weekdayName(w, fmt)}</th>
              {span.map((h) => {
                const v = avg(w, h);
                const share = peak ? Math.round((v / peak) * 100) : 0;
                return (
                  <td key={h} class={share > 55 ? 'dark' : undefined} style={{ '--share': `${share}%` }}>
                    {v ? num(Math.round(v), fmt) : ''}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
