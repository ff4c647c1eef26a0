import { lognormal, seeded as rng } from '../../server/engine/advisor/random.js';
import type { Roster, TraceRow } from '../sim/day.js';

// A synthetic day in a municipal citizen-service hall, seeded and reproducible. Arrivals per
// service are a non-homogeneous Poisson process (thinning) over opening hours: the hall's daily
// shape, tilted per service toward the morning or the afternoon. Visit lengths are lognormal
// with the service's mean and coefficient of variation. A share of visitors have priority.
// The roster has counters with partial skills (in order of preference) and staggered shifts.

export interface ServiceSpec {
  code: string;
  /** Share of the day's visitors. */
  share: number;
  meanS: number;
  cv: number;
  targetWaitS: number;
  /** > 0: comes more in the morning, < 0: more in the afternoon (−1…1). */
  morningTilt: number;
}

export interface CounterSpec {
  id: string;
  services: string[];
  startH: number;
  endH: number;
}

export interface DaySpec {
  /** Expected visitors over the day (the drawn count varies around it). */
  visitors: number;
  /** Tickets are issued from openH to closeH (hours of the day). */
  openH: number;
  closeH: number;
  /** The hall's arrival intensity through the day: [hour, relative rate], linear in between. */
  shape: [number, number][];
  priorityShare: number;
  services: ServiceSpec[];
  counters: CounterSpec[];
}

// Five services of a municipal hall. Targets are the hall's promise per service.
const SERVICES: ServiceSpec[] = [
  { code: 'CR', share: 0.4, meanS: 240, cv: 0.5, targetWaitS: 600, morningTilt: 0.2 }, // civil-registry extracts
  { code: 'ID', share: 0.2, meanS: 540, cv: 0.6, targetWaitS: 1200, morningTilt: 0.2 }, // ID cards and passports
  { code: 'TX', share: 0.23, meanS: 180, cv: 0.6, targetWaitS: 600, morningTilt: -0.3 }, // fees and payments
  { code: 'VH', share: 0.1, meanS: 720, cv: 0.7, targetWaitS: 1800, morningTilt: 0.1 }, // vehicles
  { code: 'PR', share: 0.07, meanS: 900, cv: 0.8, targetWaitS: 1800, morningTilt: 0 }, // property
];

// Ten counters, each with a main service and one or two it can help with; a supervisor's
// counter that serves everything around midday; shifts staggered by half an hour.
const COUNTERS: CounterSpec[] = [
  { id: 'C01', services: ['CR', 'TX'], startH: 8, endH: 15 },
  { id: 'C02', services: ['CR', 'TX'], startH: 8, endH: 15 },
  { id: 'C03', services: ['CR', 'ID'], startH: 8.5, endH: 14.5 },
  { id: 'C04', services: ['ID', 'CR'], startH: 8, endH: 15 },
  { id: 'C05', services: ['ID'], startH: 8, endH: 15 },
  { id: 'C06', services: ['ID', 'TX', 'CR'], startH: 8.5, endH: 14.5 },
  { id: 'C07', services: ['VH', 'PR'], startH: 8, endH: 15 },
  { id: 'C08', services: ['VH', 'PR', 'TX'], startH: 8, endH: 15 },
  { id: 'C09', services: ['PR', 'VH'], startH: 8.5, endH: 14.5 },
  { id: 'C10', services: ['TX', 'CR', 'ID', 'VH', 'PR'], startH: 9, endH: 13.5 },
];

const BASE = { openH: 8, closeH: 14, priorityShare: 0.08, services: SERVICES, counters: COUNTERS };
const USUAL_SHAPE: [number, number][] = [[8, 0.7], [9, 1.2], [10, 1.3], [11, 1.2], [12, 1.0], [13, 0.8], [14, 0.5]];

/** Offered work against the counters' capacity over opening hours: normal about 75% (90% at the
 *  late-morning high); busy about 85% (at capacity late in the morning); peak: a morning rush at
 *  about 1.2× capacity (08:30–10:30) that clears in the early afternoon. */
export const PROFILES: Record<string, DaySpec> = {
  normal: { ...BASE, visitors: 400, shape: USUAL_SHAPE },
  busy: { ...BASE, visitors: 460, shape: USUAL_SHAPE },
  peak: { ...BASE, visitors: 430, shape: [[8, 1.2], [8.5, 2.0], [10.5, 2.0], [11, 1.2], [12, 0.9], [13, 0.8], [14, 0.6]] },
};

/** mulberry32, the same seeded generator the advisor samples with. */
export { rng };

function shapeAt(shape: [number, number][], h: number): number {
  if (h <= shape[0]![0]) return shape[0]![1];
  for (let i = 1; i < shape.length; i++) {
    const [h1, r1] = shape[i]!;
    const [h0, r0] = shape[i - 1]!;
    if (h <= h1) return r0 + ((r1 - r0) * (h - h0)) / (h1 - h0);
  }
  return shape[shape.length - 1]![1];
}

export function generateDay(spec: DaySpec, seed: number): { trace: TraceRow[]; roster: Roster } {
  const random = rng(seed);
  const span = spec.closeH - spec.openH;
  const tilt = (s: ServiceSpec, h: number) => 1 + s.morningTilt * (1 - (2 * (h - spec.openH)) / span);
  // Scale the shape so that the expected number of visitors is spec.visitors.
  const steps = 600;
  let area = 0;
  for (let i = 0; i < steps; i++) area += shapeAt(spec.shape, spec.openH + ((i + 0.5) * span) / steps) * (span / steps);
  const perHour = spec.visitors / area;

  const trace: TraceRow[] = [];
  for (const s of spec.services) {
    const rate = (h: number) => perHour * s.share * shapeAt(spec.shape, h) * tilt(s, h); // per hour
    let peak = 0;
    for (let i = 0; i <= steps; i++) peak = Math.max(peak, rate(spec.openH + (i * span) / steps));
    let h = spec.openH;
    for (;;) {
      h += -Math.log(1 - random()) / peak;
      if (h >= spec.closeH) break;
      if (random() * peak > rate(h)) continue;
      trace.push({
        arrivalS: Math.floor(h * 3600),
        service: s.code,
        serviceS: Math.max(20, Math.round(lognormal(random, s.meanS, s.cv))),
        priority: random() < spec.priorityShare,
        slotS: null,
      });
    }
  }
  trace.sort((a, b) => a.arrivalS - b.arrivalS);
  const roster: Roster = {
    services: spec.services.map((s) => ({ code: s.code, targetWaitS: s.targetWaitS, avgServiceS: s.meanS })),
    counters: spec.counters.map((c) => ({ id: c.id, services: c.services, startS: c.startH * 3600, endS: c.endH * 3600 })),
  };
  return { trace, roster };
}

/** The trace as FORMAT.md has it; with the slot_s column only if some visitor booked. */
export function traceCsv(trace: readonly TraceRow[]): string {
  const slots = trace.some((r) => r.slotS !== null);
  const rows = trace.map((r) => `${r.arrivalS},${r.service},${r.serviceS},${r.priority ? 1 : 0}${slots ? `,${r.slotS ?? ''}` : ''}`);
  return [`arrival_s,service,service_s,priority${slots ? ',slot_s' : ''}`, ...rows].join('\n') + '\n';
}
