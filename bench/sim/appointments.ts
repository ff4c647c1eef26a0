import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { APPOINTMENT_DEFAULTS, bookAppointments } from '../day/appointments.js';
import { describeHall, generateFamilyDay } from '../day/families.js';
import { generateDay, PROFILES } from '../day/generate.js';
import { DEFAULT_APPOINTMENT_EVERY_K } from '../../server/engine/types.js';
import { buildDay, parseRoster, parseTrace, type Day, type Roster, type TraceRow } from './day.js';
import { figures, policyFigures } from './metrics.js';
import { seedsOf } from './seeds.js';
import { simulate } from './simulate.js';

// npx tsx bench/sim/appointments.ts: issue 16's goal, measured. Each day (generated days of the
// given profiles and seeds, halls of families.ts, and the bank day) gets a share of appointments
// (bench/day/appointments.ts), and is run twice: as booked, and with the same visitors walking in at their check-in time.
// Per day: the appointments called within 5 minutes of their slot (default policy and TheQ's
// strict precedence), and the walk-ins' within-target share, the same walk-ins in both days.

// The held-out seeds (HELD-OUT.md) are the defaults.
const USAGE = `usage: npx tsx bench/sim/appointments.ts [--profiles normal,busy,peak] [--seeds 101-110] [--family-seeds 201-220] [--share 0.2]
  [--late-share ${APPOINTMENT_DEFAULTS.lateShare}] [--bookable ${APPOINTMENT_DEFAULTS.bookableShare}] [--per-slot N] [--every-k 2] [--bank PREFIX | --no-bank] [--json]`;

interface Row {
  day: string;
  /** The hall, for a day of families.ts. */
  hall?: string;
  visitors: number;
  appointments: number;
  punctualPct: { default: number; strict: number };
  walkInsWithinPct: { allWalkIns: number; default: number; strict: number };
}

interface Setting {
  share: number;
  lateShare: number;
  bookableShare: number;
  maxPerSlot?: number;
  everyK: number;
}

function measure(name: string, trace: TraceRow[], roster: Roster, { share, lateShare, bookableShare, maxPerSlot, everyK }: Setting, seed: number, openS: number, closeS: number): Row {
  const { booked, walkIns } = bookAppointments(trace, roster, { ...APPOINTMENT_DEFAULTS, share, lateShare, bookableShare, maxPerSlot, openS, closeS }, seed);
  const day = buildDay(roster, booked, name);
  const same = buildDay(roster, walkIns, name);
  const isWalkIn = (v: { index: number }) => day.visitors[v.index]!.slotS === null;
  const run = (d: Day, p: 'default' | 'strict-appointments') => simulate(d, p, { estimates: false, appointmentEveryK: everyK });
  const withDefault = policyFigures(day, run(day, 'default'));
  const withStrict = policyFigures(day, run(day, 'strict-appointments'));
  return {
    day: name,
    visitors: day.visitors.length,
    appointments: withDefault.appointments!.count,
    punctualPct: { default: withDefault.appointments!.punctualPct, strict: withStrict.appointments!.punctualPct },
    walkInsWithinPct: {
      allWalkIns: figures(same, run(same, 'default'), isWalkIn).withinTargetPct,
      default: withDefault.walkIns!.withinTargetPct,
      strict: withStrict.walkIns!.withinTargetPct,
    },
  };
}

const kindOf = (day: string) => day.split(/[-~]/)[0]!;
const round1 = (x: number) => Math.round(x * 10) / 10;
const mean = (xs: number[]) => round1(xs.reduce((a, b) => a + b, 0) / xs.length);
const dropOf = (r: Row, p: 'default' | 'strict') => r.walkInsWithinPct.allWalkIns - r.walkInsWithinPct[p];

/** The goal: ≥ 90% of appointments called within 5 min of their slot, walk-ins' within-target share down ≤ 3 points. */
const meetsGoal = (r: Row) => r.punctualPct.default >= 90 && dropOf(r, 'default') <= 3;

function summary(kind: string, rows: Row[]): string {
  const punctual = (p: 'default' | 'strict') => mean(rows.map((r) => r.punctualPct[p]));
  const drop = (p: 'default' | 'strict') => `${mean(rows.map((r) => dropOf(r, p)))} (${round1(Math.max(...rows.map((r) => dropOf(r, p))))})`;
  return `| ${kind} | ${rows.filter(meetsGoal).length} of ${rows.length} | ${punctual('default')}% / ${punctual('strict')}% | ${drop('default')} / ${drop('strict')} |`;
}

