import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dayOf, nameOf, refsOf, SPLIT } from '../../bench/sim/day-sets.js';
import { buildDay, parseRoster, parseTrace } from '../../bench/sim/day.js';
import { checkAdvice, findPolicy } from '../../bench/sim/find-policy.js';
import { regrets } from '../../bench/sim/regret-threads.js';
import { featuresOf, meetsGoal, regretOf, summarize } from '../../bench/sim/regret.js';
import { runTool } from '../helpers/scripts.js';

const dir = mkdtempSync(join(tmpdir(), 'dawr-regret-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// One counter, open from 10 s, serves A first, then B; targets 300 s. B (a 600 s visit) comes
// at 0, A (60 s) at 1. Oldest-first calls B at 10 and A at 610: A waits 609 s, past its target.
// Calling A first (its counter's order, or the look-ahead: both within target) gives A 9 s and
// B 70 s. The hall's configured averages tell the look-ahead that A is the short visit.
const ROSTER = {
  services: [
    { code: 'A', targetWaitS: 300, avgServiceS: 60 },
    { code: 'B', targetWaitS: 300, avgServiceS: 600 },
  ],
  counters: [{ id: 'c1', services: ['A', 'B'], startS: 10, endS: 2000 }],
};
const TRACE = 'arrival_s,service,service_s,priority\n0,B,600,0\n1,A,60,0\n';
// Tuesday: two A visitors only; every rule calls them in the same order.
const TUESDAY = 'arrival_s,service,service_s,priority\n0,A,60,0\n5,A,60,0\n';
const dayFrom = (trace: string) => buildDay(parseRoster(JSON.stringify(ROSTER)), parseTrace(trace));
const handWorked = () => dayFrom(TRACE);

describe("a rule's regret on a day", () => {
  it('is its shortfall against the best of the four on each part of the goal, hand-worked', () => {
    const r = regretOf('hand', handWorked());
    for (const p of ['default', 'service-order', 'novosga'] as const) {
      expect(r.rules[p], p).toMatchObject({ withinTargetPct: 100, meanWaitS: 39.5, maxWaitS: 70, score: 0 });
      expect(meetsGoal(r.rules[p])).toBe(true);
    }
    // within: 100 − 50 points; mean: 309.5 / 39.5 − 1 = +683.5%; longest: 609 / 70 − 1 = +770%.
    expect(r.rules['oldest-first']).toEqual({
      withinTargetPct: 50,
      meanWaitS: 309.5,
      maxWaitS: 609,
      shortfall: { within: 50, mean: 683.5, longest: 770 },
      score: 68.35,
    });
    expect(meetsGoal(r.rules['oldest-first'])).toBe(false);
  });

  it("reads the hall's features off the day", () => {
    expect(featuresOf(handWorked())).toMatchObject({ skillsPerCounter: 2, generalistShare: 1, priorityPct: 0 });
  });

  it('summarizes per rule: days within the goal and the worst shortfall', () => {
    const r = regretOf('hand', handWorked());
    const s = summarize([r, r]);
    expect(s.find((x) => x.policy === 'oldest-first')).toMatchObject({ days: 2, meetsGoal: 0, worst: { within: 50, mean: 683.5, longest: 770, score: 68.35 } });
    expect(s.find((x) => x.policy === 'default')).toMatchObject({ days: 2, meetsGoal: 2, medianScore: 0 });
  });
});

describe('the issue 17 day sets', () => {
  it('tuning and held-out seeds are apart', () => {
    expect(SPLIT.tuning.filter((s) => (SPLIT['held-out'] as readonly number[]).includes(s))).toEqual([]);
  });

  it('each source gives its day and its jittered copies, the same for the same reference', () => {
    const refs = refsOf(['profiles', 'families', 'mixtures'], [3], 1);
    expect(refs.map(nameOf)).toEqual(['profiles-3', 'profiles-3~1', 'families-3', 'families-3~1', 'mixtures-3', 'mixtures-3~1']);
    for (const r of refs) expect(dayOf(r)).toEqual(dayOf(r));
    expect(dayOf(refs[1]!).visitors.length).toBeLessThan(dayOf(refs[0]!).visitors.length);
    expect(dayOf(refs[1]!).counters).toEqual(dayOf(refs[0]!).counters);
  });

  it('worker threads give what one thread gives', async () => {
    const refs = refsOf(['mixtures'], [2, 3], 0);
    const threaded = await regrets(refs, 2);
    expect(threaded).toEqual(refs.map((r) => regretOf(nameOf(r), dayOf(r))));
  }, 60_000);
});

describe('the regret command', () => {
  it('prints each day, the summary per generator and the advice check; JSON the same', async () => {
    const args = ['--sources', 'mixtures', '--seeds', '2', '--jitter', '2', '--history', '1', '--workers', '1'];
    const json = await runTool('bench/sim/regret-cli.ts', [...args, '--json'], { timeoutMs: 60_000 });
    expect(json.code, json.stderr).toBe(0);
    const out = JSON.parse(json.stdout);
    expect(out.days.map((d: { name: string }) => d.name)).toEqual(['mixtures-2', 'mixtures-2~1', 'mixtures-2~2']);
    expect(out.days[0]).toEqual(regretOf('mixtures-2', dayOf({ source: 'mixtures', seed: 2, copy: 0 })));
    expect(out.advice).toEqual(checkAdvice(out.days, 1));
    const text = await runTool('bench/sim/regret-cli.ts', args, { timeoutMs: 60_000 });
    expect(text.stdout).toMatch(/^\| mixtures-2~1 \| \d+ \|/m);
    expect(text.stdout).toMatch(/^\| all \| default \| \d\/3 \|/m);
    expect(text.stdout).toMatch(/^Each hall's rule from its first 1 days \(--find-policy\), on its 2 later days/m);
  }, 60_000);

  it('refuses what it cannot run, exit 2', async () => {
    for (const args of [[], ['--set', 'someday'], ['--set', 'tuning', '--sources', 'bank'], ['--set', 'tuning', '--jitter', '1', '--history', '2']]) {
      const run = await runTool('bench/sim/regret-cli.ts', args, { timeoutMs: 60_000 });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain('usage: npm run bench:regret --');
    }
  }, 60_000);
});

describe("checking --find-policy's advice on a hall's later days", () => {
  it("recommends from each hall's first k days and counts the later days within the goal, the recommended rule's and the default's", () => {
    const day = regretOf('x', handWorked());
    // The same day with the default and oldest-first swapped: a day the default misses.
    const swapped = { ...day, rules: { ...day.rules, default: day.rules['oldest-first'], 'oldest-first': day.rules.default } };
    const named = (name: string, d: typeof day) => ({ ...d, name });
    const checks = checkAdvice(
      [named('a-1', swapped), named('a-1~1', swapped), named('a-1~2', day), named('b-7', day), named('b-7~1', day), named('b-7~2', swapped)],
      2,
    );
    expect(checks).toEqual([
      { hall: 'a-1', recommended: 'oldest-first', later: { days: 1, recommended: 0, default: 1 } },
      { hall: 'b-7', recommended: 'default', later: { days: 1, recommended: 0, default: 0 } },
    ]);
  });
});

describe('bench:sim --find-policy', () => {
  const history = join(dir, 'history');
  mkdirSync(history);
  writeFileSync(join(history, 'roster.json'), JSON.stringify(ROSTER));
  writeFileSync(join(history, 'monday.trace.csv'), TRACE);
  writeFileSync(join(history, 'tuesday.trace.csv'), TUESDAY);

  it('runs every rule over the past days and recommends the one within the goal on most of them', () => {
    const advice = findPolicy([
      { name: 'monday', day: handWorked() },
      { name: 'tuesday', day: dayFrom(TUESDAY) },
    ]);
    expect(advice.recommended.policy).toBe('default');
    expect(advice.rules.map((r) => [r.policy, r.meetsGoal])).toEqual([['default', 2], ['oldest-first', 1], ['service-order', 2], ['novosga', 2]]);
  });

  it('from the command line: JSON and a readable line', async () => {
    const json = await runTool('bench/sim/cli.ts', ['--find-policy', '--history', history, '--json'], { timeoutMs: 60_000 });
    expect(json.code, json.stderr).toBe(0);
    const { findPolicy: advice } = JSON.parse(json.stdout);
    expect(advice.days.map((d: { name: string }) => d.name)).toEqual(['monday', 'tuesday']);
    expect(advice.recommended.policy).toBe('default');
    const text = await runTool('bench/sim/cli.ts', ['--find-policy', '--history', history], { timeoutMs: 60_000 });
    expect(text.stdout).toMatch(/^Recommended: default: within the goal on 2 of 2 days; worst: within target 0 points, mean wait \+0%, longest wait \+0%/);
    expect(text.stdout).toContain('oldest-first: within the goal on 1 of 2 days; worst: within target −50 points, mean wait +683.5%, longest wait +770%');
  }, 60_000);

  it('says what is wrong with the history folder, exit 2', async () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    const none = await runTool('bench/sim/cli.ts', ['--find-policy', '--history', empty], { timeoutMs: 60_000 });
    expect([none.code, none.stderr.trim()]).toEqual([2, `bench:sim: ${empty}: no NAME.trace.csv in it`]);
    const lonely = join(dir, 'lonely');
    mkdirSync(lonely);
    writeFileSync(join(lonely, 'monday.trace.csv'), TRACE);
    const noRoster = await runTool('bench/sim/cli.ts', ['--find-policy', '--history', lonely], { timeoutMs: 60_000 });
    expect([noRoster.code, noRoster.stderr.trim()]).toEqual([2, `bench:sim: ${lonely}: no monday.roster.json nor roster.json for monday.trace.csv`]);
    const missing = await runTool('bench/sim/cli.ts', ['--find-policy'], { timeoutMs: 60_000 });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--find-policy needs --history DIR');
  }, 60_000);
});
