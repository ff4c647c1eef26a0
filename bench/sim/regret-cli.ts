import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { ROUTING_POLICIES, type RoutingPolicy } from '../../server/engine/types.js';
import { dayOf, nameOf, refsOf, SOURCE_NAMES, SPLIT, type DayRef, type DaySet, type Source } from './day-sets.js';
import { bestRule, describeShortfall, GOAL, meetsGoal, regretOf, summarize, type DayRegret } from './regret.js';
import { seedsOf } from './seeds.js';

// npx tsx bench/sim/regret-cli.ts --set tuning|held-out: each rule's regret on the issue 17 days
// (day-sets.ts), the days spread over worker threads.

const USAGE = `usage: npx tsx bench/sim/regret-cli.ts --set tuning|held-out [--sources ${SOURCE_NAMES.join(',')}] [--seeds 1-12]
  [--jitter 1] [--workers N] [--json] [--history K]
  --seeds: instead of the set's seeds; --jitter N: jittered copies of every day (default 1)
  --history K: for each hall, the rule --find-policy recommends from its first K days (the day and
  copies 1…K−1), judged on its other copies against the default`;

// Each thread loads this file through tsx, as the command itself is loaded.
const THREAD = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => tsx.tsImport(${JSON.stringify(import.meta.url)}, ${JSON.stringify(import.meta.url)}))`;

/** The days' regrets, in the order of `refs`, computed on up to `workers` threads. */
export async function regrets(refs: readonly DayRef[], workers: number): Promise<DayRegret[]> {
  if (workers <= 1) return refs.map((r) => regretOf(nameOf(r), dayOf(r)));
  const out: DayRegret[] = new Array(refs.length);
  let next = 0;
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const w = new Worker(THREAD, { eval: true });
      const give = () => (next < refs.length ? w.postMessage({ i: next, ref: refs[next++] }) : void w.terminate().then(() => resolve()));
      w.on('message', ({ i, regret }: { i: number; regret: DayRegret }) => ((out[i] = regret), give()));
      w.on('error', reject);
      give();
    });
  await Promise.all(Array.from({ length: Math.min(workers, refs.length) }, one));
  return out;
}

function render(days: DayRegret[], sources: readonly Source[]): string {
  const fmt = (x: number) => (Number.isFinite(x) ? String(x) : '∞');
  const lines = [
    `Goal per day: the rule within ${GOAL.within} points of the best rule's within-target share, within ${GOAL.mean}% of the best mean wait and ${GOAL.longest}% of the best longest wait. Score: the largest shortfall ÷ its allowance (≤ 1 meets the goal).`,
    '',
    `| day | visitors | load | skills/counter | cv | priority | default within / mean / longest | default shortfall (points / % / %) | score: ${ROUTING_POLICIES.join(' / ')} |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |',
  ];
  for (const d of days) {
    const r = d.rules.default;
    const f = d.features;
    lines.push(
      `| ${d.name} | ${d.visitors} | ${f.load} | ${f.skillsPerCounter} | ${f.cv} | ${f.priorityPct}% | ${r.withinTargetPct}% / ${r.meanWaitS} s / ${r.maxWaitS} s | ${meetsGoal(r) ? '✓' : '✗'} ${fmt(r.shortfall.within)} / ${fmt(r.shortfall.mean)} / ${fmt(r.shortfall.longest)} | ${ROUTING_POLICIES.map((p) => fmt(d.rules[p].score)).join(' / ')} |`,
    );
  }
  lines.push('', '| source | rule | days meeting the goal | worst shortfall | median score |', '| --- | --- | --- | --- | ---: |');
  for (const source of [...sources, 'all'] as const) {
    const of = days.filter((d) => source === 'all' || d.name.startsWith(`${source}-`));
    for (const s of summarize(of)) lines.push(`| ${source} | ${s.policy} | ${s.meetsGoal}/${s.days} | ${describeShortfall(s.worst)} | ${s.medianScore} |`);
  }
  return lines.join('\n');
}

export interface AdviceCheck {
  hall: string;
  recommended: RoutingPolicy;
  /** On the hall's days after its history: days within the goal for the recommended rule and the default. */
  later: { days: number; recommended: number; default: number };
}

/** Map.groupBy, which Node 20 lacks. */
function groupBy<T, K>(xs: readonly T[], key: (x: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const x of xs) out.set(key(x), [...(out.get(key(x)) ?? []), x]);
  return out;
}

/** Per hall (source and seed): the rule recommended from its first `k` days, on its later ones. */
export function checkAdvice(days: readonly DayRegret[], k: number): AdviceCheck[] {
  const halls = groupBy(days, (d) => d.name.split('~')[0]!);
  return [...halls].map(([hall, of]) => {
    const recommended = bestRule(summarize(of.slice(0, k))).policy;
    const later = of.slice(k);
    const count = (p: RoutingPolicy) => later.filter((d) => meetsGoal(d.rules[p])).length;
    return { hall, recommended, later: { days: later.length, recommended: count(recommended), default: count('default') } };
  });
}

function renderAdvice(checks: AdviceCheck[], k: number): string {
  const sum = (f: (c: AdviceCheck) => number) => checks.reduce((a, c) => a + f(c), 0);
  const picks = groupBy(checks, (c) => c.recommended);
  return [
    `Each hall's rule from its first ${k} days (--find-policy), on its ${checks[0]?.later.days ?? 0} later days: within the goal on ${sum((c) => c.later.recommended)} of ${sum((c) => c.later.days)} (the default: ${sum((c) => c.later.default)}).`,
    `Recommended: ${[...picks].map(([p, of]) => `${p} for ${of.length} hall${of.length === 1 ? "" : "s"}`).join(', ')}.`,
    ...checks.filter((c) => c.recommended !== 'default').map((c) => `  ${c.hall}: ${c.recommended} ${c.later.recommended}/${c.later.days}, default ${c.later.default}/${c.later.days}`),
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        set: { type: 'string' },
        sources: { type: 'string', default: SOURCE_NAMES.join(',') },
        seeds: { type: 'string' },
        jitter: { type: 'string', default: '1' },
        workers: { type: 'string', default: String(Math.min(2, availableParallelism())) },
        json: { type: 'boolean', default: false },
        history: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) return console.log(USAGE), 0;
  const sources = values.sources!.split(',') as Source[];
  const seeds = values.seeds ? seedsOf(values.seeds) : values.set && values.set in SPLIT ? SPLIT[values.set as DaySet] : null;
  const copies = Number(values.jitter);
  const workers = Number(values.workers);
  if (!seeds || sources.some((s) => !SOURCE_NAMES.includes(s)) || !Number.isInteger(copies) || copies < 0 || !(workers >= 1)) return console.error(USAGE), 2;
  const k = values.history === undefined ? null : Number(values.history);
  if (k !== null && !(Number.isInteger(k) && k >= 1 && k <= copies)) return console.error(`--history K needs 1 ≤ K ≤ --jitter\n${USAGE}`), 2;
  const days = await regrets(refsOf(sources, seeds, copies), workers);
  const advice = k === null ? undefined : checkAdvice(days, k);
  if (values.json) console.log(JSON.stringify({ goal: GOAL, days, summary: summarize(days), advice }));
  else console.log(render(days, sources) + (advice ? `\n\n${renderAdvice(advice, k!)}` : ''));
  return 0;
}

if (!isMainThread) parentPort!.on('message', ({ i, ref }: { i: number; ref: DayRef }) => parentPort!.postMessage({ i, regret: regretOf(nameOf(ref), dayOf(ref)) }));
else if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) main(process.argv.slice(2)).then((code) => (process.exitCode = code));
