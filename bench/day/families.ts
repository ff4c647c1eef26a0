import type { Roster, TraceRow } from '../sim/day.js';
import { rng } from './generate.js';

// A second source of synthetic days, built apart from generate.ts: each seed draws a whole hall
// (a member of a family of halls) and then its day. The hall varies in what generate.ts keeps
// fixed: how many services and counters, the skill structure (specialists only; chains, where a
// counter's second skill is the next service's main one; or a mix with a few generalists), the
// shape of visit lengths (lognormal or gamma, coefficient of variation 0.3–1.5), an arrival curve
// with one or two peaks, a priority share of 0–20%, a target per service, and the load: the
// busiest service's offered work over its own counters' minutes in opening hours, from
// comfortable (0.6) to at capacity (1.0); second skills and generalists add to that capacity.
// Arrivals are one Poisson stream for the hall (thinning against the curve); each visitor's
// service is then drawn by the services' shares.

export type SkillStructure = 'specialists' | 'chains' | 'mixed';
export type LengthShape = 'lognormal' | 'gamma';

export interface FamilyService {
  code: string;
  share: number;
  meanS: number;
  cv: number;
  shape: LengthShape;
  targetWaitS: number;
}

export interface FamilyHall {
  structure: SkillStructure;
  /** The busiest service's offered work ÷ the seconds of the counters whose main service it is, within opening hours. */
  load: number;
  /** Arrival peaks: centre (hour), width (hours, one standard deviation), height over the base rate of 1. */
  peaks: { atH: number; widthH: number; height: number }[];
  priorityShare: number;
  openH: number;
  closeH: number;
  services: FamilyService[];
  counters: { id: string; services: string[]; startH: number; endH: number }[];
  /** Expected visitors over the day (the drawn count varies around it). */
  visitors: number;
}

export interface FamilyDay {
  hall: FamilyHall;
  trace: TraceRow[];
  roster: Roster;
  openS: number;
  closeS: number;
}

export const LOAD_RANGE = [0.6, 1.0] as const;
const TARGETS_S = [300, 600, 900, 1200, 1800];
const STRUCTURES: SkillStructure[] = ['specialists', 'chains', 'mixed'];
/** Counters with a full shift stay this long after the last ticket, to clear the line. */
const CLEAR_H = 0.5;

/** The hall a seed draws; `load` fixes the load instead of drawing it. */
export function drawHall(seed: number, load?: number): FamilyHall {
  const random = rng(seed * 7919 + 17);
  const between = (a: number, b: number) => a + random() * (b - a);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

  const openH = pick([7.5, 8, 8.5]);
  const closeH = openH + pick([6, 6.5, 7]);
  const n = 3 + Math.floor(random() * 5);
  const weights = Array.from({ length: n }, () => 0.3 - Math.log(1 - random()));
  const total = weights.reduce((a, b) => a + b, 0);
  const services = weights.map(
    (w, i): FamilyService => ({
      code: `S${i + 1}`,
      share: w / total,
      meanS: Math.round(120 * 10 ** random()),
      cv: Math.round(between(0.3, 1.5) * 100) / 100,
      shape: random() < 0.5 ? 'lognormal' : 'gamma',
      targetWaitS: pick(TARGETS_S),
    }),
  );

  // Counters: at least one per service, the rest shared out by each service's work (largest
  // remainder); about one in four of the others on a shorter midday shift.
  const structure = pick(STRUCTURES);
  const count = n + 2 + Math.floor(random() * 9);
  const work = services.map((s) => s.share * s.meanS);
  const workTotal = work.reduce((a, b) => a + b, 0);
  const quota = work.map((w) => ((count - n) * w) / workTotal);
  const mains = quota.map((q) => 1 + Math.floor(q));
  const byRemainder = quota.map((q, i) => [q - Math.floor(q), i] as const).sort((a, b) => b[0] - a[0]);
  for (let i = 0; mains.reduce((a, b) => a + b, 0) < count; i++) mains[byRemainder[i]![1]]!++;
  const codes = services.map((s) => s.code);
  const counters: FamilyHall['counters'] = [];
  const generalists = structure === 'mixed' ? 1 + Math.floor(random() * 2) : 0;
  mains.forEach((m, i) => {
    for (let j = 0; j < m; j++) {
      const skills = [codes[i]!];
      const chained = structure === 'chains' || (structure === 'mixed' && random() < 0.5);
      if (chained && n > 1) skills.push(codes[(i + 1) % n]!);
      if (structure === 'chains' && n > 2 && random() < 0.3) skills.push(codes[(i + 2) % n]!);
      counters.push({ id: '', services: skills, startH: openH, endH: closeH + CLEAR_H });
    }
  });
  // The generalists are the last counters made, their own service first, then all the others.
  for (let g = 0; g < generalists && g < counters.length; g++) {
    const c = counters[counters.length - 1 - g]!;
    c.services = [c.services[0]!, ...codes.filter((code) => code !== c.services[0])];
  }
  // Each service keeps its first counter all day (its bookable hours are the hall's).
  for (const c of counters)
    if (counters.find((o) => o.services[0] === c.services[0]) !== c && random() < 0.25) {
      c.startH = openH + 1;
      c.endH = closeH - 1;
    }
  counters.forEach((c, i) => (c.id = `K${String(i + 1).padStart(2, '0')}`));

  const peaks = Array.from({ length: random() < 0.5 ? 1 : 2 }, () => ({
    atH: between(openH + 0.5, closeH - 1),
    widthH: between(0.6, 1.5),
    height: between(0.5, 1.5),
  }));
  // The load is the busiest service's, on the counters whose main service it is: visitors × its
  // share × its mean visit ÷ those counters' seconds within opening hours.
  const hallLoad = load ?? between(LOAD_RANGE[0], LOAD_RANGE[1]);
  const secondsOf = (code: string) =>
    counters.filter((c) => c.services[0] === code).reduce((a, c) => a + (Math.min(c.endH, closeH) - Math.max(c.startH, openH)) * 3600, 0);
  const visitorsAtFullLoad = Math.min(...services.map((s) => secondsOf(s.code) / (s.share * s.meanS)));
  const hall: Omit<FamilyHall, 'visitors'> = {
    structure,
    load: Math.round(hallLoad * 1000) / 1000,
    peaks,
    priorityShare: Math.round(between(0, 0.2) * 1000) / 1000,
    openH,
    closeH,
    services,
    counters,
  };
  return { ...hall, visitors: Math.round(hallLoad * visitorsAtFullLoad) };
}

