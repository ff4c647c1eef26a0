import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DisplayFleet } from './displays.js';
import { fsyncFloorPerSec } from './fsync-floor.js';
import { HttpClient } from './http.js';
import { broadcastPhase, issueOne, issuePhase, type Kiosks } from './phases.js';
import { printReport } from './report.js';
import { DawrServer, freePort, welcomeTokens, type ProbeReading } from './server-process.js';
import { round, wallNow } from './stats.js';
import { restartStorm } from './storm.js';

// npm run bench:load -- --displays N [--json]: the real server on loopback under load; see
// ../../BENCHMARKS.md (## Load) for what each figure means.

const { values: opt } = parseArgs({
  options: {
    displays: { type: 'string', default: '100' },
    json: { type: 'boolean', default: false },
    issues: { type: 'string', default: '2000' },
    queue: { type: 'string', default: '100' },
    round: { type: 'string', default: '100' },
    concurrency: { type: 'string', default: '16' },
    calls: { type: 'string', default: '100' },
    'storm-calls': { type: 'string', default: '3' },
    processes: { type: 'string' },
    restart: { type: 'string', default: 'term' },
    'gap-ms': { type: 'string', default: '30' },
    'cpu-prof': { type: 'string' },
    print: { type: 'boolean', default: false },
    'time-limit-s': { type: 'string', default: '600' },
  },
  strict: true,
});

const int = (name: keyof typeof opt, min: number): number => {
  const n = Number(opt[name]);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}`);
  return n;
};
const displays = int('displays', 1);
const issues = int('issues', 1);
const queue = int('queue', 0);
const roundSize = int('round', 1);
const concurrency = int('concurrency', 1);
const calls = int('calls', 1);
const stormCalls = Math.min(int('storm-calls', 0), 8);
const gapMs = int('gap-ms', 0);
const processes = opt.processes ? int('processes', 1) : Math.min(displays, Math.max(4, Math.min(8, Math.ceil(displays / 250))));
if (opt.restart !== 'term' && opt.restart !== 'kill') throw new Error('--restart must be term or kill');
const restartSignal = opt.restart === 'term' ? 'SIGTERM' : 'SIGKILL';
const PHASE_MS = 120_000;

const log = (line: string) => {
  if (!opt.json) process.stderr.write(line + '\n');
};

const cleanups: (() => unknown)[] = [];
async function cleanUp() {
  for (const fn of cleanups.splice(0).reverse()) await Promise.resolve(fn()).catch(() => undefined);
}
// Whatever happens, the benchmark ends: a hard deadline, and signals clean up too.
const deadline = setTimeout(() => {
  process.stderr.write(`bench:load: time limit of ${opt['time-limit-s']} s reached\n`);
  void cleanUp().finally(() => process.exit(2));
}, int('time-limit-s', 10) * 1000);
deadline.unref();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void cleanUp().finally(() => process.exit(130)));

/** The bare socket.io floor, in its own process, measured against the same display processes. */
async function rawFloor(fleet: DisplayFleet) {
  const raw = fork(fileURLToPath(new URL('./raw-server.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'] });
  cleanups.push(() => raw.kill('SIGKILL'));
  const port = await new Promise<number>((resolve, reject) => {
    raw.once('message', (m: { port: number }) => resolve(m.port));
    raw.once('exit', () => reject(new Error('raw socket.io server exited')));
  });
  const http = new HttpClient(`http://127.0.0.1:${port}`, 4);
  await fleet.connect(`http://127.0.0.1:${port}/display`, 'raw', displays);
  const key = (i: number) => 1_000_000_000 + i;
  const send = async (i: number) => {
    const call = { id: key(i), ticket: { id: key(i), number: 'B001', serviceId: 1 }, counter: { id: 1, number: 1 }, recall: false, at: new Date().toISOString() };
    await http.post('/emit', call);
    return key(i);
  };
  await broadcastPhase(fleet, displays, { send: (i) => send(-1 - i) }, 3, gapMs, PHASE_MS); // warm-up
  const result = await broadcastPhase(fleet, displays, { send }, calls, gapMs, PHASE_MS);
  await fleet.disconnect();
  http.close();
  raw.kill('SIGTERM');
  return result;
}

