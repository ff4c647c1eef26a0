import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDay, PROFILES, traceCsv } from '../../bench/day/generate.js';
import { buildDay, parseRoster, parseTrace } from '../../bench/sim/day.js';

const dir = mkdtempSync(join(tmpdir(), 'dawr-day-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the synthetic-day generator', () => {
  it('gives the same day for the same seed and another for another seed', () => {
    const a = generateDay(PROFILES.normal!, 7);
    const b = generateDay(PROFILES.normal!, 7);
    const c = generateDay(PROFILES.normal!, 8);
    expect(traceCsv(a.trace)).toBe(traceCsv(b.trace));
    expect(a.roster).toEqual(b.roster);
    expect(traceCsv(c.trace)).not.toBe(traceCsv(a.trace));
  });

  it('writes files in the FORMAT.md formats, with a plausible day in them', () => {
    for (const [name, spec] of Object.entries(PROFILES)) {
      const { trace, roster } = generateDay(spec, 1);
      const parsedTrace = parseTrace(traceCsv(trace));
      const day = buildDay(parseRoster(JSON.stringify(roster)), parsedTrace);
      expect(day.visitors.length, name).toBeGreaterThan(spec.visitors * 0.8);
      expect(day.visitors.length, name).toBeLessThan(spec.visitors * 1.2);
      for (const v of day.visitors) {
        expect(v.arrivalS).toBeGreaterThanOrEqual(spec.openH * 3600);
        expect(v.arrivalS).toBeLessThan(spec.closeH * 3600);
        expect(Number.isInteger(v.serviceS) && v.serviceS >= 20).toBe(true);
      }
      const priority = day.visitors.filter((v) => v.priority).length / day.visitors.length;
      expect(priority).toBeGreaterThan(0.03);
      expect(priority).toBeLessThan(0.15);
      // Every service is asked for and served by some counter; every counter has a shift.
      for (const s of day.services) {
        expect(day.visitors.some((v) => v.serviceId === s.id)).toBe(true);
        expect(day.counters.some((c) => c.serviceIds.includes(s.id))).toBe(true);
      }
      expect(day.counters.some((c) => c.serviceIds.length < day.services.length)).toBe(true);
    }
  });

  it('peaks in the morning on the peak profile', () => {
    const { trace } = generateDay(PROFILES.peak!, 3);
    const perHour = (h: number) => trace.filter((r) => r.arrivalS >= h * 3600 && r.arrivalS < (h + 1) * 3600).length;
    expect(perHour(9)).toBeGreaterThan(1.5 * perHour(12));
  });

  it('the committed days are the generator\'s output for their seeds', () => {
    for (const [file, profile] of [['normal-day', 'normal'], ['peak-day', 'peak']] as const) {
      const { trace, roster } = generateDay(PROFILES[profile]!, 1);
      expect(readFileSync(`bench/data/${file}.trace.csv`, 'utf8')).toBe(traceCsv(trace));
      expect(JSON.parse(readFileSync(`bench/data/${file}.roster.json`, 'utf8'))).toEqual(roster);
    }
  });

  it('npm run bench:day writes the trace and the roster', () => {
    const out = join(dir, 'day');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/day/cli.ts', '--profile', 'busy', '--seed', '5', '--out', out], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const { trace } = generateDay(PROFILES.busy!, 5);
    expect(readFileSync(`${out}.trace.csv`, 'utf8')).toBe(traceCsv(trace));
    expect(() => parseRoster(readFileSync(`${out}.roster.json`, 'utf8'))).not.toThrow();
  });
});
