import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { z } from 'zod';
import { CreatedHall, type HallStatus } from '../../server/protocol/city.js';
import { call, freePort, killAll, login, removeDir, spawnServer, startServer, tempDataDir, until, type ServerProcess, type Spawned } from '../faults/server-process.js';
import { startForwarder, type Forwarder } from './forwarder.js';
import { startPostgres } from './postgres.js';

// The city server as a city runs it (`npm run central` = node dist/city.mjs), in its own process
// on a PostgreSQL the test gives it, and hall servers that ship to it (CENTRAL_URL, CENTRAL_TOKEN).

export const CITY_ADMIN_PASSWORD = 'city-fault-password';

export interface CityProcess extends Spawned {
  base: string;
  port: number;
  dataDir: string;
  databaseUrl: string;
}

let built = false;
/** Builds dist/city.mjs when the sources are newer (as `npm test` does before the tests). */
export function ensureCityBuild(): void {
  if (built) return;
  execFileSync(process.execPath, ['scripts/ensure-build.mjs'], { stdio: 'ignore' });
  if (!existsSync('dist/city.mjs')) throw new Error('dist/city.mjs is not built: scripts/build.mjs must build server/city/main.ts');
  built = true;
}

async function healthy(base: string): Promise<boolean> {
  try {
    return (await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2000) })).status === 200;
  } catch {
    return false;
  }
}

/** Starts a city process; the same port and data folder again make a restart. */
export async function startCityProcess(opts: { databaseUrl: string; port?: number; dataDir?: string }): Promise<CityProcess> {
  ensureCityBuild();
  const port = opts.port ?? (await freePort());
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'dawr-city-'));
  const base = `http://127.0.0.1:${port}`;
  const env = {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: opts.databaseUrl,
    ADMIN_PASSWORD: CITY_ADMIN_PASSWORD,
    SEED: 'none',
    LOG_LEVEL: 'warn',
  };
  const city = await spawnServer(['dist/city.mjs'], env, () => healthy(base));
  return { ...city, base, port, dataDir, databaseUrl: opts.databaseUrl };
}

/** The same city again, on its port, folder and database (after kill9 or stop). */
export function restartCity(city: CityProcess): Promise<CityProcess> {
  return startCityProcess({ databaseUrl: city.databaseUrl, port: city.port, dataDir: city.dataDir });
}

export const cityLogin = (base: string): Promise<string> => login(base, 'admin', CITY_ADMIN_PASSWORD);

/** A hall as the city admin creates it: its id and its token (shown once). */
export async function createHall(base: string, adminToken: string, en: string, ar: string): Promise<z.infer<typeof CreatedHall>> {
  const res = await call(base, 'POST', '/api/city/halls', {
    token: adminToken,
    body: { name: { ar, en }, timeZone: 'Asia/Damascus' }, // the demo hall's zone
  });
  if (res.status !== 201) throw new Error(`create hall ${en}: ${res.status} ${JSON.stringify(res.body)}`);
  return CreatedHall.parse(res.body);
}

/** A hall server (SEED=demo) that ships to `centralUrl` with `token`. */
export function startLinkedHall(opts: { dataDir: string; centralUrl: string; token: string; port?: number }): Promise<ServerProcess> {
  return startServer({ dataDir: opts.dataDir, port: opts.port, env: { CENTRAL_URL: opts.centralUrl, CENTRAL_TOKEN: opts.token } });
}

/** How many events a stopped hall has written: every row of its three histories is one outbox seq. */
export function hallEventCount(dataDir: string): number {
  const copy = mkdtempSync(join(tmpdir(), 'dawr-count-'));
  for (const suffix of ['', '-wal']) {
    const from = join(dataDir, 'dawr.sqlite' + suffix);
    if (existsSync(from)) copyFileSync(from, join(copy, 'dawr.sqlite' + suffix));
  }
  const db = new Database(join(copy, 'dawr.sqlite'), { fileMustExist: true });
  try {
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return count('ticket_events') + count('counter_events') + count('ratings');
  } finally {
    db.close();
    rmSync(copy, { recursive: true, force: true });
  }
}

/**
 * The seqs the city's database holds for a hall, ascending, read straight from PostgreSQL: from
 * the table keyed (hall_id, seq), whatever the city calls it.
 */
