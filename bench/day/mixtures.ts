import type { Roster, TraceRow } from '../sim/day.js';
import { rng } from './generate.js';

// A third source of synthetic days, apart from generate.ts and families.ts, to judge dispatch
// rules on halls they were not tuned on. Each seed draws a hall and its day. What differs from
// the other two:
// - visit lengths are a mixture of a quick errand and a full case (each uniform around its own
//   mean), with a coefficient of variation of 0.3–1.5 set by the long case's length;
// - skills: `pairs` (services served two by two, the counter's own first), `backup` (each counter
//   a second skill drawn at random, not the next service's), `generalists` (specialists and one
//   to three counters serving everything), or `specialists`;
// - each service has its own arrival curve: a base rate and the hall's one or two peaks, each
//   peak weighted per service (0–2), triangular rather than bell-shaped;
// - the load is the hall's: all offered work over all counter time in opening hours (0.7–1.0);
// - shifts are staggered: besides each service's first counter, which works all day, counters
//   may start up to an hour late or leave up to an hour early.

export type MixtureStructure = 'pairs' | 'backup' | 'generalists' | 'specialists';

export interface MixtureService {
  code: string;
  share: number;
  /** Quick errands: this share of visits, around quickS; the rest around longS. */
  quickShare: number;
  quickS: number;
  longS: number;
  /** The visit length's coefficient of variation (what longS was solved for). */
  cv: number;
  targetWaitS: number;
  /** How strongly each of the hall's peaks shows in this service's arrivals. */
  peakWeights: number[];
}

export interface MixtureHall {
  structure: MixtureStructure;
  load: number;
  peaks: { atH: number; halfWidthH: number; height: number }[];
  priorityShare: number;
  openH: number;
  closeH: number;
  services: MixtureService[];
  counters: { id: string; services: string[]; startH: number; endH: number }[];
  visitors: number;
}

const STRUCTURES: MixtureStructure[] = ['pairs', 'backup', 'generalists', 'specialists'];
const TARGETS_S = [300, 600, 900, 1200, 1800, 2700];
/** Each part of the mixture is uniform with this coefficient of variation. */
const PART_CV = 0.25;
const CLEAR_H = 0.5;
const MAX_LONG_S = 2700;

/** Mean and coefficient of variation of the mixture. */
export function mixtureStats(quickShare: number, quickS: number, longS: number): { meanS: number; cv: number } {
  const p = quickShare;
  const meanS = p * quickS + (1 - p) * longS;
  const variance = PART_CV ** 2 * (p * quickS ** 2 + (1 - p) * longS ** 2) + p * (1 - p) * (longS - quickS) ** 2;
  return { meanS, cv: Math.sqrt(variance) / meanS };
}

/** The long case's length giving the mixture coefficient of variation `cv` (bisection; capped at 60 × quickS). */
function longFor(quickShare: number, quickS: number, cv: number): number {
  let [lo, hi] = [quickS, 60 * quickS];
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2;
    if (mixtureStats(quickShare, quickS, mid).cv < cv) lo = mid;
    else hi = mid;
  }
  return hi;
}

