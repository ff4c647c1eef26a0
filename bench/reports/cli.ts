import { existsSync, rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DATABASE_FILE, migrateDatabase, openDatabase, type Connection } from '../../db/connection.js';
import { MIGRATIONS_DIR } from '../../server/paths.js';
import type { Grouping } from '../../server/protocol/reports.js';
import { arrivals, histograms } from '../../server/reports/charts.js';
import { summaryCsv } from '../../server/reports/csv.js';
import { summary } from '../../server/reports/summary.js';
import { nextDay, startOfLocalDay } from '../../server/reports/zone.js';
import { benchCityReports } from './city.js';
import { generateYear } from './generate.js';

// npm run bench:reports -- [--data DIR] [--regenerate] [--from 2025-01-01] [--to 2025-12-31] [--per-day 3800]
// Writes a year of a busy hall into DIR (once; kept for the next run), then times every report
// over the whole year: first with nothing stored (each day computed from ticket_events), then as
// a supervisor meets them (past days stored), and one live day.
// With --city: the city's reports across halls instead (bench/reports/city.ts).

const HALL = 1;

function time<T>(fn: () => Promise<T>): Promise<{ value: T; wallMs: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  return fn().then((value) => {
    const used = process.cpuUsage(cpu);
    return { value, wallMs: performance.now() - t0, cpuMs: (used.user + used.system) / 1000 };
  });
}

async function best<T>(fn: () => Promise<T>, runs = 3) {
  let out = await time(fn);
  for (let i = 1; i < runs; i++) {
    const next = await time(fn);
    if (next.wallMs < out.wallMs) out = next;
  }
  return out;
}

const row = (name: string, r: { wallMs: number; cpuMs: number }, note = '') =>
  `| ${name} | ${r.wallMs.toFixed(0)} | ${r.cpuMs.toFixed(0)} | ${note} |`;

async function main() {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      regenerate: { type: 'boolean', default: false },
      from: { type: 'string', default: '2025-01-01' },
      to: { type: 'string', default: '2025-12-31' },
      'per-day': { type: 'string' },
      city: { type: 'boolean', default: false },
      halls: { type: 'string', default: '20' },
      days: { type: 'string', default: '30' },
    },
  });
  const dataDir = values.data ?? (values.city ? '/tmp/dawr-bench-city-reports' : '/tmp/dawr-bench-reports');
  if (values.regenerate) rmSync(dataDir, { recursive: true, force: true });
  if (values.city) {
    const perDay = Number(values['per-day'] ?? 1500);
    return benchCityReports({ data: dataDir, halls: Number(values.halls), days: Number(values.days), to: values.to!, perDay });
  }
  const { from, to } = { from: values.from!, to: values.to! };
  if (!existsSync(join(dataDir, DATABASE_FILE))) {
    const made = await time(() => generateYear({ dataDir, from, to, ticketsPerDay: Number(values['per-day'] ?? 3800), seed: 1 }));
    console.log(`generated ${made.value.tickets} tickets, ${made.value.events} events in ${(made.wallMs / 1000).toFixed(1)} s → ${dataDir}`);
  }
  const conn: Connection = openDatabase(dataDir);
  migrateDatabase(conn, MIGRATIONS_DIR);
  const count = (sql: string) => conn.sqlite.prepare(sql).pluck().get() as number;
  console.log(`${count('SELECT count(*) FROM tickets')} tickets, ${count('SELECT count(*) FROM ticket_events')} events, ${count('SELECT count(*) FROM ratings')} ratings`);
  // The morning after the year: every day of it is over.
  const now = startOfLocalDay(nextDay(to), 'Asia/Damascus') + 10 * 3_600_000;
  const year = { from, to };

  const lines = ['| report (whole year) | wall ms | CPU ms | |', '| --- | ---: | ---: | --- |'];
  conn.sqlite.exec('DELETE FROM report_days');
  const cold = await time(() => summary(conn, HALL, { ...year, groupBy: 'service' }, now));
  lines.push(row('summary by service, nothing stored', cold, `${cold.value.total.issued} tickets; every day computed from ticket_events and stored`));
  for (const groupBy of ['service', 'counter', 'clerk', 'hour', 'day'] as Grouping[]) {
    const r = await best(() => summary(conn, HALL, { ...year, groupBy }, now));
    lines.push(row(`summary by ${groupBy}`, r, `${r.value.rows.length} rows`));
  }
  const csv = await best(async () => summaryCsv(await summary(conn, HALL, { ...year, groupBy: 'service' }, now), 'ar'));
  lines.push(row('summary by service as CSV', csv, `${csv.value.length} characters`));
  lines.push(row('histograms', await best(() => histograms(conn, HALL, year, now))));
  lines.push(row('histograms of one service', await best(() => histograms(conn, HALL, { ...year, serviceId: 1 }, now))));
  lines.push(row('arrivals (weekday × hour)', await best(() => arrivals(conn, HALL, year, now))));
  // A live day is never stored: as the day's own report would be (the busiest day of the year).
  const lastDay = conn.sqlite.prepare("SELECT day FROM tickets GROUP BY day ORDER BY count(*) DESC LIMIT 1").pluck().get() as string;
  conn.sqlite.prepare('DELETE FROM report_days WHERE day = ?').run(lastDay);
  const live = await time(() => summary(conn, HALL, { from: lastDay, to: lastDay, groupBy: 'counter' }, now));
  lines.push(row(`one day computed (${lastDay}, by counter)`, live, `${live.value.total.issued} tickets`));

  const t = cold.value.total;
  console.log(`\nyear total: issued ${t.issued}, served ${t.served}, no-show ${t.noShow}, cancelled ${t.cancelled}, avg wait ${t.avgWaitS} s, p90 ${t.p90WaitS} s, within target ${t.withinTargetPct}%, transfers ${t.transferWaits.count}, ratings ${t.ratings}`);
  console.log(`machine: ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), Node ${process.version}\n`);
  console.log(lines.join('\n'));
  conn.sqlite.close();
}

await main();