/**
 * The kiosks that issue: one device per concurrent client, none with a printer, so that the
 * figure is the issue path itself; with --print, the demo kiosk, whose tickets are also rendered
 * and queued for its printer.
 */
async function kioskTokens(http: HttpClient, adminPassword: string, demoKiosk: string): Promise<string[]> {
  if (opt.print) return [demoKiosk];
  const admin = await http.post('/api/auth/login', { username: 'admin', password: adminPassword });
  if (admin.status !== 200) throw new Error(`admin login failed: ${admin.status}`);
  const out: string[] = [];
  for (let i = 0; i < concurrency; i++) {
    const res = await http.post('/api/admin/devices', { kind: 'kiosk', name: `load kiosk ${i + 1}` }, { authorization: `Bearer ${admin.body.token}` });
    if (res.status !== 201) throw new Error(`creating a kiosk failed: ${res.status} ${JSON.stringify(res.body)}`);
    out.push(res.body.token as string);
  }
  return out;
}

async function main() {
  const loadAtStart = loadavg()[0]!;
  const dataDir = mkdtempSync(join(tmpdir(), 'dawr-load-'));
  cleanups.push(() => {
    if (!opt['cpu-prof']) rmSync(dataDir, { recursive: true, force: true });
  });
  log(`bench:load: ${displays} displays in ${processes} processes; data in ${dataDir}`);
  const fsyncFloor = fsyncFloorPerSec(dataDir);

  const fleet = await DisplayFleet.start(processes);
  cleanups.push(() => fleet.stop());

  log('bare socket.io broadcast (the floor)…');
  const raw = await rawFloor(fleet);

  const adminPassword = `load-${Math.random().toString(36).slice(2)}-pw`;
  const server = new DawrServer({ port: await freePort(), dataDir, adminPassword, cpuProfDir: opt['cpu-prof'] });
  cleanups.push(() => server.stop('SIGTERM'));
  const tokens = welcomeTokens(await server.start());
  const http = new HttpClient(server.base, Math.max(16, concurrency));
  cleanups.push(() => http.close());
  const login = await http.post('/api/auth/login', { username: 'clerk', password: adminPassword });
  if (login.status !== 200) throw new Error(`clerk login failed: ${login.status}`);
  const clerk = { authorization: `Bearer ${login.body.token}` };
  const services = (await http.get('/api/services')).body as { id: number }[];
  const counterIds = ((await http.get('/api/counters', clerk)).body as { id: number }[]).map((c) => c.id);
  const kiosk: Kiosks = { http, tokens: await kioskTokens(http, adminPassword, tokens.kiosk), serviceIds: services.map((s) => s.id), issued: 0 };

  log(`Dawr: connecting ${displays} displays…`);
  const connectStart = wallNow();
  await fleet.connect(`${server.base}/display`, tokens.display, displays);
  const connectAllMs = wallNow() - connectStart;

  log(`ticket issue: ${issues} tickets, ${concurrency} at a time, ${queue} already waiting…`);
  const supervisor = await http.post('/api/auth/login', { username: 'supervisor', password: adminPassword });
  if (supervisor.status !== 200) throw new Error(`supervisor login failed: ${supervisor.status}`);
  const cancel = { authorization: `Bearer ${supervisor.body.token}` };
  // Between rounds: the server's loop and CPU of the round are noted, then its tickets cancelled.
  const rounds: ProbeReading[] = [];
  const drain = async (ids: number[]) => {
    rounds.push(await server.probe(true));
    for (const id of ids) await http.post(`/api/tickets/${id}/cancel`, undefined, cancel);
    await server.probe(true);
  };
  // The standing queue (and the warm-up): tickets people hold when the measurement starts.
  for (let i = 0; i < queue; i++) await issueOne(kiosk);
  await server.probe(true, true);
  const issue = await issuePhase(kiosk, issues, roundSize, concurrency, PHASE_MS, drain);
  const issueCpuMs = rounds.reduce((sum, r) => sum + r.cpuMs, 0);
  const issueLoopP99Ms = Math.max(...rounds.map((r) => r.p99Ms));

  // Enough waiting tickets for every call to come; these are not measured.
  for (let i = queue; i < calls + stormCalls + 10; i++) await issueOne(kiosk);

  log(`call → display: ${calls} calls…`);
  let turn = 0;
  const callNext = {
    async send(): Promise<number | null> {
      const counterId = counterIds[turn++ % counterIds.length]!;
      const res = await http.post(`/api/counters/${counterId}/next`, undefined, clerk);
      if (res.status !== 200 && res.status !== 204) throw new Error(`call next: ${res.status} ${JSON.stringify(res.body)}`);
      return res.status === 200 ? (res.body.id as number) : null;
    },
    async after(ticketId: number) {
      const res = await http.post(`/api/tickets/${ticketId}/complete`, undefined, clerk);
      if (res.status !== 200) throw new Error(`complete: ${res.status}`);
    },
  };
  await broadcastPhase(fleet, displays, callNext, 3, gapMs, PHASE_MS); // warm-up
  await server.probe(true);
  const call = await broadcastPhase(fleet, displays, callNext, calls, gapMs, PHASE_MS);
  const callLoop = await server.probe(true);

  log(`reconnect storm: restarting the server (${restartSignal}) with ${displays} displays connected…`);
  const storm = await restartStorm({ server, fleet, callNext, stormCalls, signal: restartSignal });

  await fleet.disconnect();
  await cleanUp();

  const cpu = cpus();
  return {
    displays,
    issuePerSec: round(issue.perSec, 1),
    issueP99Ms: round(issue.p99Ms),
    callToDisplayP50Ms: round(call.p50Ms),
    callToDisplayP99Ms: round(call.p99Ms),
    rawBroadcastP99Ms: round(raw.p99Ms),
    rawBroadcastP50Ms: round(raw.p50Ms),
    callToRawP99Ratio: round(call.p99Ms / raw.p99Ms),
    callToDisplayMaxMs: round(call.maxMs),
    rawBroadcastMaxMs: round(raw.maxMs),
    issueP50Ms: round(issue.p50Ms),
    issued: issue.issued,
    issueErrors: issue.errors,
    issueConcurrency: concurrency,
    issuePrinted: opt.print,
    standingQueue: queue,
    fsyncFloorPerSec: round(fsyncFloor, 0),
    calls: call.broadcasts,
    callUndelivered: call.undelivered,
    rawUndelivered: raw.undelivered,
    eventLoopDelayP99Ms: round(callLoop.run.p99Ms),
    eventLoopDelayMaxMs: round(callLoop.run.maxMs),
    issueEventLoopDelayP99Ms: round(issueLoopP99Ms),
    callEventLoopDelayP99Ms: round(callLoop.p99Ms),
    serverCpuMsPerIssue: round(issueCpuMs / Math.max(1, issue.issued), 3),
    connectAllMs: round(connectAllMs, 0),
    reconnectAllSnapshotsMs: round(storm.allSnapshotsMs, 0),
    reconnectAfterReadyMs: round(storm.afterReadyMs, 0),
    serverRestartMs: round(storm.restartMs, 0),
    stormEventLoopDelayMaxMs: round(storm.loop.maxMs),
    missedCalls: storm.missedCalls,
    displaysMissingCalls: storm.displaysMissing,
    stormCalls: storm.calls,
    restartSignal,
    displayProcesses: processes,
    clockOffsetMaxMs: round(fleet.maxClockOffsetMs, 3),
    machine: {
      cpus: cpu.length,
      cpuModel: cpu[0]?.model ?? 'unknown',
      memGiB: round(totalmem() / 2 ** 30, 1),
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      /** The machine's load (1-minute average) when the run started and ended: others' work skews every figure. */
      loadAverageStart: round(loadAtStart, 2),
      loadAverageEnd: round(loadavg()[0]!, 2),
    },
  };
}

main().then(
  (result) => {
    clearTimeout(deadline);
    if (opt.json) process.stdout.write(JSON.stringify(result) + '\n');
    else printReport(result);
    process.exit(0);
  },
  async (err: Error) => {
    process.stderr.write(`bench:load failed: ${err.stack ?? err.message}\n`);
    await cleanUp();
    process.exit(1);
  },
);

export type LoadResult = Awaited<ReturnType<typeof main>>;
