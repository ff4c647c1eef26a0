import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { ROUTING_POLICIES } from '../../server/engine/types.js';
import { dayOf, nameOf, refsOf, SOURCE_NAMES, SPLIT, type DayRef, type DaySet, type Source } from './day-sets.js';
import { describeShortfall, GOAL, meetsGoal, regretOf, summarize, type DayRegret } from './regret.js';
import { seedsOf } from './seeds.js';

// npx tsx bench/sim/regret-cli.ts --set tuning|held-out: each rule's regret on the issue 17 days
// (day-sets.ts), the days spread over worker threads.

const USAGE = `usage: npx tsx bench/sim/regret-cli.ts --set tuning|held-out [--sources ${SOURCE_NAMES.join(',')}] [--seeds 1-12]
  [--jitter 1] [--workers N] [--json]
  --seeds: instead of the set's seeds; --jitter N: jittered copies of every day (default 1)`;

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
  const days = await regrets(refsOf(sources, seeds, copies), workers);
  if (values.json) console.log(JSON.stringify({ goal: GOAL, days, summary: summarize(days) }));
  else console.log(render(days, sources));
  return 0;
}

if (!isMainThread) parentPort!.on('message', ({ i, ref }: { i: number; ref: DayRef }) => parentPort!.postMessage({ i, regret: regretOf(nameOf(ref), dayOf(ref)) }));
else if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) main(process.argv.slice(2)).then((code) => (process.exitCode = code));
