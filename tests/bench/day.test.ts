import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APPOINTMENT_DEFAULTS, bookAppointments } from '../../bench/day/appointments.js';
import { arrivalRate, generateFamilyDay, LOAD_RANGE } from '../../bench/day/families.js';
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

describe('the hall-family generator (families.ts)', () => {
  const SEEDS = Array.from({ length: 30 }, (_, i) => i + 1);
  const days = SEEDS.map((seed) => generateFamilyDay(seed));

  it('gives the same hall and day for the same seed, another for another', () => {
    const again = generateFamilyDay(7);
    expect(traceCsv(again.trace)).toBe(traceCsv(days[6]!.trace));
    expect(again.roster).toEqual(days[6]!.roster);
    expect(traceCsv(days[7]!.trace)).not.toBe(traceCsv(days[6]!.trace));
  });

  it('writes days in the FORMAT.md formats, within opening hours, every service served all day', () => {
    for (const { trace, roster, openS, closeS, hall } of days) {
      const day = buildDay(parseRoster(JSON.stringify(roster)), parseTrace(traceCsv(trace)));
      for (const v of day.visitors) {
        expect(v.arrivalS).toBeGreaterThanOrEqual(openS);
        expect(v.arrivalS).toBeLessThan(closeS);
        expect(Number.isInteger(v.serviceS) && v.serviceS >= 20).toBe(true);
      }
      for (const s of day.services)
        expect(day.counters.some((c) => c.serviceIds[0] === s.id && c.startS <= openS && c.endS >= closeS), `${s.code} all day`).toBe(true);
      expect(hall.priorityShare).toBeGreaterThanOrEqual(0);
      expect(hall.priorityShare).toBeLessThanOrEqual(0.2);
      expect(hall.load).toBeGreaterThanOrEqual(LOAD_RANGE[0]);
      expect(hall.load).toBeLessThanOrEqual(LOAD_RANGE[1]);
    }
  });

  it('varies what generate.ts keeps fixed: skills, visit shapes, peaks, targets', () => {
    const halls = days.map((d) => d.hall);
    expect(new Set(halls.map((h) => h.structure))).toEqual(new Set(['specialists', 'chains', 'mixed']));
    expect(new Set(halls.flatMap((h) => h.services.map((s) => s.shape)))).toEqual(new Set(['lognormal', 'gamma']));
    expect(new Set(halls.map((h) => h.peaks.length))).toEqual(new Set([1, 2]));
    const cvs = halls.flatMap((h) => h.services.map((s) => s.cv));
    expect(Math.min(...cvs)).toBeGreaterThanOrEqual(0.3);
    expect(Math.max(...cvs)).toBeLessThanOrEqual(1.5);
    expect(Math.max(...cvs) - Math.min(...cvs)).toBeGreaterThan(0.9);
    expect(halls.some((h) => new Set(h.services.map((s) => s.targetWaitS)).size >= 3)).toBe(true);
    for (const h of halls) {
      const skills = h.counters.map((c) => c.services.length);
      if (h.structure === 'specialists') expect(Math.max(...skills)).toBe(1);
      if (h.structure === 'chains') expect(Math.min(...skills)).toBeGreaterThanOrEqual(2);
      if (h.structure === 'mixed') expect(skills.filter((n) => n === h.services.length).length).toBeGreaterThanOrEqual(1);
    }
  });

  it('draws visit lengths with the services\' means, arrivals by the curve, at the load asked', () => {
    let drawn = 0;
    let expected = 0;
    for (const { trace, hall } of days) {
      const mean = new Map(hall.services.map((s) => [s.code, s.meanS]));
      for (const r of trace) (drawn += r.serviceS), (expected += mean.get(r.service)!);
    }
    expect(drawn / expected).toBeGreaterThan(0.93);
    expect(drawn / expected).toBeLessThan(1.07);

    // Seed 3 at full load: the busiest service's work fills its own counters' opening hours.
    const { trace, hall } = generateFamilyDay(3, 1);
    const loadOf = (code: string) => {
      const work = trace.filter((r) => r.service === code).reduce((a, r) => a + r.serviceS, 0);
      const own = hall.counters.filter((c) => c.services[0] === code);
      return work / own.reduce((a, c) => a + (Math.min(c.endH, hall.closeH) - Math.max(c.startH, hall.openH)) * 3600, 0);
    };
    const loads = hall.services.map((s) => loadOf(s.code));
    expect(Math.max(...loads)).toBeGreaterThan(0.8);
    expect(Math.max(...loads)).toBeLessThan(1.2);
    // More arrivals in the half hour around the highest peak than in the quietest half hour at either end.
    const top = hall.peaks.reduce((a, p) => (arrivalRate(hall, p.atH) > arrivalRate(hall, a.atH) ? p : a)).atH;
    const quiet = arrivalRate(hall, hall.openH) < arrivalRate(hall, hall.closeH) ? hall.openH + 0.25 : hall.closeH - 0.25;
    expect(arrivalRate(hall, top) / arrivalRate(hall, quiet)).toBeGreaterThan(1.4);
    const near = (h: number) => trace.filter((r) => Math.abs(r.arrivalS / 3600 - h) < 0.25).length;
    expect(near(top)).toBeGreaterThan(near(quiet));
  });

  it('npm run bench:day --generator families writes the day, with appointments if asked', () => {
    const out = join(dir, 'family');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/day/cli.ts', '--generator', 'families', '--seed', '4', '--out', out, '--appointments', '0.2'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const { trace, roster, openS, closeS } = generateFamilyDay(4);
    const { booked } = bookAppointments(trace, roster, { ...APPOINTMENT_DEFAULTS, share: 0.2, openS, closeS }, 4);
    expect(readFileSync(`${out}.trace.csv`, 'utf8')).toBe(traceCsv(booked));
    expect(JSON.parse(readFileSync(`${out}.roster.json`, 'utf8'))).toEqual(roster);
    for (const bad of [['--load', '1.4'], ['--generator', 'nope']]) {
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/day/cli.ts', '--generator', 'families', '--seed', '4', '--out', out, ...bad], { encoding: 'utf8' });
      expect(r.status, bad.join(' ')).toBe(2);
    }
  });
});