export function drawMixtureHall(seed: number): MixtureHall {
  const random = rng(seed * 104_729 + 3);
  const between = (a: number, b: number) => a + random() * (b - a);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

  const openH = pick([8, 8.5, 9]);
  const closeH = openH + pick([5, 6, 7]);
  const peaks = Array.from({ length: random() < 0.5 ? 1 : 2 }, () => ({
    atH: between(openH + 0.5, closeH - 0.5),
    halfWidthH: between(0.75, 2),
    height: between(0.8, 2.5),
  }));
  const n = 2 + Math.floor(random() * 5);
  const weights = Array.from({ length: n }, () => 0.2 + random());
  const total = weights.reduce((a, b) => a + b, 0);
  const services = weights.map((w, i): MixtureService => {
    // A wider spread needs rarer long cases; no case is longer than MAX_LONG_S (both parts scaled down, the cv kept).
    const cv = Math.round(between(0.3, 1.5) * 100) / 100;
    const quickShare = 0.5 + (0.3 * (cv - 0.3)) / 1.2 + between(-0.05, 0.05);
    const quick = between(60, 300);
    const long = longFor(quickShare, quick, cv);
    const scale = Math.min(1, MAX_LONG_S / long);
    return {
      code: `M${i + 1}`,
      share: w / total,
      quickShare,
      quickS: Math.round(quick * scale),
      longS: Math.round(long * scale),
      cv,
      targetWaitS: pick(TARGETS_S),
      peakWeights: peaks.map(() => between(0, 2)),
    };
  });

  const structure = pick(STRUCTURES);
  const codes = services.map((s) => s.code);
  const count = n + 1 + Math.floor(random() * 8);
  const work = services.map((s) => s.share * mixtureStats(s.quickShare, s.quickS, s.longS).meanS);
  const workTotal = work.reduce((a, b) => a + b, 0);
  const mains = work.map(() => 1);
  for (let k = n; k < count; k++) {
    // The next counter goes to the service with the most work per counter.
    let i = 0;
    for (let j = 1; j < n; j++) if (work[j]! / mains[j]! > work[i]! / mains[i]!) i = j;
    mains[i]!++;
  }
  const counters: MixtureHall['counters'] = [];
  mains.forEach((m, i) => {
    for (let j = 0; j < m; j++) {
      const skills = [codes[i]!];
      if (structure === 'pairs' && n > 1) skills.push(codes[i % 2 === 0 ? Math.min(i + 1, n - 1) : i - 1]!);
      if (structure === 'backup' && n > 1) skills.push(pick(codes.filter((c) => c !== codes[i])));
      const first = j === 0;
      counters.push({
        id: '',
        services: [...new Set(skills)],
        startH: first ? openH : openH + pick([0, 0, 0.5, 1]),
        endH: first ? closeH + CLEAR_H : closeH + CLEAR_H - pick([0, 0, 0.5, 1]),
      });
    }
  });
  if (structure === 'generalists') {
    const extra = 1 + Math.floor(random() * 3);
    for (let g = 0; g < extra; g++) counters.push({ id: '', services: [...codes.slice(g % n), ...codes.slice(0, g % n)], startH: openH, endH: closeH + CLEAR_H });
  }
  counters.forEach((c, i) => (c.id = `W${String(i + 1).padStart(2, '0')}`));

  const load = Math.round(between(0.7, 1.0) * 1000) / 1000;
  const counterS = counters.reduce((a, c) => a + (Math.min(c.endH, closeH) - Math.max(c.startH, openH)) * 3600, 0);
  // workTotal is the mean visit length over the mix (the shares add up to 1).
  const visitors = Math.round((load * counterS) / workTotal);
  return { structure, load, peaks, priorityShare: Math.round(between(0, 0.2) * 1000) / 1000, openH, closeH, services, counters, visitors };
}

/** A service's relative arrival rate at hour h: 1 and its weighted share of the hall's triangular peaks. */
export function serviceRate(hall: Pick<MixtureHall, 'peaks'>, s: Pick<MixtureService, 'peakWeights'>, h: number): number {
  return 1 + hall.peaks.reduce((a, p, i) => a + s.peakWeights[i]! * p.height * Math.max(0, 1 - Math.abs(h - p.atH) / p.halfWidthH), 0);
}

/** The hall a seed draws and its day; `daySeed` draws another day of that hall. */
export function generateMixtureDay(seed: number, daySeed = seed): { hall: MixtureHall; trace: TraceRow[]; roster: Roster } {
  const hall = drawMixtureHall(seed);
  const random = rng(daySeed);
  const span = hall.closeH - hall.openH;
  const steps = 600;
  const trace: TraceRow[] = [];
  for (const s of hall.services) {
    let area = 0;
    let peak = 0;
    for (let i = 0; i < steps; i++) {
      const r = serviceRate(hall, s, hall.openH + ((i + 0.5) * span) / steps);
      area += (r * span) / steps;
      peak = Math.max(peak, r);
    }
    const perHour = (hall.visitors * s.share) / area;
    for (let h = hall.openH; ; ) {
      h += -Math.log(1 - random()) / (peak * perHour);
      if (h >= hall.closeH) break;
      if (random() * peak > serviceRate(hall, s, h)) continue;
      const quick = random() < s.quickShare;
      const meanS = quick ? s.quickS : s.longS;
      const half = Math.sqrt(3) * PART_CV * meanS;
      trace.push({
        arrivalS: Math.floor(h * 3600),
        service: s.code,
        serviceS: Math.max(20, Math.round(meanS - half + 2 * half * random())),
        priority: random() < hall.priorityShare,
        slotS: null,
      });
    }
  }
  trace.sort((a, b) => a.arrivalS - b.arrivalS);
  const roster: Roster = {
    services: hall.services.map((s) => ({ code: s.code, targetWaitS: s.targetWaitS, avgServiceS: Math.round(mixtureStats(s.quickShare, s.quickS, s.longS).meanS) })),
    counters: hall.counters.map((c) => ({ id: c.id, services: c.services, startS: Math.round(c.startH * 3600), endS: Math.round(c.endH * 3600) })),
  };
  return { hall, trace, roster };
}
