import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generateDay, PROFILES, rng } from '../day/generate.js';
import { ROUTING_POLICIES, type RoutingPolicy } from '../../server/engine/types.js';
import { barVerdicts, CRITERIA, PEERS, shortfall, type Criterion, type Verdict } from './bar.js';
import { buildDay, DayFormatError, loadDay, type Day } from './day.js';
import { report, runDay, type DayReport } from './run.js';
import { seedsOf } from './seeds.js';
import { fmtS } from './table.js';

// npm run bench:compare: the default policy against its peers over many days at once: the bank
// day and generated days of each load, optionally each also run again with every visit a few
// seconds longer or shorter, to tell a rule's effect from the luck of one day's draw.

const USAGE = `usage: npm run bench:compare -- [--profiles normal,busy,peak] [--seeds 1-6] [--bank PREFIX | --no-bank]
  [--jitter N [--jitter-s 10]] [--json]
  PREFIX: a day's files without .trace.csv / .roster.json (default ../shared/data/bank-day)
  --jitter N: also run N copies of every day with each visit shifted by a seeded ±jitter-s seconds`;

interface DayResult {
  name: string;
  visitors: number;
  report: DayReport;
  verdicts: Verdict[];
}

type Tally = Record<Criterion, { pass: number; of: number }>;
type Shortfalls = Record<RoutingPolicy, Record<Criterion, { worst: number | null; median: number | null }>>;

/** The same day with every visit `±seconds` longer or shorter (uniform, seeded; at least 1 s). */
export function jitteredDay(day: Day, seed: number, seconds: number): Day {
  const random = rng(seed);
  return { ...day, visitors: day.visitors.map((v) => ({ ...v, serviceS: Math.max(1, Math.round(v.serviceS + (2 * random() - 1) * seconds)) })) };
}

export function generatedDay(profile: string, seed: number): Day {
  const { trace, roster } = generateDay(PROFILES[profile]!, seed);
  return buildDay(roster, trace, `${profile}-${seed}`);
}

function judge(name: string, day: Day, estimates: boolean): DayResult {
  const r = report(runDay(day, { estimates }));
  return { name, visitors: day.visitors.length, report: r, verdicts: barVerdicts(r) };
}

/** Days on which `candidate` meets each part of the bar against the other three policies. */
export function tally(results: readonly DayResult[], candidate: RoutingPolicy = 'default'): Tally {
  const out = Object.fromEntries(CRITERIA.map((c) => [c, { pass: 0, of: 0 }])) as Tally;
  for (const d of results)
    for (const v of candidate === 'default' ? d.verdicts : barVerdicts(d.report, 3, candidate)) {
      if (v.ok === null) continue;
      out[v.criterion].of++;
      if (v.ok) out[v.criterion].pass++;
    }
  return out;
}

const tallies = (results: readonly DayResult[]) => Object.fromEntries(ROUTING_POLICIES.map((p) => [p, tally(results, p)]));

export function shortfalls(results: readonly DayResult[]): Shortfalls {
  const out = {} as Shortfalls;
  for (const p of ROUTING_POLICIES) {
    out[p] = {} as Shortfalls[RoutingPolicy];
    for (const c of CRITERIA) {
      const xs = results.map((d) => shortfall(d.report, p, c)).filter((x): x is number => x !== null).sort((a, b) => a - b);
      const round = (x: number) => Math.round(x * 10) / 10;
      out[p][c] = xs.length ? { worst: round(xs[xs.length - 1]!), median: round(xs[Math.floor((xs.length - 1) / 2)]!) } : { worst: null, median: null };
    }
  }
  return out;
}

// ---- the readable report ----

function cell(d: DayResult, c: Criterion): string {
  const v = d.verdicts.find((x) => x.criterion === c)!;
  const show = c === 'within' ? (x: number | null) => (x === null ? '—' : `${x}%`) : fmtS;
  const values = [v.own, ...PEERS.map((p) => v.peers[p] ?? null)].map(show).join(' / ');
  const mark = v.ok === null ? '' : v.ok ? '✓ ' : '✗ ';
  if (c !== 'mean' || v.own === null) return mark + values;
  const best = Math.min(...PEERS.map((p) => v.peers[p]!));
  const pct = Math.round((v.own / best - 1) * 100);
  return `${mark}${values} (${pct > 0 ? '+' : ''}${pct}%)`;
}

