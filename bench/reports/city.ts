import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { DATABASE_FILE, migrateDatabase, openDatabase } from '../../db/connection.js';
import { buildCityApp } from '../../server/city/app.js';
import { createHall, listHalls } from '../../server/city/halls.js';
import { ingestBatch } from '../../server/city/ingest.js';
import { MAX_BATCH } from '../../server/protocol/city.js';
import { MIGRATIONS_DIR } from '../../server/paths.js';
import { nextDay, startOfLocalDay } from '../../server/reports/zone.js';
import { hallEventsOf, hallStatusOf } from '../../tests/city/hall-history.js';
import { generateYear } from './generate.js';

// npm run bench:reports -- --city [--data DIR] [--halls 20] [--days 30] [--to 2025-12-31] [--per-day 1500]
// Generates one busy hall's last `days` days (kept in DIR/hall for the next run), ships its events
// as every one of `halls` halls into a city on an embedded PostgreSQL (kept in DIR/city) through
// the ingest use case, then times the city's summary by hall over those days: with no hall-day
// kept (cold), then again (warm: every past day kept in report_days).

const PASSWORD = 'bench-password-123';
const ZONE = 'Asia/Damascus';

function dayBefore(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
}

async function timed<T>(fn: () => Promise<T>) {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const used = process.cpuUsage(cpu);
  return { value, wallMs: performance.now() - t0, cpuMs: (used.user + used.system) / 1000 };
}

export async function benchCityReports(o: { data: string; halls: number; days: number; to: string; perDay: number }) {
  const from = dayBefore(o.to, o.days - 1);
  const hallDir = join(o.data, 'hall');
  if (!existsSync(join(hallDir, DATABASE_FILE))) {
    const made = await timed(() => generateYear({ dataDir: hallDir, from, to: o.to, ticketsPerDay: o.perDay, seed: 1 }));
    console.log(`generated ${made.value.tickets} tickets, ${made.value.events} events in ${(made.wallMs / 1000).toFixed(1)} s → ${hallDir}`);
  }
  const now = startOfLocalDay(nextDay(o.to), ZONE) + 10 * 3_600_000; // the morning after: every day is over
  const conn = openDatabase(hallDir);
  migrateDatabase(conn, MIGRATIONS_DIR);
  const events = hallEventsOf(conn.sqlite);
  const status = hallStatusOf(conn.sqlite, now);
  conn.sqlite.close();

  const cityDir = join(o.data, 'city');
  mkdirSync(cityDir, { recursive: true });
  chmodSync(o.data, 0o755); // the embedded PostgreSQL runs as `postgres` when run as root
  chmodSync(cityDir, 0o755);
  const app = await buildCityApp({ config: { DATA_DIR: cityDir, SEED: 'none', ADMIN_PASSWORD: PASSWORD, LOG_LEVEL: 'silent' }, now: () => now });
  try {
    const { db, pool } = app.city;
    for (let i = (await listHalls(db)).length; i < o.halls; i++) {
      await createHall(db, { name: { ar: `القاعة ${i + 1}`, en: `Hall ${i + 1}` }, timeZone: ZONE }, { userId: null, at: now });
    }
    const halls = (await listHalls(db)).slice(0, o.halls);
    const toShip = halls.reduce((n, h) => n + events.length - h.ackedSeq, 0);
    const ingest = await timed(async () => {
      for (const hall of halls) {
        for (let from = hall.ackedSeq; from < events.length; from += MAX_BATCH) {
          await ingestBatch(pool, hall.id, { events: events.slice(from, from + MAX_BATCH), status, configVersion: 0 }, now);
        }
      }
    });
    if (toShip > 0) console.log(`ingested ${toShip} events in ${(ingest.wallMs / 1000).toFixed(1)} s (${Math.round(toShip / (ingest.wallMs / 1000))} events/s)`);

    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }) });
    const { token } = (await login.json()) as { token: string };
    const get = (path: string) =>
      timed(async () => {
        const res = await fetch(`${url}/api/city/reports/${path}&from=${from}&to=${o.to}`, { headers: { authorization: `Bearer ${token}` } });
        if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
        return (await res.json()) as { total?: { issued: number } };
      });
    const lines = [`| city report (${o.halls} halls × ${o.days} days) | wall ms | server CPU ms | |`, '| --- | ---: | ---: | --- |'];
    const row = (name: string, r: { wallMs: number; cpuMs: number }, note = '') => lines.push(`| ${name} | ${r.wallMs.toFixed(0)} | ${r.cpuMs.toFixed(0)} | ${note} |`);
    await pool.query('DELETE FROM report_days');
    const cold = await get('summary?groupBy=hall');
    row('summary by hall, nothing kept (cold)', cold, `${cold.value.total!.issued} tickets; every hall-day rebuilt from hall_events and kept`);
    for (const [name, path] of [['summary by hall', 'summary?groupBy=hall'], ['summary by service', 'summary?groupBy=service'], ['summary by day', 'summary?groupBy=day'], ['histograms', 'histograms?x=1'], ['arrivals', 'arrivals?x=1']]) {
      const runs = [await get(path!), await get(path!), await get(path!)];
      row(`${name} (warm, best of 3)`, runs.reduce((a, b) => (b.wallMs < a.wallMs ? b : a)));
    }
    const { rows } = await pool.query<{ n: number; kept: number }>('SELECT (SELECT count(*) FROM hall_events)::int AS n, (SELECT count(*) FROM report_days)::int AS kept');
    console.log(`${rows[0]!.n} events held; ${rows[0]!.kept} hall-days kept`);
    console.log(`machine: ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), Node ${process.version}; PostgreSQL's own CPU not included\n`);
    console.log(lines.join('\n'));
  } finally {
    await app.close();
  }
}
