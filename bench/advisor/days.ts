import { generateFamilyDay } from '../day/families.js';
import { generateMixtureDay } from '../day/mixtures.js';
import { withQualified } from '../day/qualified.js';
import { buildDay, type Day, type Roster, type TraceRow } from '../sim/day.js';

// The days the advisor is tuned and judged on (HELD-OUT.md): a hall per seed, its clerks
// qualified beyond what they serve, the seed's day, and six other days of the hall as history;
// with `reserve`, that many reserve clerks more (run.ts): counters with a shift and no services,
// each with the shift and qualifications of a counter of the roster spread evenly over it.

export const SOURCES = {
  families: (seed: number, daySeed: number) => generateFamilyDay(seed, undefined, daySeed),
  mixtures: (seed: number, daySeed: number) => generateMixtureDay(seed, daySeed),
} satisfies Record<string, (seed: number, daySeed: number) => { trace: TraceRow[]; roster: Roster }>;

export type Source = keyof typeof SOURCES;
export const SOURCE_NAMES = Object.keys(SOURCES) as Source[];

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

export const SPLIT = {
  tuning: range(1, 12),
  /** More tuning days (HELD-OUT.md, ninth attempt): one worse day in 16 needs more than 24 days to be seen. */
  'tuning-2': range(13, 60),
  'held-out': range(601, 612),
  /** Decided after the first held-out judgement (HELD-OUT.md), for the change it led to. */
  'held-out-2': range(701, 712),
  /** Decided before the changes for mixtures-712 (HELD-OUT.md), to judge them once. */
  'held-out-3': range(801, 812),
  /** Decided before the second change for mixtures-712 (HELD-OUT.md). */
  'held-out-4': range(901, 912),
  /** Decided after the fourth judgement, to judge the advisor as it stands once more (HELD-OUT.md). */
  'held-out-5': range(1101, 1112),
  /** Decided before the sixth attempt at the safety goal (HELD-OUT.md), to judge it once. */
  'held-out-6': range(1201, 1212),
  /** Decided before the seventh attempt (the drop rule with a guard for light halls), to judge it once. */
  'held-out-7': range(1301, 1312),
  /** Decided before the eighth attempt (a switch's effect beyond the roll-out's hour), to judge it once. */
  'held-out-8': range(1401, 1412),
  /** Decided before the ninth attempt (switches whose effect on the day is within its luck), to judge it once. */
  'held-out-9': range(1501, 1512),
  /** Decided before the tenth attempt (a switch worse in too many of the roll-out's futures), to judge it once. */
  'held-out-10': range(1601, 1612),
  /** Decided before the eleventh attempt (a long service added where the counter has time to spare), to judge it once. */
  'held-out-11': range(1701, 1712),
  /** Decided before the twelfth attempt (a counter helps a service only when its own line is empty), to judge it once. */
  'held-out-12': range(1801, 1812),
  /** Decided before the thirteenth attempt (a long service kept only while the counter has time to spare), to judge it once. */
  'held-out-13': range(1901, 1912),
  /** Decided before the fourteenth attempt (time to spare over the rest of the shift, not the next hour), to judge it once. */
  'held-out-14': range(2001, 2012),
} as const;
export type DaySet = keyof typeof SPLIT;

export const HISTORY_DAYS = 6;

export interface HallDays {
  name: string;
  day: Day;
  /** The same weekday on earlier weeks, most recent first. */
  history: Day[];
}

export function hallDays(source: Source, seed: number, reserve = 0): HallDays {
  const make = (daySeed: number) => {
    const { trace, roster } = SOURCES[source](seed, daySeed);
    return buildDay(withReserve(withQualified(roster, seed), reserve), trace, `${source}-${seed}`);
  };
  return { name: `${source}-${seed}`, day: make(seed), history: range(1, HISTORY_DAYS).map((k) => make(1000 * seed + k)) };
}

function withReserve(roster: Roster, reserve: number): Roster {
  const m = roster.counters.length;
  const like = (i: number) => roster.counters[Math.floor(((i + 1) * m) / (reserve + 1))]!;
  return { ...roster, counters: [...roster.counters, ...range(1, reserve).map((i) => ({ ...like(i - 1), id: `R${i}`, services: [] }))] };
}
