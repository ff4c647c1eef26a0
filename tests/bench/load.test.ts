import { describe, expect, it } from 'vitest';
import { runTool } from '../helpers/scripts.js';

// `npm run bench:load` on a tiny run (20 displays, a few dozen tickets, five calls): it runs end to
// end, stops by itself and prints the documented JSON. Speed is never asserted here.

const NUMBERS = [
  'displays',
  'issuePerSec',
  'issueP99Ms',
  'callToDisplayP50Ms',
  'callToDisplayP99Ms',
  'rawBroadcastP99Ms',
  'rawBroadcastP50Ms',
  'burstCallToDisplayP99Ms',
  'burstCallToRawP99Ratio',
  'unprintedIssuePerSec',
  'unprintedIssueP99Ms',
  'printBacklogMs',
  'issueP50Ms',
  'issued',
  'fsyncFloorPerSec',
  'serverCpuMsPerIssue',
  'calls',
  'callUndelivered',
  'eventLoopDelayP99Ms',
  'eventLoopDelayMaxMs',
  'connectAllMs',
  'reconnectAllSnapshotsMs',
  'reconnectAfterReadyMs',
  'serverRestartMs',
  'missedCalls',
  'stormCalls',
  'clockOffsetMaxMs',
];

const run = (args: string[], timeoutMs: number) => runTool('bench/load/cli.ts', args, { timeoutMs });

describe('npm run bench:load', () => {
  it('runs a tiny load against the real server and prints one JSON object with every figure', { timeout: 90_000 }, async () => {
    const tiny = ['--displays', '20', '--issues', '40', '--round', '20', '--queue', '10', '--concurrency', '4', '--calls', '5'];
    const { code, stdout, stderr } = await run([...tiny, '--storm-calls', '2', '--time-limit-s', '80', '--json'], 85_000);
    expect(code, stderr).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0]!) as Record<string, unknown>;
    for (const key of NUMBERS) {
      expect(typeof result[key], key).toBe('number');
      expect(Number.isFinite(result[key]), key).toBe(true);
    }
    expect(result.displays).toBe(20);
    expect(result.issued).toBe(40);
    expect(result.calls).toBe(5);
    expect(result.stormCalls).toBe(2);
    expect(result.missedCalls).toBe(0);
    expect(result.issueErrors).toBe(0);
    // Printing by default: every ticket of the printing kiosks (standing queue and phase) printed.
    expect(result.issuePrinted).toBe(true);
    expect(result.receiptsPrinted).toBeGreaterThanOrEqual(10 + 40);
    expect(result.receiptsWaiting).toBe(0);
  });
});
