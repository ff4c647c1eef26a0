import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { ROUTING_POLICIES } from '../../server/engine/types.js';
import { refsOf, SOURCE_NAMES, SPLIT, type DaySet, type Source } from './day-sets.js';
import { checkAdvice, type AdviceCheck } from './find-policy.js';
import { describeShortfall, GOAL, meetsGoal, summarize, type DayRegret } from './regret.js';
import { regrets } from './regret-threads.js';
import { seedsOf } from './seeds.js';

// npm run bench:regret -- --set tuning|held-out: each rule's regret on the issue 17 days
// (day-sets.ts), the days spread over worker threads (regret-threads.ts).

const USAGE = `usage: npm run bench:regret -- --set tuning|held-out [--sources ${SOURCE_NAMES.join(',')}] [--seeds 1-12]
  [--jitter 1] [--workers N] [--json] [--history K]
  --seeds: instead of the set's seeds; --jitter N: jittered copies of every day (default 1)
  --history K: for each hall, the rule --find-policy recommends from its first K days (the day and
  copies 1…K−1), judged on its other copies against the default`;

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

function renderAdvice(checks: AdviceCheck[], k: number): string {
  const sum = (f: (c: AdviceCheck) => number) => checks.reduce((a, c) => a + f(c), 0);
  const picks = new Map<string, number>();
  for (const c of checks) picks.set(c.recommended, (picks.get(c.recommended) ?? 0) + 1);
  return [
    `Each hall's rule from its first ${k} days (--find-policy), on its ${checks[0]?.later.days ?? 0} later days: within the goal on ${sum((c) => c.later.recommended)} of ${sum((c) => c.later.days)} (the default: ${sum((c) => c.later.default)}).`,
    `Recommended: ${[...picks].map(([p, n]) => `${p} for ${n} hall${n === 1 ? '' : 's'}`).join(', ')}.`,
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

process.exitCode = await main(process.argv.slice(2));
