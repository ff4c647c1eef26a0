import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { DisplayFleet } from './displays.js';
import { fsyncFloorPerSec } from './fsync-floor.js';
import { HttpClient } from './http.js';
import { options as o } from './options.js';
import { broadcastPhase, issueOne, issuePhase, issueRound, type Kiosks } from './phases.js';
import { printsSettled } from './prints.js';
import { rawFloor } from './raw-floor.js';
import { printReport } from './report.js';
import { DawrServer, freePort, welcomeTokens, type ProbeReading } from './server-process.js';
import { login, newDevices, newPrintingKiosks } from './setup.js';
import { round, wallNow } from './stats.js';
import { restartStorm } from './storm.js';

// npm run bench:load -- --displays N [--json]: the real server on loopback under load, against
// the floor of a bare socket.io broadcast; BENCHMARKS.md (## Load) says what each figure means.

const PHASE_MS = 120_000;
const log = (line: string) => o.json || process.stderr.write(line + '\n');

const cleanups: (() => unknown)[] = [];
async function cleanUp() {
  for (const fn of cleanups.splice(0).reverse()) await Promise.resolve(fn()).catch(() => undefined);
}
// Whatever happens, the benchmark ends: a hard deadline, and signals clean up too.
const deadline = setTimeout(() => {
  process.stderr.write(`bench:load: time limit of ${o.timeLimitMs / 1000} s reached\n`);
  void cleanUp().finally(() => process.exit(2));
}, o.timeLimitMs);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void cleanUp().finally(() => process.exit(130)));

