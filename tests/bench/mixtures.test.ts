import { describe, expect, it } from 'vitest';
import { traceCsv } from '../../bench/day/generate.js';
import { jitterTrace } from '../../bench/day/jitter.js';
import { drawMixtureHall, generateMixtureDay, mixtureStats, serviceRate } from '../../bench/day/mixtures.js';
import { buildDay, parseRoster, parseTrace } from '../../bench/sim/day.js';

const SEEDS = Array.from({ length: 40 }, (_, i) => i + 1);

describe('the mixtures generator', () => {
  it('gives the same day for the same seed and another for another seed', () => {
    expect(traceCsv(generateMixtureDay(5).trace)).toBe(traceCsv(generateMixtureDay(5).trace));
    expect(generateMixtureDay(5).roster).toEqual(generateMixtureDay(5).roster);
    expect(traceCsv(generateMixtureDay(6).trace)).not.toBe(traceCsv(generateMixtureDay(5).trace));
  });

  it('writes days in the FORMAT.md formats, every service asked for and served all day', () => {
    for (const seed of SEEDS) {
      const { hall, trace, roster } = generateMixtureDay(seed);
      const day = buildDay(parseRoster(JSON.stringify(roster)), parseTrace(traceCsv(trace)));
      expect(day.visitors.length, `seed ${seed}`).toBeGreaterThan(20);
      for (const v of day.visitors) {
        expect(v.arrivalS).toBeGreaterThanOrEqual(hall.openH * 3600);
        expect(v.arrivalS).toBeLessThan(hall.closeH * 3600);
        expect(v.serviceS).toBeGreaterThanOrEqual(20);
      }
      for (const s of day.services) {
        const full = day.counters.filter((c) => c.serviceIds.includes(s.id) && c.startS <= hall.openH * 3600 && c.endS >= hall.closeH * 3600);
        expect(full.length, `seed ${seed} ${s.code}`).toBeGreaterThan(0);
      }
    }
  });

  it('draws the skill structures, one or two peaks, priority 0–20%, targets per service', () => {
    const halls = SEEDS.map(drawMixtureHall);
    expect(new Set(halls.map((h) => h.structure))).toEqual(new Set(['pairs', 'backup', 'generalists', 'specialists']));
    expect(new Set(halls.map((h) => h.peaks.length))).toEqual(new Set([1, 2]));
    for (const h of halls) {
      expect(h.priorityShare).toBeGreaterThanOrEqual(0);
      expect(h.priorityShare).toBeLessThanOrEqual(0.2);
      const skills = h.counters.map((c) => c.services.length);
      if (h.structure === 'specialists') expect(Math.max(...skills)).toBe(1);
      if (h.structure === 'generalists') expect(skills).toContain(h.services.length);
    }
    expect(halls.some((h) => new Set(h.services.map((s) => s.targetWaitS)).size > 1)).toBe(true);
  });

  it("visit lengths have the service's coefficient of variation (0.3–1.5), as drawn and as sampled", () => {
    const cvs = SEEDS.flatMap((seed) => drawMixtureHall(seed).services.map((s) => [s, mixtureStats(s.quickShare, s.quickS, s.longS)] as const));
    for (const [s, stats] of cvs) {
      expect(s.cv).toBeGreaterThanOrEqual(0.3);
      expect(s.cv).toBeLessThanOrEqual(1.5);
      expect(stats.cv).toBeCloseTo(s.cv, 1);
    }
    expect(Math.min(...cvs.map(([s]) => s.cv))).toBeLessThan(0.5);
    expect(Math.max(...cvs.map(([s]) => s.cv))).toBeGreaterThan(1.3);
    // The busiest service of a day: its sample cv near the drawn one.
    const { hall, trace } = generateMixtureDay(3);
    const s = hall.services.reduce((a, b) => (b.share > a.share ? b : a));
    const xs = trace.filter((r) => r.service === s.code).map((r) => r.serviceS);
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
    expect(Math.abs(sd / m - s.cv)).toBeLessThan(0.25);
  });

  it("arrivals follow each service's own curve: more where its rate is high", () => {
    const { hall, trace } = generateMixtureDay(11);
    const s = hall.services.reduce((a, b) => (b.share > a.share ? b : a));
    const hours = Array.from({ length: 21 }, (_, i) => hall.openH + 0.5 + (i * (hall.closeH - hall.openH - 1)) / 20);
    const rate = (h: number) => serviceRate(hall, s, h);
    const busiest = hours.reduce((a, h) => (rate(h) > rate(a) ? h : a));
    const quietest = hours.reduce((a, h) => (rate(h) < rate(a) ? h : a));
    const near = (h: number) => trace.filter((r) => r.service === s.code && Math.abs(r.arrivalS / 3600 - h) < 0.5).length;
    expect(rate(busiest) / rate(quietest)).toBeGreaterThan(2);
    expect(near(busiest) / near(quietest)).toBeGreaterThan(1 + (rate(busiest) / rate(quietest) - 1) / 2);
  });
});

describe('a jittered copy of a day', () => {
  const { trace } = generateMixtureDay(4);

  it('is seeded: the same copy for the same seed, another for another', () => {
    expect(jitterTrace(trace, 1)).toEqual(jitterTrace(trace, 1));
    expect(jitterTrace(trace, 2)).not.toEqual(jitterTrace(trace, 1));
  });

  it('thins about a tenth of the visitors, stays sorted, shifts arrivals by at most 5 min', () => {
    const copy = jitterTrace(trace, 1, { shiftS: 300, thin: 0.1, scale: 0 });
    expect(copy.length / trace.length).toBeGreaterThan(0.8);
    expect(copy.length / trace.length).toBeLessThan(0.97);
    for (let i = 1; i < copy.length; i++) expect(copy[i]!.arrivalS).toBeGreaterThanOrEqual(copy[i - 1]!.arrivalS);
    const none = jitterTrace(trace, 1, { shiftS: 300, thin: 0, scale: 0 });
    expect(none.length).toBe(trace.length);
    const shifted = [...none].map((r) => r.arrivalS).sort((a, b) => a - b);
    const original = trace.map((r) => r.arrivalS);
    // Sorted lists of values each moved by ≤ 300 s stay within 300 s of each other, rank by rank.
    shifted.forEach((a, i) => expect(Math.abs(a - original[i]!)).toBeLessThanOrEqual(300));
  });

  it("scales each service's visits by one factor within ±scale (and each visit ±10%)", () => {
    const copy = jitterTrace(trace, 3, { shiftS: 0, thin: 0, scale: 0.2 });
    const byService = new Map<string, number[]>();
    copy.forEach((r, i) => {
      const ratio = r.serviceS / trace[i]!.serviceS;
      byService.set(r.service, [...(byService.get(r.service) ?? []), ratio]);
    });
    for (const ratios of byService.values()) for (const x of ratios) expect(x).toBeGreaterThan(0.8 * 0.9 - 0.05);
    for (const ratios of byService.values()) for (const x of ratios) expect(x).toBeLessThan(1.2 * 1.1 + 0.05);
    expect(copy.every((r, i) => r.service === trace[i]!.service)).toBe(true);
  });
});
