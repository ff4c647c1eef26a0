import { describe, expect, it } from 'vitest';
import { hallDay } from '../../bench/city/hall-day.js';
import { ReplayClock, toHallEvent } from '../../bench/city/sim-hall.js';
import { HallEvent } from '../../server/protocol/city.js';
import { runTool } from '../helpers/scripts.js';

// `npm run bench:city`: the day a simulated hall replays is a hall's history, event by event, and
// a tiny run (2 halls, 1 minute) goes end to end against a real city server and prints the
// documented JSON. Speed is never asserted here.

describe("a simulated hall's day", () => {
  const day = hallDay('peak', 1);
  const clock = new ReplayClock(day.events[0]!.atS, 10);

  it('is in time order, and every event is one the contract takes', () => {
    expect(day.events.length).toBeGreaterThan(1000);
    day.events.forEach((e, i) => {
      if (i > 0) expect(e.atS).toBeGreaterThanOrEqual(day.events[i - 1]!.atS);
      expect(() => HallEvent.parse(toHallEvent(e, i + 1, clock))).not.toThrow();
    });
  });

  it("takes each ticket from issue through allowed steps, each from the status the last one left; counters open before they close", () => {
    const status = new Map<number, string>();
    const open = new Set<number>();
    const types = new Set<string>();
    for (const e of day.events) {
      if (e.kind === 'counter') {
        expect(open.has(e.counterId)).toBe(e.state === 'closed');
        if (e.state === 'open') open.add(e.counterId);
        else open.delete(e.counterId);
        continue;
      }
      types.add(e.type);
      expect(e.fromStatus, `ticket ${e.ticketId} ${e.type}`).toBe(status.get(e.ticketId) ?? null);
      status.set(e.ticketId, e.toStatus);
    }
    expect(open.size).toBe(0);
    expect([...types].sort()).toEqual(['call', 'complete', 'issue', 'no_show', 'start', 'transfer']);
    const ends = [...status.values()];
    expect(ends.filter((s) => s === 'done').length).toBeGreaterThan(ends.length * 0.8);
  });

  it('scales: twice the hall, about twice the events', () => {
    const twice = hallDay('peak', 1, 2).events.length;
    expect(twice).toBeGreaterThan(day.events.length * 1.7);
    expect(twice).toBeLessThan(day.events.length * 2.3);
  });
});

const run = (args: string[], timeoutMs: number) => runTool('bench/city/cli.ts', args, { timeoutMs });

describe('npm run bench:city', () => {
  it('runs 2 halls for a minute against a real city and prints the documented JSON', { timeout: 240_000 }, async () => {
    const { code, stdout, stderr } = await run(['--halls', '2', '--minutes', '1', '--raw-seconds', '3', '--raw-halls', '2', '--json'], 230_000);
    expect(code, stderr).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const r = JSON.parse(lines[0]!);
    expect(Object.keys(r).slice(0, 6)).toEqual(['halls', 'eventsPerSec', 'ingestLagP50Ms', 'ingestLagP99Ms', 'cityCpuMsPerEvent', 'boardUpdateP99Ms']);
    expect(r.halls).toBe(2);
    for (const k of ['eventsPerSec', 'ingestLagP50Ms', 'ingestLagP99Ms', 'cityCpuMsPerEvent', 'boardUpdateP99Ms', 'postgresCpuMsPerEvent', 'rawIngestEventsPerSec']) {
      expect(Number.isFinite(r[k]), k).toBe(true);
      expect(r[k], k).toBeGreaterThanOrEqual(0);
    }
    // A minute at 10× is ten minutes of the day's opening: every event of it reached the city.
    expect(r.events).toBeGreaterThan(20);
    expect(r.unshipped).toBe(0);
    expect(r.postFailures).toBe(0);
    expect(r.boardUpdates).toBeGreaterThan(0);
  });

  it("runs the citizens' case: phones reading the waits of heartbeating halls, each from its own address", { timeout: 240_000 }, async () => {
    const { code, stdout, stderr } = await run(['--citizens', '20', '--halls', '3', '--citizen-seconds', '2', '--json'], 230_000);
    expect(code, stderr).toBe(0);
    const r = JSON.parse(stdout.trim());
    expect(r).toMatchObject({ citizens: 20, citizenHalls: 3, apiRequests: 20, pageRequests: 20, failures: 0 });
    for (const k of ['apiP50Ms', 'apiP99Ms', 'pageP99Ms', 'cityCpuPct', 'answerKb', 'answerGzipKb']) expect(r[k], k).toBeGreaterThan(0);
  });
});