export async function citySeqs(databaseUrl: string, hallId: number): Promise<number[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tables = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns
       WHERE table_schema = 'public' AND column_name IN ('hall_id', 'seq')
       GROUP BY table_name HAVING count(*) = 2`,
    );
    if (tables.rows.length !== 1) throw new Error(`expected one table of (hall_id, seq), found: ${tables.rows.map((r) => r.table_name).join(', ')}`);
    const table = client.escapeIdentifier(tables.rows[0]!.table_name);
    const rows = await client.query<{ seq: string }>(`SELECT seq FROM ${table} WHERE hall_id = $1 ORDER BY seq`, [hallId]);
    return rows.rows.map((r) => Number(r.seq));
  } finally {
    await client.end();
  }
}

/** Today in the demo hall's zone (YYYY-MM-DD), the day its reports file today's tickets under. */
export const hallDay = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Damascus' }).format(Date.now());

/** A quiet hall's status at `at`, for batches a test writes by hand. */
export const quietStatus = (at = Date.now()): HallStatus => ({
  at,
  timeZone: 'Asia/Damascus',
  day: hallDay(),
  openNow: true,
  waiting: 0,
  longestWaitS: null,
  longestWaitTargetS: null,
  countersOpen: 1,
  issuedToday: 0,
  servedToday: 0,
  services: [],
});

/** 1, 2, … n */
export const oneTo = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

/** A hall of the city: its id and token at the city, its own WAN link to it, its server. */
export interface LinkedHall {
  id: number;
  token: string;
  link: Forwarder;
  server: ServerProcess;
  dataDir: string;
  /** The hall's admin (demo users share its password), for the clerk's routes. */
  staffToken: string;
  /** The demo kiosk's token, printed by the first start only: it outlives restarts. */
  kioskToken: string;
}

/** Creates the hall at the city, puts a link in front of the city and starts the hall behind it. */
export async function linkHall(city: { base: string; port: number }, adminToken: string, en: string, ar: string): Promise<LinkedHall> {
  const created = await createHall(city.base, adminToken, en, ar);
  const link = await startForwarder(city.port);
  const dataDir = tempDataDir(`hall-${created.id}`);
  const server = await startLinkedHall({ dataDir, centralUrl: link.url, token: created.token });
  return { id: created.id, token: created.token, link, server, dataDir, staffToken: await login(server.base), kioskToken: server.tokens.kiosk };
}

/**
 * Issues `n` tickets at the hall's kiosk, one after the other, round the services (those of
 * `codes` only, when given); answers each request's time in ms.
 */
export async function issueTickets(hall: LinkedHall, n: number, codes?: string[]): Promise<number[]> {
  const all = (await call(hall.server.base, 'GET', '/api/services')).body as { id: number; code: string }[];
  const services = codes ? all.filter((s) => codes.includes(s.code)) : all;
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const res = await call(hall.server.base, 'POST', '/api/tickets', {
      token: hall.kioskToken,
      body: { serviceId: services[i % services.length]!.id },
      headers: { 'idempotency-key': crypto.randomUUID() },
    });
    if (res.status !== 201) throw new Error(`issue: ${res.status} ${JSON.stringify(res.body)}`);
    ms.push(res.ms);
  }
  return ms;
}

/** Demo counter 1 serves these. */
export const COUNTER_1_CODES = ['B', 'E'];

/** Calls the next `n` tickets at a counter (1: issue them with COUNTER_1_CODES) and takes each to `last`. */
export async function serveTickets(hall: LinkedHall, n: number, opts: { counterId?: number; last?: 'complete' | 'no-show' } = {}): Promise<void> {
  // A no-show right after the call is confirmed: the hall asks, to catch a slip of the finger.
  const steps: [string, unknown][] = opts.last === 'no-show' ? [['no-show', { confirmed: true }]] : [['start', undefined], ['complete', undefined]];
  for (let i = 0; i < n; i++) {
    const called = await call(hall.server.base, 'POST', `/api/counters/${opts.counterId ?? 1}/next`, { token: hall.staffToken });
    if (called.status !== 200) throw new Error(`call next: ${called.status} ${JSON.stringify(called.body)}`);
    for (const [step, body] of steps) {
      const res = await call(hall.server.base, 'POST', `/api/tickets/${called.body.id}/${step}`, { token: hall.staffToken, body });
      if (res.status !== 200) throw new Error(`${step}: ${res.status} ${JSON.stringify(res.body)}`);
    }
  }
}

/** Waits until the city holds exactly the hall's events 1…n, n read from the hall's own file. */
export async function untilShipped(databaseUrl: string, hall: { id: number; dataDir: string }, timeoutMs = 60_000): Promise<number[]> {
  let last = '';
  try {
    return await until(
      `hall ${hall.id}'s events at the city`,
      async () => {
        const want = hallEventCount(hall.dataDir);
        const held = await citySeqs(databaseUrl, hall.id);
        last = `the hall wrote ${want}, the city holds ${held.length} (highest ${held.at(-1) ?? 0})`;
        return held.length === want && held.every((seq, i) => seq === i + 1) ? held : undefined;
      },
      timeoutMs,
      250,
    );
  } catch (e) {
    throw new Error(`${(e as Error).message}: ${last}`);
  }
}

/** A city on a fresh PostgreSQL database with two halls, Old Town (a) and New Quarter (b), each behind its link. */
export interface TwoHallCity {
  pg: Awaited<ReturnType<typeof startPostgres>>;
  city: CityProcess;
  /** The city admin's token. */
  admin: string;
  a: LinkedHall;
  b: LinkedHall;
  close(): Promise<void>;
}

export async function startTwoHallCity(): Promise<TwoHallCity> {
  const pg = await startPostgres();
  const city = await startCityProcess({ databaseUrl: await pg.freshDatabase() });
  const admin = await cityLogin(city.base);
  const a = await linkHall(city, admin, 'Old Town', 'البلدة القديمة');
  const b = await linkHall(city, admin, 'New Quarter', 'الحي الجديد');
  const t: TwoHallCity = {
    pg,
    city,
    admin,
    a,
    b,
    async close() {
      killAll();
      for (const hall of [t.a, t.b]) {
        await hall.link.close();
        removeDir(hall.dataDir);
      }
      removeDir(t.city.dataDir);
      await pg.stop();
    },
  };
  return t;
}
