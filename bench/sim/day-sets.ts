import { generateFamilyDay } from '../day/families.js';
import { generateDay, PROFILES } from '../day/generate.js';
import { jitterTrace } from '../day/jitter.js';
import { generateMixtureDay } from '../day/mixtures.js';
import { buildDay, type Day, type Roster, type TraceRow } from './day.js';

// The days the dispatch rule is tuned and judged on (issue 17): three generators written apart,
// each day also in jittered copies (jitter.ts). The split was written down before any tuning
// (HELD-OUT.md): the rule is tuned on the tuning seeds only, and judged once on the held-out ones.

export const SOURCES = {
  /** generate.ts, the profile by seed: normal, busy, peak, normal, … */
  profiles: (seed: number) => generateDay(PROFILES[PROFILE_CYCLE[seed % 3]!]!, seed),
  families: (seed: number) => generateFamilyDay(seed),
  mixtures: (seed: number) => generateMixtureDay(seed),
} satisfies Record<string, (seed: number) => { trace: TraceRow[]; roster: Roster }>;

const PROFILE_CYCLE = ['peak', 'normal', 'busy'];

export type Source = keyof typeof SOURCES;
export const SOURCE_NAMES = Object.keys(SOURCES) as Source[];

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

export const SPLIT = {
  tuning: range(1, 12),
  'held-out': range(501, 512),
} as const;
export type DaySet = keyof typeof SPLIT;

export interface DayRef {
  source: Source;
  seed: number;
  /** 0: the day as generated; k ≥ 1: its k-th jittered copy. */
  copy: number;
}

export const nameOf = (r: DayRef): string => `${r.source}-${r.seed}${r.copy ? `~${r.copy}` : ''}`;

export function refsOf(sources: readonly Source[], seeds: readonly number[], copies: number): DayRef[] {
  return sources.flatMap((source) => seeds.flatMap((seed) => range(0, copies).map((copy) => ({ source, seed, copy }))));
}

export function dayOf(r: DayRef): Day {
  const { trace, roster } = SOURCES[r.source](r.seed);
  return buildDay(roster, r.copy ? jitterTrace(trace, 1000 * r.seed + r.copy) : trace, nameOf(r));
}
