import type { LoadResult } from './cli.js';

// The readable form of a load run (without --json).

const ms = (x: number) => `${x} ms`;

export function printReport(r: LoadResult): void {
  const m = r.machine;
  const lines = [
    `Dawr load benchmark: ${r.displays} displays (${r.displayDevices} display devices) in ${r.displayProcesses} processes`,
    `machine: ${m.cpus} × ${m.cpuModel}, ${m.memGiB} GiB, Node ${m.node}, ${m.platform}; ` +
      `load average ${m.loadAverageStart} at the start, ${m.loadAverageEnd} at the end`,
    '',
    `ticket issue     ${r.issued} tickets by ${r.issueConcurrency} concurrent kiosks, ${r.standingQueue}+ waiting: ${r.issuePerSec}/s, ` +
      `p50 ${ms(r.issueP50Ms)}, p99 ${ms(r.issueP99Ms)}, ${r.issueErrors} errors`,
    `                 ${r.issuePrinted ? `each printed on its kiosk's printer: ${r.receiptsPrinted} receipts, the last ${ms(r.printBacklogMs)} after the last answer (${r.receiptsWaiting} left)` : 'no printers (--no-print)'}`,
    ...(r.unprintedIssuePerSec !== null ? [`  no printers    ${r.unprintedIssuePerSec}/s, p99 ${ms(r.unprintedIssueP99Ms!)}`] : []),
    `                 server CPU ${ms(r.serverCpuMsPerIssue)} per ticket; fsync floor ${r.fsyncFloorPerSec} commits/s`,
    `call → display   ${r.calls} calls × ${r.displays} displays: p50 ${ms(r.callToDisplayP50Ms)}, ` +
      `p99 ${ms(r.callToDisplayP99Ms)}, max ${ms(r.callToDisplayMaxMs)}, ${r.callUndelivered} undelivered`,
    `                 Call next answered in p50 ${ms(r.callAnswerP50Ms)}, p99 ${ms(r.callAnswerP99Ms)}`,
    `  kiosk burst    the same calls while ${r.burstIssued} tickets are issued: p50 ${ms(r.burstCallToDisplayP50Ms)}, ` +
      `p99 ${ms(r.burstCallToDisplayP99Ms)} (${r.burstCallToRawP99Ratio} × floor)`,
    `bare broadcast   p50 ${ms(r.rawBroadcastP50Ms)}, p99 ${ms(r.rawBroadcastP99Ms)}, max ${ms(r.rawBroadcastMaxMs)} ` +
      `(call p99 = ${r.callToRawP99Ratio} × floor)`,
    `server loop      event-loop delay p99 ${ms(r.eventLoopDelayP99Ms)} (issue ${ms(r.issueEventLoopDelayP99Ms)}, ` +
      `calls ${ms(r.callEventLoopDelayP99Ms)}), max ${ms(r.eventLoopDelayMaxMs)}`,
    `reconnect storm  ${r.restartSignal}: server back in ${ms(r.serverRestartMs)}, every display's snapshot after ` +
      `${ms(r.reconnectAllSnapshotsMs)} (${ms(r.reconnectAfterReadyMs)} after it listened); ` +
      `${r.stormCalls} calls made meanwhile, missed: ${r.missedCalls}; server CPU ${ms(r.stormServerCpuMs)}, loop delay max ${ms(r.stormEventLoopDelayMaxMs)}`,
    `                 first connect of all displays ${ms(r.connectAllMs)}; clock offset between processes ≤ ${ms(r.clockOffsetMaxMs)}`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}