function render(results: DayResult[], jitter: { copies: number; seconds: number; results: DayResult[] } | null): string {
  const out: string[] = [
    `Each cell: default / ${PEERS.join(' / ')}. ✓: the default meets the bar that day (within target ≥ every peer; mean wait ≤ 103% of the best peer's; longest wait and priority mean ≤ every peer's).`,
    '',
    '| day | visitors | within target | mean wait (default vs best peer) | longest wait | priority mean | etaMAE / naive (default) |',
    '| --- | ---: | --- | --- | --- | --- | --- |',
  ];
  for (const d of results) {
    const f = d.report.policies.default;
    const eta = f.etaMaeS !== null && f.etaNaiveMaeS ? `${fmtS(f.etaMaeS)} / ${fmtS(f.etaNaiveMaeS)} (${(f.etaMaeS / f.etaNaiveMaeS).toFixed(2)})` : '—';
    out.push(`| ${d.name} | ${d.visitors} | ${CRITERIA.map((c) => cell(d, c)).join(' | ')} | ${eta} |`);
  }
  out.push('', ...summary(results));
  if (jitter) {
    out.push('', `The same days again, ${jitter.copies} copies each with every visit shifted by a seeded ±${jitter.seconds} s (${jitter.results.length} days in all):`);
    out.push('', ...summary(jitter.results));
  }
  return out.join('\n');
}

/** How often each policy, held to the same bar against the other three, meets each part; then the shortfalls. */
function summary(results: DayResult[]): string[] {
  const pct = (t: Tally[Criterion]) => (t.of ? `${t.pass}/${t.of} (${Math.round((100 * t.pass) / t.of)}%)` : '—');
  return [
    'Days on which each policy meets each part of the bar against the other three:',
    '',
    '| policy | within target | mean wait | longest wait | priority mean |',
    '| --- | --- | --- | --- | --- |',
    ...ROUTING_POLICIES.map((p) => {
      const t = tally(results, p);
      return `| ${p} | ${CRITERIA.map((c) => pct(t[c])).join(' | ')} |`;
    }),
    '',
    'Shortfall against the best of the four policies that day (within target: points below it; waits: % above it), worst / median:',
    '',
    ...shortfallTable(shortfalls(results)),
  ];
}

function shortfallTable(s: Shortfalls): string[] {
  const fmt = (c: Criterion, x: number | null) => (x === null ? '—' : c === 'within' ? `${x}` : `+${x}%`);
  return [
    '| policy | within target | mean wait | longest wait | priority mean |',
    '| --- | --- | --- | --- | --- |',
    ...ROUTING_POLICIES.map((p) => `| ${p} | ${CRITERIA.map((c) => `${fmt(c, s[p][c].worst)} / ${fmt(c, s[p][c].median)}`).join(' | ')} |`),
  ];
}

// ---- the command ----

function main(argv: string[]): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        profiles: { type: 'string', default: 'normal,busy,peak' },
        seeds: { type: 'string', default: '1-6' },
        bank: { type: 'string', default: '../shared/data/bank-day' },
        'no-bank': { type: 'boolean', default: false },
        jitter: { type: 'string', default: '0' },
        'jitter-s': { type: 'string', default: '10' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) return console.log(USAGE), 0;
  const profiles = values.profiles!.split(',').filter(Boolean);
  const seeds = seedsOf(values.seeds!);
  const copies = Number(values.jitter);
  const seconds = Number(values['jitter-s']);
  const bad = profiles.find((p) => !PROFILES[p]);
  if (bad) return console.error(`bench:compare: no profile "${bad}" (${Object.keys(PROFILES).join(', ')})\n${USAGE}`), 2;
  if (!seeds || !Number.isInteger(copies) || copies < 0 || !(seconds >= 0)) return console.error(USAGE), 2;

  const days: { name: string; day: Day }[] = [];
  if (!values['no-bank']) {
    const [trace, roster] = [`${values.bank}.trace.csv`, `${values.bank}.roster.json`];
    if (existsSync(trace) && existsSync(roster)) {
      try {
        days.push({ name: 'bank', day: loadDay(trace, roster) });
      } catch (e) {
        if (e instanceof DayFormatError) return console.error(`bench:compare: ${e.message}`), 2;
        throw e;
      }
    } else console.error(`bench:compare: ${trace} not found, going on without the bank day`);
  }
  for (const p of profiles) for (const s of seeds) days.push({ name: `${p}-${s}`, day: generatedDay(p, s) });
  if (days.length === 0) return console.error(`bench:compare: no days\n${USAGE}`), 2;

  const results = days.map(({ name, day }) => judge(name, day, true));
  const jittered =
    copies > 0
      ? days.flatMap(({ name, day }, i) => Array.from({ length: copies }, (_, k) => judge(`${name}~${k + 1}`, jitteredDay(day, 1000 * (i + 1) + k, seconds), false)))
      : null;

  if (values.json) {
    const json = {
      days: results.map((d) => ({ name: d.name, visitors: d.visitors, ...d.report, verdicts: d.verdicts })),
      tally: tally(results),
      tallyByPolicy: tallies(results),
      shortfall: shortfalls(results),
      ...(jittered ? { jitter: { copies, seconds, tally: tally(jittered), tallyByPolicy: tallies(jittered), shortfall: shortfalls(jittered) } } : {}),
    };
    console.log(JSON.stringify(json));
  } else console.log(render(results, jittered ? { copies, seconds, results: jittered } : null));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