describe('days with appointments', () => {
  const spec = PROFILES.busy!;
  const { trace, roster } = generateDay(spec, 11);
  const opts = { ...APPOINTMENT_DEFAULTS, share: 0.3, openS: spec.openH * 3600, closeS: spec.closeH * 3600 };
  const { booked, walkIns, noShows } = bookAppointments(trace, roster, opts, 11);
  const appointments = booked.filter((r) => r.slotS !== null);

  it('books a share of the visitors, some of whom never come, and gives the same visitors as walk-ins', () => {
    expect(appointments.length + noShows).toBeGreaterThan(trace.length * 0.2);
    expect(noShows).toBeGreaterThan(0);
    expect(booked.length + noShows).toBe(trace.length);
    expect(walkIns).toEqual(booked.map((r) => ({ ...r, slotS: null })));
  });

  it('keeps slots within the hours, the check-in from 30 min before to 15 min after, and the caps', () => {
    const slotLen = new Map(roster.services.map((s) => [s.code, Math.ceil(s.avgServiceS! / 300) * 300]));
    const reserved = (code: string) => roster.counters.filter((c) => c.services[0] === code).length;
    const perSlot = new Map<string, number>();
    const perHour = new Map<string, number>();
    let late = 0;
    for (const r of appointments) {
      const len = slotLen.get(r.service)!;
      expect(r.slotS! % len === (opts.openS % len)).toBe(true);
      expect(r.slotS!).toBeGreaterThanOrEqual(opts.openS);
      expect(r.slotS! + len).toBeLessThanOrEqual(opts.closeS);
      expect(r.arrivalS).toBeGreaterThanOrEqual(Math.max(opts.openS, r.slotS! - 30 * 60));
      expect(r.arrivalS).toBeLessThanOrEqual(r.slotS! + 15 * 60);
      if (r.arrivalS > r.slotS!) late++;
      const slotKey = `${r.service}@${r.slotS}`;
      perSlot.set(slotKey, (perSlot.get(slotKey) ?? 0) + 1);
      expect(perSlot.get(slotKey)).toBeLessThanOrEqual(reserved(r.service));
      const hourKey = `${r.service}@${Math.floor(r.slotS! / 3600)}`;
      perHour.set(hourKey, (perHour.get(hourKey) ?? 0) + 1);
      // Booked work at most 40% of the reserved counters' minutes in the hour.
      expect(perHour.get(hourKey)! * len).toBeLessThanOrEqual(0.4 * reserved(r.service) * 3600);
    }
    expect(late).toBeGreaterThan(0);
    expect(late).toBeLessThan(appointments.length * 0.2);
  });

  it('books at most maxPerSlot citizens a slot when the hall sets fewer than its counters', () => {
    const one = bookAppointments(trace, roster, { ...opts, maxPerSlot: 1 }, 11).booked.filter((r) => r.slotS !== null);
    const slots = one.map((r) => `${r.service}@${r.slotS}`);
    expect(new Set(slots).size).toBe(slots.length);
    const shared = appointments.map((r) => `${r.service}@${r.slotS}`);
    expect(new Set(shared).size).toBeLessThan(shared.length); // by default a slot takes more than one
  });

  it('npm run bench:day --appointments writes the day with slot_s and the same day walking in', () => {
    const out = join(dir, 'appt');
    const args = ['--profile', 'busy', '--seed', '11', '--out', out, '--appointments', '0.3'];
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/day/cli.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(`${out}.trace.csv`, 'utf8')).toBe(traceCsv(booked));
    expect(readFileSync(`${out}.walk-ins.trace.csv`, 'utf8')).toBe(traceCsv(walkIns));
    expect(parseTrace(readFileSync(`${out}.trace.csv`, 'utf8')).filter((r) => r.slotS !== null)).toHaveLength(appointments.length);
    const bad = spawnSync(process.execPath, ['--import', 'tsx', 'bench/day/cli.ts', ...args.slice(0, 6), '--appointments', '1.5'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
  });
});
