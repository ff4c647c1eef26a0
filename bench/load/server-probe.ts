import { monitorEventLoopDelay } from 'node:perf_hooks';

// Preloaded (`--import`) into the server process by the load benchmark, nothing else: it watches
// the event loop's delay and answers the benchmark's questions over the IPC channel. Two
// windows: `window` restarts at every `reset`, `run` only at `resetRun`.
//   {type: 'probe', reset?, resetRun?} → {type: 'probe', p99Ms, maxMs, cpuMs, rssMiB, run: {p99Ms, maxMs}}

const window = monitorEventLoopDelay({ resolution: 1 });
const run = monitorEventLoopDelay({ resolution: 1 });
window.enable();
run.enable();
let cpuAtReset = process.cpuUsage();

const ms = (ns: number) => ns / 1e6;

process.on('message', (msg: { type?: string; reset?: boolean; resetRun?: boolean }) => {
  if (msg?.type !== 'probe') return;
  const cpu = process.cpuUsage(cpuAtReset);
  process.send?.({
    type: 'probe',
    p99Ms: ms(window.percentile(99)),
    maxMs: ms(window.max),
    cpuMs: (cpu.user + cpu.system) / 1000,
    rssMiB: process.memoryUsage.rss() / 2 ** 20,
    run: { p99Ms: ms(run.percentile(99)), maxMs: ms(run.max) },
  });
  if (msg.reset) {
    window.reset();
    cpuAtReset = process.cpuUsage();
  }
  if (msg.resetRun) run.reset();
});
// The benchmark gone (it crashed or was killed), the server it started goes too.
process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
