import { cpus, loadavg } from 'node:os';
import { io } from 'socket.io-client';
import { BoardRow, CreatedHall, MAX_BATCH, type EventBatch, type HallStatus } from '../../server/protocol/city.js';
import { quantile, round, sleep, wallNow } from '../load/stats.js';
import { citizensCase } from './citizens.js';
import { startCity, type CityServer } from './city-server.js';
import { hallDay, type HallDay } from './hall-day.js';
import { options as o } from './options.js';
import { hallToday, ReplayClock, SimHall, TIME_ZONE, type Samples } from './sim-hall.js';

// `npm run bench:city -- --halls N [--minutes M] [--speed 10] [--json]`: N simulated halls, each
// replaying a generated day through a faithful copy of the hall's shipper, against a real city
// server on its embedded PostgreSQL, with a board open on its /city socket; then a raw-ingest
// phase of full batches as fast as the city answers. Prints one JSON object with --json.
// `--citizens N --halls H`: the citizens' case instead (bench/city/citizens.ts).

/** Distinct generated days, shared round the halls (generating and simulating one takes ~0.1 s). */
const DISTINCT_DAYS = 10;
const DRAIN_LIMIT_MS = 60_000;

async function post(city: CityServer, path: string, body: unknown, token?: string): Promise<{ status: number; body: any }> {
  const res = await fetch(city.base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function createHalls(city: CityServer, admin: string, n: number, label: string) {
  const halls = [];
  for (let i = 1; i <= n; i++) {
    const res = await post(city, '/api/city/halls', { name: { ar: `مركز ${label} ${i}`, en: `${label} centre ${i}` }, timeZone: TIME_ZONE }, admin);
    if (res.status !== 201) throw new Error(`creating hall ${i}: ${res.status} ${JSON.stringify(res.body)}`);
    halls.push(CreatedHall.parse(res.body));
  }
  return halls;
}

/** The replayed days: N halls shipping, a board watching. */
async function replay(city: CityServer, admin: string, days: HallDay[]) {
  const created = await createHalls(city, admin, o.halls, 'bench');
  const samples: Samples = { lagMs: [], boardMs: [], posts: 0, failures: 0, acked: 0 };
  const fromS = Math.min(...days.map((d) => d.events[0]!.atS));
  const clock = new ReplayClock(fromS, o.speed);
  const halls = new Map(created.map((h, i) => [h.id, new SimHall(h.id, h.token, days[i % days.length]!, clock, city.base, samples)]));

  const board = io(`${city.base}/city`, { auth: { token: admin }, transports: ['websocket'] });
  board.on('hall', (row: unknown) => halls.get(BoardRow.parse(row).id)?.boardRow(wallNow()));
  await new Promise<void>((resolve, reject) => {
    board.once('connect', () => resolve());
    board.once('connect_error', reject);
  });

  const cpuBefore = city.cpuMs();
  const ownBefore = process.cpuUsage();
  const started = wallNow();
  for (const hall of halls.values()) hall.start();
  await sleep(o.minutes * 60_000);
  const replayedS = (wallNow() - started) / 1000;
  const ackedInReplay = samples.acked;
  for (const hall of halls.values()) hall.freeze();
  const drainDeadline = wallNow() + DRAIN_LIMIT_MS;
  while ([...halls.values()].some((h) => h.busy) && wallNow() < drainDeadline) await sleep(100);
  const cpuAfter = city.cpuMs();
  const own = process.cpuUsage(ownBefore);
  const ranS = (wallNow() - started) / 1000;
  for (const hall of halls.values()) hall.stop();
  await sleep(500); // the last board rows
  board.close();

  const events = samples.acked;
  const dayMinutes = (replayedS * o.speed) / 60;
  // The headline figures first, in the order of the issue.
  return {
    eventsPerSec: round(ackedInReplay / replayedS, 1),
    ingestLagP50Ms: round(quantile(samples.lagMs, 0.5), 0),
    ingestLagP99Ms: round(quantile(samples.lagMs, 0.99), 0),
    cityCpuMsPerEvent: round((cpuAfter.city - cpuBefore.city) / events, 3),
    boardUpdateP99Ms: round(quantile(samples.boardMs, 0.99), 0),
    events,
    unshipped: [...halls.values()].reduce((n, h) => n + h.pending, 0),
    replayedDayFrom: `${String(Math.floor(fromS / 3600)).padStart(2, '0')}:${String(Math.floor((fromS % 3600) / 60)).padStart(2, '0')}`,
    replayedDayMinutes: round(dayMinutes, 1),
    ingestLagMaxMs: round(quantile(samples.lagMs, 1), 0),
    postgresCpuMsPerEvent: round((cpuAfter.postgres - cpuBefore.postgres) / events, 3),
    boardUpdateP50Ms: round(quantile(samples.boardMs, 0.5), 0),
    boardUpdates: samples.boardMs.length,
    /** This process's CPU over the run: near 100%, the generator itself would be the limit. */
    loadGeneratorCpuPct: round((own.user + own.system) / 10 / ranS / 1000, 1),
    posts: samples.posts,
    postFailures: samples.failures,
  };
}

/** Full batches (MAX_BATCH events) from `rawHalls` halls, one in flight each, as fast as the city answers. */
async function rawIngest(city: CityServer, admin: string) {
  const halls = await createHalls(city, admin, o.rawHalls, 'raw');
  const status: HallStatus = {
    at: Date.now(),
    timeZone: TIME_ZONE,
    day: hallToday(),
    openNow: true,
    waiting: 0,
    longestWaitS: null,
    longestWaitTargetS: null,
    countersOpen: 1,
    issuedToday: 0,
    servedToday: 0,
    services: [],
  };
  let acked = 0;
  const cpuBefore = city.cpuMs();
  const started = wallNow();
  const until = started + o.rawSeconds * 1000;
  await Promise.all(
    halls.map(async (hall) => {
      let seq = 0;
      while (wallNow() < until) {
        const at = Date.now();
        const batch: EventBatch = {
          events: Array.from({ length: MAX_BATCH }, (_, i) => ({
            seq: seq + i + 1,
            kind: 'ticket' as const,
            at,
            ticketId: seq + i + 1,
            type: 'issue' as const,
            fromStatus: null,
            toStatus: 'waiting',
            serviceId: 1,
            serviceCode: 'CR',
            counterId: null,
            userId: null,
            issuedAt: at,
            priority: false,
            remote: false,
          })),
          status: { ...status, at },
          configVersion: 0,
        };
        const res = await post(city, '/api/city/hall/events', batch, hall.token);
        if (res.status !== 200) throw new Error(`raw batch: ${res.status} ${JSON.stringify(res.body)}`);
        acked += res.body.ackedSeq - seq;
        seq = res.body.ackedSeq;
      }
    }),
  );
  const seconds = (wallNow() - started) / 1000;
  const cpu = city.cpuMs();
  return {
    rawIngestEventsPerSec: round(acked / seconds, 0),
    rawCityCpuMsPerEvent: round((cpu.city - cpuBefore.city) / acked, 4),
    rawPostgresCpuMsPerEvent: round((cpu.postgres - cpuBefore.postgres) / acked, 4),
  };
}

async function main() {
  const loadStart = round(loadavg()[0]!);
  // Before any connection is open: a long synchronous stretch would let the city close idle ones.
  const days = Array.from({ length: Math.min(o.halls, DISTINCT_DAYS) }, (_, i) => hallDay(o.profile, i + 1, o.scale));
  const city = await startCity(o.citizens > 0 ? { TRUST_PROXY: 'loopback' } : {});
  try {
    const login = await post(city, '/api/auth/login', { username: 'admin', password: city.adminPassword });
    if (login.status !== 200) throw new Error(`city admin login: ${login.status} ${JSON.stringify(login.body)}`);
    const admin = login.body.token as string;
    if (o.citizens > 0) {
      const r = await citizensCase(city, await createHalls(city, admin, o.halls, 'bench'), o.citizens, o.citizenSeconds);
      const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version, loadAverageStart: loadStart, loadAverageEnd: round(loadavg()[0]!) };
      if (o.json) process.stdout.write(JSON.stringify({ ...r, machine }) + '\n');
      else
        process.stdout.write(
          [
            `Dawr city benchmark, citizens: ${r.citizens} phones reading /api/city/waits every 30 s for ${r.seconds} s, ${r.citizenHalls} halls heartbeating every 10 s`,
            `waits API   ${r.apiRequests} requests: p50 ${r.apiP50Ms} ms, p99 ${r.apiP99Ms} ms (answers of ${r.answerKb} KB, ${r.answerGzipKb} KB gzipped); ${r.failures} failed`,
            `/waits/     ${r.pageRequests} pages: p50 ${r.pageP50Ms} ms, p99 ${r.pageP99Ms} ms`,
            `cost        city ${r.cityCpuPct}% of a core, PostgreSQL ${r.postgresCpuPct}%; the load generator ${r.loadGeneratorCpuPct}%`,
          ].join('\n') + '\n',
        );
      return;
    }
    const r = await replay(city, admin, days);
    const raw = o.rawSeconds > 0 ? await rawIngest(city, admin) : null;
    const result = {
      halls: o.halls,
      ...r,
      ...raw,
      speed: o.speed,
      minutes: o.minutes,
      profile: o.profile,
      scale: o.scale,
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version, loadAverageStart: loadStart, loadAverageEnd: round(loadavg()[0]!) },
    };
    if (o.json) process.stdout.write(JSON.stringify(result) + '\n');
    else {
      const lines = [
        `Dawr city benchmark: ${o.halls} halls replaying a ${o.profile} day (×${o.scale}) at ${o.speed}× for ${o.minutes} min (from ${r.replayedDayFrom}, ${r.replayedDayMinutes} min of the day)`,
        `ingest      ${r.events} events, ${r.eventsPerSec}/s; lag p50 ${r.ingestLagP50Ms} ms, p99 ${r.ingestLagP99Ms} ms, max ${r.ingestLagMaxMs} ms; ${r.posts} POSTs, ${r.postFailures} failed, ${r.unshipped} unshipped`,
        `            the load generator used ${r.loadGeneratorCpuPct}% of a core`,
        `cost        city ${r.cityCpuMsPerEvent} ms CPU per event, PostgreSQL ${r.postgresCpuMsPerEvent} ms`,
        `board       ${r.boardUpdates} rows: p50 ${r.boardUpdateP50Ms} ms, p99 ${r.boardUpdateP99Ms} ms after the POST's answer`,
        ...(raw ? [`raw ingest  ${raw.rawIngestEventsPerSec} events/s in batches of ${MAX_BATCH} from ${o.rawHalls} halls; city ${raw.rawCityCpuMsPerEvent} ms, PostgreSQL ${raw.rawPostgresCpuMsPerEvent} ms CPU per event`] : []),
      ];
      process.stdout.write(lines.join('\n') + '\n');
    }
  } catch (e) {
    console.error(`the city server's output:\n${city.output().slice(-4000)}`);
    throw e;
  } finally {
    await city.stop();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e instanceof Error ? `${e.message}${e.cause ? ` (${(e.cause as Error).message ?? e.cause})` : ''}` : e);
    process.exit(1);
  },
);
