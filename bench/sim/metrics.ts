import type { Day, Visitor } from './day.js';
import type { RunResult } from './simulate.js';

// The figures of FORMAT.md. Waits are over served visitors (called before the last counter
// closed). withinTargetPct: % of served visitors called within their service's targetWaitS
// (wait ≤ target). p90WaitS: nearest rank, the ⌈0.9·n⌉-th smallest wait. priorityMeanWaitS is
// null on a day without priority visitors. etaMaeS / etaNaiveMaeS: mean |estimate − wait| over
// served visitors that had an estimate (a service no counter would ever serve has none).
// etaRangeCoveragePct / etaRangeMeanWidthS (FORMAT.md "Extensions"): over the same visitors, % whose
// wait fell inside the range shown at issue (ends included) and that range's mean width.
// Seconds, to one decimal.
// Appointments (FORMAT.md "Extensions (v2)"), over the trace's appointments: punctualPct, % called
// no later than APPOINTMENT_PUNCTUAL_S after slot_s (one never called is not punctual);
// meanLatenessS, over those called, how long after the later of slot and check-in (0 if before).

export interface Figures {
  meanWaitS: number;
  p90WaitS: number;
  maxWaitS: number;
  withinTargetPct: number;
  priorityMeanWaitS: number | null;
  idleWhileEligible: number;
  etaMaeS: number | null;
  etaNaiveMaeS: number | null;
  etaRangeCoveragePct: number | null;
  etaRangeMeanWidthS: number | null;
  served: number;
  unserved: number;
}

export const FIGURE_KEYS = [
  'meanWaitS',
  'p90WaitS',
  'maxWaitS',
  'withinTargetPct',
  'priorityMeanWaitS',
  'idleWhileEligible',
  'etaMaeS',
  'etaNaiveMaeS',
  'etaRangeCoveragePct',
  'etaRangeMeanWidthS',
  'served',
  'unserved',
] as const satisfies readonly (keyof Figures)[];

export const APPOINTMENT_PUNCTUAL_S = 5 * 60;

export interface AppointmentFigures {
  count: number;
  punctualPct: number;
  meanLatenessS: number;
}

/** A policy's figures; on a day with appointments, theirs and the walk-ins' alone too. */
export type PolicyFigures = Figures & { appointments?: AppointmentFigures; walkIns?: Figures };

const round1 = (x: number) => Math.round(x * 10) / 10;
const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

/** Nearest-rank percentile of a list (0 for an empty one). */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return 0;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Figures over the visitors `include` keeps (all by default). */
export function figures(day: Day, run: RunResult, include: (v: Visitor) => boolean = () => true): Figures {
  const target = new Map(day.services.map((s) => [s.id, s.targetWaitS]));
  const waits: number[] = [];
  const priorityWaits: number[] = [];
  const etaErr: number[] = [];
  const naiveErr: number[] = [];
  const rangeWidths: number[] = [];
  let inRange = 0;
  let within = 0;
  let unserved = 0;
  for (const v of day.visitors) {
    if (!include(v)) continue;
    const visit = run.visits[v.index]!;
    if (visit.waitS === null) {
      unserved++;
      continue;
    }
    waits.push(visit.waitS);
    if (v.priority) priorityWaits.push(visit.waitS);
    if (visit.waitS <= target.get(v.serviceId)!) within++;
    if (visit.etaS !== null) etaErr.push(Math.abs(visit.etaS - visit.waitS));
    if (visit.naiveS !== null) naiveErr.push(Math.abs(visit.naiveS - visit.waitS));
    if (visit.range) {
      rangeWidths.push(visit.range.highS - visit.range.lowS);
      if (visit.range.lowS <= visit.waitS && visit.waitS <= visit.range.highS) inRange++;
    }
  }
  return {
    meanWaitS: round1(mean(waits)),
    p90WaitS: round1(percentile(waits, 90)),
    maxWaitS: round1(waits.length ? Math.max(...waits) : 0),
    withinTargetPct: round1(waits.length ? (100 * within) / waits.length : 0),
    priorityMeanWaitS: priorityWaits.length ? round1(mean(priorityWaits)) : null,
    idleWhileEligible: run.idleWhileEligible,
    etaMaeS: etaErr.length ? round1(mean(etaErr)) : null,
    etaNaiveMaeS: naiveErr.length ? round1(mean(naiveErr)) : null,
    etaRangeCoveragePct: rangeWidths.length ? round1((100 * inRange) / rangeWidths.length) : null,
    etaRangeMeanWidthS: rangeWidths.length ? round1(mean(rangeWidths)) : null,
    served: waits.length,
    unserved,
  };
}

/** The figures `--json` prints for a policy: with appointments, theirs and the walk-ins' apart. */
export function policyFigures(day: Day, run: RunResult): PolicyFigures {
  const all = figures(day, run);
  const booked = day.visitors.filter((v) => v.slotS !== null);
  if (booked.length === 0) return all;
  let punctual = 0;
  const lateness: number[] = [];
  for (const v of booked) {
    const waitS = run.visits[v.index]!.waitS;
    if (waitS === null) continue;
    const calledS = v.arrivalS + waitS;
    if (calledS <= v.slotS! + APPOINTMENT_PUNCTUAL_S) punctual++;
    lateness.push(Math.max(0, calledS - Math.max(v.slotS!, v.arrivalS)));
  }
  return {
    ...all,
    appointments: { count: booked.length, punctualPct: round1((100 * punctual) / booked.length), meanLatenessS: round1(mean(lateness)) },
    walkIns: figures(day, run, (v) => v.slotS === null),
  };
}

/** Share of a service's visitors (served or not) called within target: the sizing test. */
export function withinTargetOfAll(day: Day, run: RunResult, serviceId: number): number {
  const target = day.services.find((s) => s.id === serviceId)!.targetWaitS;
  let n = 0;
  let ok = 0;
  for (const v of day.visitors) {
    if (v.serviceId !== serviceId) continue;
    n++;
    const w = run.visits[v.index]!.waitS;
    if (w !== null && w <= target) ok++;
  }
  return n === 0 ? 100 : (100 * ok) / n;
}