function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      profiles: { type: 'string', default: 'normal,busy,peak' },
      seeds: { type: 'string', default: '101-110' },
      'family-seeds': { type: 'string', default: '201-220' },
      share: { type: 'string', default: '0.2' },
      'late-share': { type: 'string', default: String(APPOINTMENT_DEFAULTS.lateShare) },
      bookable: { type: 'string', default: String(APPOINTMENT_DEFAULTS.bookableShare) },
      'per-slot': { type: 'string' },
      'every-k': { type: 'string', default: String(DEFAULT_APPOINTMENT_EVERY_K) },
      bank: { type: 'string', default: '../shared/data/bank-day' },
      'no-bank': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return console.log(USAGE), 0;
  const setting = {
    share: Number(values.share),
    lateShare: Number(values['late-share']),
    bookableShare: Number(values.bookable),
    maxPerSlot: values['per-slot'] === undefined ? undefined : Number(values['per-slot']),
    everyK: Number(values['every-k']),
  };
  const seeds = seedsOf(values.seeds!);
  const familySeeds = values['family-seeds'] === '' ? [] : seedsOf(values['family-seeds']!);
  const profiles = values.profiles!.split(',').filter(Boolean);
  const { share, lateShare, bookableShare, maxPerSlot, everyK } = setting;
  const valid =
    share > 0 && share <= 1 &&
    lateShare >= 0 && lateShare <= 1 &&
    bookableShare > 0 && bookableShare <= 1 &&
    (maxPerSlot === undefined || (Number.isInteger(maxPerSlot) && maxPerSlot >= 1)) &&
    Number.isInteger(everyK) && everyK >= 1 &&
    seeds && familySeeds && profiles.every((p) => PROFILES[p]);
  if (!valid) return console.error(USAGE), 2;

  const rows: Row[] = [];
  for (const p of profiles)
    for (const seed of seeds) {
      const spec = PROFILES[p]!;
      const { trace, roster } = generateDay(spec, seed);
      rows.push(measure(`${p}-${seed}`, trace, roster, setting, seed, spec.openH * 3600, spec.closeH * 3600));
    }
  for (const seed of familySeeds) {
    const { trace, roster, openS, closeS, hall } = generateFamilyDay(seed);
    rows.push({ ...measure(`families-${seed}`, trace, roster, setting, seed, openS, closeS), hall: describeHall(hall) });
  }
  if (!values['no-bank']) {
    const trace = parseTrace(readFileSync(`${values.bank}.trace.csv`, 'utf8'));
    const roster = parseRoster(readFileSync(`${values.bank}.roster.json`, 'utf8'));
    // Slots over the day's own span of arrivals.
    const open = trace[0]!.arrivalS;
    const close = trace[trace.length - 1]!.arrivalS;
    for (const seed of seeds) rows.push(measure(`bank~${seed}`, trace, roster, setting, seed, open, close));
  }
  if (values.json) return console.log(JSON.stringify(rows)), 0;

  const out = [
    '| day | visitors | appointments | called ≤ 5 min after slot: default / strict | walk-ins within target: all walk-ins / default / strict | drop (default) | hall |',
    '| --- | ---: | ---: | --- | --- | ---: | --- |',
  ];
  for (const r of rows) {
    out.push(
      `| ${r.day} | ${r.visitors} | ${r.appointments} | ${r.punctualPct.default}% / ${r.punctualPct.strict}% | ${r.walkInsWithinPct.allWalkIns}% / ${r.walkInsWithinPct.default}% / ${r.walkInsWithinPct.strict}% | ${round1(dropOf(r, 'default'))} | ${r.hall ?? ''} |`,
    );
  }
  out.push('', '| days | goal met | called ≤ 5 min after slot, mean: default / strict | walk-ins within-target drop, mean (worst): default / strict |', '| --- | ---: | --- | --- |');
  for (const kind of [...new Set(rows.map((r) => kindOf(r.day)))]) out.push(summary(kind, rows.filter((r) => kindOf(r.day) === kind)));
  out.push(summary('all', rows));
  console.log(out.join('\n'));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