/** The arrival curve's relative rate at hour h: a base of 1 and the peaks over it. */
export function arrivalRate(hall: Pick<FamilyHall, 'peaks'>, h: number): number {
  return 1 + hall.peaks.reduce((a, p) => a + p.height * Math.exp(-(((h - p.atH) / p.widthH) ** 2) / 2), 0);
}

/** A member of the hall family and its day, the same for the same seed; `daySeed` draws another day of that hall. */
export function generateFamilyDay(seed: number, load?: number, daySeed = seed): FamilyDay {
  const hall = drawHall(seed, load);
  const random = rng(daySeed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const length = (s: FamilyService) => (s.shape === 'gamma' ? gamma(random, normal, s.meanS, s.cv) : lognormal(normal, s.meanS, s.cv));

  const steps = 600;
  const span = hall.closeH - hall.openH;
  let area = 0;
  let peak = 0;
  for (let i = 0; i < steps; i++) {
    const r = arrivalRate(hall, hall.openH + ((i + 0.5) * span) / steps);
    area += (r * span) / steps;
    peak = Math.max(peak, r);
  }
  const perHour = hall.visitors / area;
  const trace: TraceRow[] = [];
  for (let h = hall.openH; ; ) {
    h += -Math.log(1 - random()) / (peak * perHour);
    if (h >= hall.closeH) break;
    if (random() * peak > arrivalRate(hall, h)) continue;
    const s = byShare(hall.services, random());
    trace.push({
      arrivalS: Math.floor(h * 3600),
      service: s.code,
      serviceS: Math.max(20, Math.round(length(s))),
      priority: random() < hall.priorityShare,
      slotS: null,
    });
  }
  const roster: Roster = {
    services: hall.services.map((s) => ({ code: s.code, targetWaitS: s.targetWaitS, avgServiceS: s.meanS })),
    counters: hall.counters.map((c) => ({ id: c.id, services: c.services, startS: Math.round(c.startH * 3600), endS: Math.round(c.endH * 3600) })),
  };
  return { hall, trace, roster, openS: hall.openH * 3600, closeS: hall.closeH * 3600 };
}

/** "chains, load 0.87, 2 peaks, 5 services, 9 counters". */
export function describeHall(hall: FamilyHall): string {
  const peaks = `${hall.peaks.length} peak${hall.peaks.length > 1 ? 's' : ''}`;
  return `${hall.structure}, load ${hall.load.toFixed(2)}, ${peaks}, ${hall.services.length} services, ${hall.counters.length} counters`;
}

function byShare(services: FamilyService[], u: number): FamilyService {
  let acc = 0;
  for (const s of services) if (u < (acc += s.share)) return s;
  return services[services.length - 1]!;
}

function lognormal(normal: () => number, mean: number, cv: number): number {
  const s2 = Math.log(1 + cv * cv);
  return Math.exp(Math.log(mean) - s2 / 2 + Math.sqrt(s2) * normal());
}

/** Gamma with this mean and coefficient of variation (Marsaglia and Tsang; shape < 1 by boosting). */
function gamma(random: () => number, normal: () => number, mean: number, cv: number): number {
  const shape = 1 / (cv * cv);
  const draw = (k: number): number => {
    const d = k - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = normal();
      const v = (1 + c * x) ** 3;
      if (v <= 0) continue;
      const u = 1 - random();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  const g = shape >= 1 ? draw(shape) : draw(shape + 1) * (1 - random()) ** (1 / shape);
  return (g * mean) / shape;
}