async function main() {
  const loadAtStart = loadavg()[0]!;
  const dataDir = mkdtempSync(join(tmpdir(), 'dawr-load-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  log(`bench:load: ${o.displays} displays in ${o.processes} processes; data in ${dataDir}`);
  const fsyncFloor = fsyncFloorPerSec(dataDir);
  const fleet = await DisplayFleet.start(o.processes);
  cleanups.push(() => fleet.stop());

  log('bare socket.io broadcast (the floor)…');
  const raw = await rawFloor(fleet, { ...o, maxMs: PHASE_MS });

  // The real server, a new demo hall: kiosks with a printer each (none with --no-print), screens.
  const adminPassword = `load-${Math.random().toString(36).slice(2)}-pw`;
  const server = new DawrServer({ port: await freePort(), dataDir, adminPassword, cpuProfDir: o.cpuProfDir });
  cleanups.push(() => server.stop('SIGTERM'));
  const demo = welcomeTokens(await server.start());
  const http = new HttpClient(server.base, Math.max(16, o.concurrency));
  cleanups.push(() => http.close());
  const admin = await login(http, 'admin', adminPassword);
  const clerk = await login(http, 'clerk', adminPassword);
  const supervisor = await login(http, 'supervisor', adminPassword);
  const services = (await http.get('/api/services')).body as { id: number }[];
  const counterIds = ((await http.get('/api/counters', clerk)).body as { id: number }[]).map((c) => c.id);
  const serviceIds = services.map((s) => s.id);
  const printerDir = join(dataDir, 'print'); // PRINT_FILE_DIR's default, made by the server: file: printers write nowhere else
  const dbFile = join(dataDir, 'dawr.sqlite');
  const kiosks: Kiosks = {
    http,
    tokens: o.print ? await newPrintingKiosks(http, admin, o.concurrency, printerDir) : await newDevices(http, admin, 'kiosk', o.concurrency),
    serviceIds,
    issued: 0,
  };
  // When printing, as many kiosks without a printer: the issue path alone, measured in the same run.
  const bareKiosks: Kiosks | undefined = o.print ? { http, tokens: await newDevices(http, admin, 'kiosk', o.concurrency), serviceIds, issued: 0 } : undefined;
  const screens = [demo.display, ...(await newDevices(http, admin, 'display', o.displayDevices - 1))];

  log(`Dawr: connecting ${o.displays} displays (${screens.length} display devices)…`);
  const connectStart = wallNow();
  await fleet.connect(`${server.base}/display`, screens, o.displays);
  const connectAllMs = wallNow() - connectStart;

  log(`ticket issue: ${o.issues} tickets, ${o.concurrency} at a time, ${o.queue} already waiting…`);
  // Between rounds the server's loop and CPU of the round are noted, then its tickets cancelled.
  const rounds: ProbeReading[] = [];
  const cancelAll = async (ids: number[]) => {
    for (const id of ids) await http.post(`/api/tickets/${id}/cancel`, undefined, supervisor);
  };
  const drain = async (ids: number[]) => {
    rounds.push(await server.probe(true));
    await cancelAll(ids);
    await server.probe(true);
  };
  // The standing queue (and the warm-up): tickets people hold when the measurement starts.
  for (let i = 0; i < o.queue; i++) await issueOne(kiosks);
  await server.probe(true, true);
  const issue = await issuePhase(kiosks, o.issues, o.round, o.concurrency, PHASE_MS, drain);
  const issueCpuMs = rounds.reduce((sum, r) => sum + r.cpuMs, 0);
  const issueEnd = wallNow();
  // The receipts still being drawn and printed when the last kiosk had its answer.
  const printed = o.print ? await printsSettled(dbFile, PHASE_MS) : undefined;
  if (bareKiosks) log(`ticket issue without printers: ${o.issues} tickets…`);
  const unprinted = bareKiosks && (await issuePhase(bareKiosks, o.issues, o.round, o.concurrency, PHASE_MS, cancelAll));

  // A ticket for every call to come (both call phases), on top of the standing queue (not
  // measured): every counter finds someone to call, and the queue stays as long while calling.
  for (let i = 0; i < 2 * o.calls + o.stormCalls + 20; i++) await issueOne(bareKiosks ?? kiosks);

  log(`call → display: ${o.calls} calls…`);
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
  await broadcastPhase(fleet, o.displays, callNext, 3, o.gapMs, PHASE_MS); // warm-up
  await server.probe(true);
  const call = await broadcastPhase(fleet, o.displays, callNext, o.calls, o.gapMs, PHASE_MS);
  const callLoop = await server.probe(true);

  // The same calls while the kiosks tap (and print) as fast as they are answered: what a display
  // waits for in the morning rush. Their tickets are newer than the ones called, and cancelled.
  log(`call → display during a kiosk burst: ${o.calls} calls…`);
  let bursting = true;
  let burstIssued = 0;
  const burst = (async () => {
    while (bursting && burstIssued < 20 * o.issues) {
      const round = await issueRound(kiosks, o.round, o.concurrency);
      burstIssued += round.ids.length;
      await cancelAll(round.ids);
    }
  })();
  const burstCall = await broadcastPhase(fleet, o.displays, callNext, o.calls, o.gapMs, PHASE_MS).finally(() => (bursting = false));
  await burst;
  // The burst's receipts are printed before the restart: the storm measures the displays' return.
  if (o.print) await printsSettled(dbFile, PHASE_MS);
  await server.probe(true);

  log(`reconnect storm: restarting the server (${o.restartSignal}) with ${o.displays} displays connected…`);
  const storm = await restartStorm({ server, fleet, callNext, stormCalls: o.stormCalls, signal: o.restartSignal });
  await fleet.disconnect();
  await cleanUp();

  const cpu = cpus();
  return {
    displays: o.displays,
    issuePerSec: round(issue.perSec, 1),
    issueP99Ms: round(issue.p99Ms),
    callToDisplayP50Ms: round(call.p50Ms),
    callToDisplayP99Ms: round(call.p99Ms),
    rawBroadcastP99Ms: round(raw.p99Ms),
    rawBroadcastP50Ms: round(raw.p50Ms),
    callToRawP99Ratio: round(call.p99Ms / raw.p99Ms),
    burstCallToDisplayP50Ms: round(burstCall.p50Ms),
    burstCallToDisplayP99Ms: round(burstCall.p99Ms),
    burstCallToRawP99Ratio: round(burstCall.p99Ms / raw.p99Ms),
    burstIssued,
    callToDisplayMaxMs: round(call.maxMs),
    callAnswerP50Ms: round(call.answer.p50Ms),
    callAnswerP99Ms: round(call.answer.p99Ms),
    rawBroadcastMaxMs: round(raw.maxMs),
    issueP50Ms: round(issue.p50Ms),
    issued: issue.issued,
    issueErrors: issue.errors,
    issueConcurrency: o.concurrency,
    issuePrinted: o.print,
    /** From the last answer of the issue phase until every receipt so far was printed (0 without printers). */
    printBacklogMs: printed ? round(printed.at - issueEnd, 0) : 0,
    /** Receipts printed by then (standing queue and warm-up included), and any still waiting (0). */
    receiptsPrinted: printed?.printed ?? 0,
    receiptsWaiting: printed?.waiting ?? 0,
    /** The same phase from kiosks without a printer (printing runs only; --no-print measures it alone). */
    unprintedIssuePerSec: unprinted ? round(unprinted.perSec, 1) : null,
    unprintedIssueP99Ms: unprinted ? round(unprinted.p99Ms) : null,
    standingQueue: o.queue,
    fsyncFloorPerSec: round(fsyncFloor, 0),
    serverCpuMsPerIssue: round(issueCpuMs / Math.max(1, issue.issued), 3),
    calls: call.broadcasts,
    callUndelivered: call.undelivered,
    rawUndelivered: raw.undelivered,
    eventLoopDelayP99Ms: round(callLoop.run.p99Ms),
    eventLoopDelayMaxMs: round(callLoop.run.maxMs),
    issueEventLoopDelayP99Ms: round(Math.max(...rounds.map((r) => r.p99Ms))),
    callEventLoopDelayP99Ms: round(callLoop.p99Ms),
    connectAllMs: round(connectAllMs, 0),
    reconnectAllSnapshotsMs: round(storm.allSnapshotsMs, 0),
    reconnectAfterReadyMs: round(storm.afterReadyMs, 0),
    serverRestartMs: round(storm.restartMs, 0),
    stormEventLoopDelayMaxMs: round(storm.loop.maxMs),
    stormServerCpuMs: round(storm.loop.cpuMs, 0),
    missedCalls: storm.missedCalls,
    displaysMissingCalls: storm.displaysMissing,
    stormCalls: storm.calls,
    restartSignal: o.restartSignal,
    displayProcesses: o.processes,
    displayDevices: screens.length,
    clockOffsetMaxMs: round(fleet.maxClockOffsetMs, 3),
    machine: {
      cpus: cpu.length,
      cpuModel: cpu[0]?.model ?? 'unknown',
      memGiB: round(totalmem() / 2 ** 30, 1),
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      /** The 1-minute load average when the run started and ended: others' work skews every figure. */
      loadAverageStart: round(loadAtStart, 2),
      loadAverageEnd: round(loadavg()[0]!, 2),
    },
  };
}

main().then(
  (result) => {
    clearTimeout(deadline);
    if (o.json) process.stdout.write(JSON.stringify(result) + '\n');
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
