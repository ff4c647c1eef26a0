import { gzipSync } from 'node:zlib';
import type { HallStatus } from '../../server/protocol/city.js';
import { quantile, round, sleep, wallNow } from '../load/stats.js';
import type { CityServer } from './city-server.js';
import { hallToday, TIME_ZONE } from './sim-hall.js';

// The citizens' case: `halls` halls each sending its status every 10 s (the shipper's heartbeat),
// with five services, while `citizens` phones open /waits/ (its HTML, then GET /api/city/waits) and
// read the waits again every 30 s, each from its own address (X-Forwarded-For through a trusted
// proxy, as behind the city's reverse proxy), starting at random moments of the first 30 s (of
// the whole run, when shorter).

const REFRESH_MS = 30_000;
const HEARTBEAT_MS = 10_000;

type Created = { id: number; token: string };

function statusOf(i: number): HallStatus {
  const at = Date.now();
  return {
    at,
    timeZone: TIME_ZONE,
    day: hallToday(),
    openNow: true,
    waiting: 20,
    longestWaitS: 600,
    longestWaitTargetS: 900,
    countersOpen: 6,
    issuedToday: 200,
    servedToday: 180,
    services: ['A', 'B', 'C', 'D', 'E'].map((code, s) => {
      const minutes = (i * 7 + s * 11) % 45;
      return { id: s + 1, code, name: { ar: `خدمة ${code}`, en: `Service ${code}` }, targetWaitS: 900, active: true, waiting: minutes, estimatedWaitMinutes: minutes, estimatedWaitRange: { low: Math.max(0, minutes - 4), high: minutes + 6 } };
    }),
    joinUrl: `https://hall-${i}.example.org/join`,
  };
}

export async function citizensCase(city: CityServer, halls: Created[], citizens: number, seconds: number) {
  const until = wallNow() + seconds * 1000;
  const latencies = { api: [] as number[], page: [] as number[] };
  let failures = 0;
  let answer = Buffer.alloc(0);

  const ship = (hall: Created, i: number) =>
    fetch(`${city.base}/api/city/hall/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${hall.token}` },
      body: JSON.stringify({ events: [], status: statusOf(i), configVersion: 0 }),
    });

  const heartbeat = async (hall: Created, i: number) => {
    await sleep(Math.random() * Math.min(HEARTBEAT_MS, seconds * 1000));
    while (wallNow() < until) {
      const res = await ship(hall, i);
      await res.arrayBuffer();
      if (res.status !== 200) failures++;
      await sleep(HEARTBEAT_MS);
    }
  };

  const get = async (path: string, address: string, into: number[]) => {
    const started = wallNow();
    try {
      const res = await fetch(city.base + path, { headers: { 'x-forwarded-for': address }, signal: AbortSignal.timeout(10_000) });
      const body = Buffer.from(await res.arrayBuffer());
      if (into === latencies.api) answer = body;
      if (res.status !== 200) failures++;
    } catch {
      failures++;
    }
    into.push(wallNow() - started);
  };

  const citizen = async (n: number) => {
    const address = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
    await sleep(Math.random() * Math.min(REFRESH_MS, seconds * 1000));
    await get('/waits/', address, latencies.page);
    do {
      await get('/api/city/waits', address, latencies.api);
      await sleep(REFRESH_MS);
    } while (wallNow() < until);
  };

  // The halls are heard from before the phones come.
  await Promise.all(halls.map((h, i) => ship(h, i).then((r) => r.arrayBuffer())));
  const cpuBefore = city.cpuMs();
  const own = process.cpuUsage();
  const started = wallNow();
  await Promise.all([...halls.map(heartbeat), ...Array.from({ length: citizens }, (_, n) => citizen(n + 1))]);
  const ranS = (wallNow() - started) / 1000;
  const cpu = city.cpuMs();
  const ownUsed = process.cpuUsage(own);
  return {
    citizens,
    citizenHalls: halls.length,
    seconds: round(ranS, 1),
    apiRequests: latencies.api.length,
    apiP50Ms: round(quantile(latencies.api, 0.5), 1),
    apiP99Ms: round(quantile(latencies.api, 0.99), 1),
    pageRequests: latencies.page.length,
    pageP50Ms: round(quantile(latencies.page, 0.5), 1),
    pageP99Ms: round(quantile(latencies.page, 0.99), 1),
    failures,
    /** The last answer of GET /api/city/waits, as sent and as a proxy's gzip would send it. */
    answerKb: round(answer.byteLength / 1024, 1),
    answerGzipKb: round(gzipSync(answer).byteLength / 1024, 1),
    /** The city's Node process and PostgreSQL, in % of one core over the run (heartbeats included). */
    cityCpuPct: round((cpu.city - cpuBefore.city) / 10 / ranS, 1),
    postgresCpuPct: round((cpu.postgres - cpuBefore.postgres) / 10 / ranS, 1),
    loadGeneratorCpuPct: round((ownUsed.user + ownUsed.system) / 10 / ranS / 1000, 1),
  };
}
