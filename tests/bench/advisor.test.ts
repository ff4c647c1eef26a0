import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isWorse, luckOf, reshuffled } from '../../bench/advisor/luck.js';
import { costAlone, replay, runAdvisorDay, servedInBoth } from '../../bench/advisor/run.js';
import { generateFamilyDay } from '../../bench/day/families.js';
import { withQualified } from '../../bench/day/qualified.js';
import { buildDay, DayFormatError, parseRoster, parseTrace } from '../../bench/sim/day.js';
import { figures, FIGURE_KEYS } from '../../bench/sim/metrics.js';
import { simulate, SWITCH_IDLE_S, type Staffing } from '../../bench/sim/simulate.js';
import { QUIET_AFTER_DISMISS_MS } from '../../server/engine/advisor/types.js';

const dir = mkdtempSync(join(tmpdir(), 'dawr-advisor-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A lopsided morning, 9:00–11:00: A (a visitor every 2.5 min, 5-min visits) has one counter, c1;
// B (one every 10 min) has two, c2 qualified for A too, c3 not.
const ROSTER = {
  services: [
    { code: 'A', targetWaitS: 600, avgServiceS: 300 },
    { code: 'B', targetWaitS: 600, avgServiceS: 300 },
  ],
  counters: [
    { id: 'c1', services: ['A'], startS: 32_400, endS: 39_600 },
    { id: 'c2', services: ['B'], qualified: ['B', 'A'], startS: 32_400, endS: 39_600 },
    { id: 'c3', services: ['B'], startS: 32_400, endS: 39_600 },
  ],
};
function trace(shift: number): string {
  const rows: [number, string][] = [];
  for (let t = 32_400 + shift; t < 37_800; t += 150) rows.push([t, 'A']);
  for (let t = 32_460 + shift; t < 37_800; t += 600) rows.push([t, 'B']);
  rows.sort((a, b) => a[0] - b[0]);
  return ['arrival_s,service,service_s,priority', ...rows.map(([t, s]) => `${t},${s},300,0`)].join('\n');
}
const day = () => buildDay(parseRoster(JSON.stringify(ROSTER)), parseTrace(trace(0)));

describe('qualified in a roster', () => {
  it('is what each clerk can serve, the services it serves when absent', () => {
    expect(day().counters.map((c) => c.qualifiedServiceIds)).toEqual([[1], [2, 1], [2]]);
  });

  it('must include every service the counter serves, and only known ones', () => {
    const bad = (qualified: string[]) => () => parseRoster(JSON.stringify({ ...ROSTER, counters: [{ ...ROSTER.counters[1], qualified }] }), 'r.json');
    expect(bad(['A'])).toThrow(DayFormatError);
    expect(bad(['A'])).toThrow('r.json: counter c2 serves B but is not qualified for it (qualified must include every service it serves)');
    expect(bad(['B', 'Z'])).toThrow('r.json: counter c2 is qualified for unknown service Z');
  });
});

describe('a staffing change in the simulator', () => {
  // Two A visitors at 9:00; c2 (serving B, idle) is told at 9:00:10 to serve A too.
  const twoA = () => buildDay(parseRoster(JSON.stringify(ROSTER)), parseTrace(['arrival_s,service,service_s,priority', '32400,A,300,0', '32400,A,300,0', '32405,B,50,0'].join('\n')));
  const once = (atS: number, serviceIds: number[]): Staffing => ({ nextAt: (t) => (t < atS ? atS : Infinity), at: () => [{ counterId: 2, serviceIds }] });

  it('tells a day worse only by the visitors a switch serves and the fixed roster sends home (servedInBoth)', () => {
    // A's one counter cannot keep up; at 10:50 c2 also serves A and reaches some who waited longest.
    const fixed = simulate(day(), 'default', { estimates: false });
    const switched = simulate(day(), 'default', { estimates: false, staffing: once(39_000, [2, 1]) });
    expect(figures(day(), switched).served).toBeGreaterThan(figures(day(), fixed).served);
    expect(isWorse(figures(day(), switched), figures(day(), fixed))).toBe(true);
    const both = servedInBoth(day(), fixed, switched);
    const served = (run: typeof fixed) => new Set(run.visits.flatMap((v, i) => (v.waitS === null ? [] : [i])));
    expect(both.visitors).toBe([...served(fixed)].filter((i) => served(switched).has(i)).length);
    const meanOf = (run: typeof fixed) => [...served(fixed)].filter((i) => served(switched).has(i)).reduce((a, i) => a + run.visits[i]!.waitS!, 0) / both.visitors;
    expect(both.fixedRoster.meanWaitS).toBeCloseTo(meanOf(fixed), 1);
    expect(both.advisor.meanWaitS).toBeCloseTo(meanOf(switched), 1);
    expect(isWorse(both.advisor, both.fixedRoster)).toBe(false);
  });

  it('gives the counter its new services after SWITCH_IDLE_S: after its visit if it is busy', () => {
    const plain = simulate(twoA(), 'default', { estimates: false });
    expect(plain.visits[1]!.waitS).toBe(300);
    const switched = simulate(twoA(), 'default', { estimates: false, staffing: once(32_410, [2, 1]) });
    // c2 took B at 32405 (50 s): free at 32455, then idle SWITCH_IDLE_S, then calls the second A.
    expect(switched.visits[1]).toMatchObject({ counterId: 2, waitS: 55 + SWITCH_IDLE_S });
    const idle = simulate(twoA(), 'default', { estimates: false, staffing: once(32_460, [2, 1]) });
    expect(idle.visits[1]).toMatchObject({ counterId: 2, waitS: 60 + SWITCH_IDLE_S });
    expect(switched.idleWhileEligible + idle.idleWhileEligible).toBe(0);
  });
});

describe("a switch's cost alone (costAlone)", () => {
  // A's one counter, c1, gets a visitor every 300 s for a 290 s visit, 9:00–10:00: nobody waits.
  const justInTime = () => {
    const rows = Array.from({ length: 12 }, (_, k) => `${32_400 + 300 * k},A,290,0`);
    return buildDay(parseRoster(JSON.stringify(ROSTER)), parseTrace(['arrival_s,service,service_s,priority', ...rows].join('\n')));
  };

  it("idles the counter as a switch does but keeps the roster's services", () => {
    const d = justInTime();
    const fixed = simulate(d, 'default', { estimates: false });
    expect(figures(d, fixed).meanWaitS).toBe(0);
    // c2 told to serve A too: made, the idle c2 takes A's visitors; alone, c2 still serves B only.
    const change = { atS: 32_500, counterId: 2, serviceIds: [2, 1] };
    const made = simulate(d, 'default', { estimates: false, staffing: replay([change]) });
    expect(made.visits.some((v) => v.counterId === 2)).toBe(true);
    const alone = costAlone(d, [change]);
    expect(alone.visits.every((v) => v.counterId === 1)).toBe(true);
    expect(figures(d, alone)).toEqual(figures(d, fixed));
    // The same at c1, busy with A's line: its idle makes the next visitors wait, a day "worse" by the switch's cost.
    const atC1 = costAlone(d, [{ ...change, counterId: 1 }]);
    expect(atC1.visits[1]!.waitS).toBe(SWITCH_IDLE_S - 10);
    expect(isWorse(figures(d, atC1), figures(d, fixed))).toBe(true);
  });
});

describe('the advisor through a day', () => {
  const history = [buildDay(parseRoster(JSON.stringify(ROSTER)), parseTrace(trace(30)))];

  it('switches c2 to help A and closes most of the gap; with acceptance 0 it is the fixed roster', () => {
    const r = runAdvisorDay(day(), { history, accept: 1, estimates: false });
    expect(r.log.length).toBeGreaterThan(0);
    expect(r.log[0]!.advice).toMatchObject({ kind: 'add-service', counterId: 2, serviceId: 1 });
    expect(r.advisor.switches).toBeGreaterThanOrEqual(1);
    expect(r.gapClosedPct!).toBeGreaterThan(50);
    expect(r.switchCostAlone).not.toBeNull();
    const none = runAdvisorDay(day(), { history, accept: 0, estimates: false });
    expect(none.advisor.switches).toBe(0);
    expect(none.switchCostAlone).toBeNull();
    expect({ ...none.advisor, switches: undefined, opened: undefined, switchesPerClerkHour: undefined }).toEqual({ ...none.fixedRoster, switches: undefined, opened: undefined, switchesPerClerkHour: undefined });
  });

  it('offers a dismissed recommendation again after the quiet time the hall keeps', () => {
    const none = runAdvisorDay(day(), { history, accept: 0, estimates: false });
    const times = none.log.filter((l) => l.advice.kind === 'add-service' && l.advice.counterId === 2).map((l) => l.t);
    expect(times.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBe(QUIET_AFTER_DISMISS_MS / 1000);
  });

  // c2 now a reserve clerk: a shift, no services (closed until opened), qualified for A.
  const reserveRoster = { ...ROSTER, counters: [ROSTER.counters[0]!, { ...ROSTER.counters[1]!, id: 'r1', services: [] }, ROSTER.counters[2]!] };
  const withReserve = () => buildDay(parseRoster(JSON.stringify(reserveRoster)), parseTrace(trace(0)));

  it('opens a reserve counter for A when told to, and pooled FCFS is run without it', () => {
    const r = runAdvisorDay(withReserve(), { history, accept: 1, estimates: false });
    expect(r.log[0]!.advice).toMatchObject({ kind: 'open-counter', counterId: 2, serviceIds: [1] });
    expect(r.advisor).toMatchObject({ opened: 1, switches: 0 });
    expect(r.gapClosedPct!).toBeGreaterThan(50);
    const staffed = { ...withReserve(), counters: withReserve().counters.filter((c) => c.id !== 2) };
    expect(r.pooledFcfs).toEqual(runAdvisorDay(staffed, { history, accept: 0, estimates: false }).pooledFcfs);

    const none = runAdvisorDay(withReserve(), { history, accept: 0, estimates: false });
    expect(none.advisor).toMatchObject({ opened: 0, meanWaitS: r.fixedRoster.meanWaitS });
    expect(none.log.every((l) => !l.taken)).toBe(true);
  });
});

describe('npm run bench:advisor', () => {
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const roster = write('day.roster.json', JSON.stringify(ROSTER));
  const dayTrace = write('day.trace.csv', trace(0));
  mkdirSync(join(dir, 'history'));
  write('history/week1.trace.csv', trace(30));
  write('history/week2.trace.csv', trace(60));
  const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'bench/advisor/cli.ts', ...args], { encoding: 'utf8', timeout: 120_000 });

  it('prints one JSON object with the fields of FORMAT.md, the same on every run', () => {
    const args = ['--trace', dayTrace, '--roster', roster, '--history', join(dir, 'history'), '--accept', '0.6', '--json'];
    const a = cli(...args);
    expect(a.status, a.stderr).toBe(0);
    const r = JSON.parse(a.stdout);
    for (const side of ['fixedRoster', 'advisor', 'pooledFcfs']) expect(Object.keys(r[side])).toEqual(expect.arrayContaining([...FIGURE_KEYS]));
    expect(r.advisor).toHaveProperty('switches');
    expect(r.advisor).toHaveProperty('switchesPerClerkHour');
    expect(r).toHaveProperty('switchCostAlone');
    expect(r.gapClosedPct).toBeCloseTo((100 * (r.fixedRoster.meanWaitS - r.advisor.meanWaitS)) / (r.fixedRoster.meanWaitS - r.pooledFcfs.meanWaitS), 0);
    expect(cli(...args).stdout).toBe(a.stdout);
  });

  it('says what is wrong with a roster, and exits 2', () => {
    const bad = write('bad.roster.json', JSON.stringify({ ...ROSTER, counters: [{ ...ROSTER.counters[1], qualified: ['A'] }] }));
    const r = cli('--trace', dayTrace, '--roster', bad, '--json');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('counter c2 serves B but is not qualified for it');
  });

  it('refuses a --reserve that is not a small whole number, and exits 2', () => {
    const r = cli('--set', 'tuning', '--reserve', 'two');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--reserve must be a whole number from 0 to 5');
  });

  it('refuses a --shuffles that is not a whole number up to 100, and exits 2', () => {
    const r = cli('--set', 'tuning', '--shuffles', '1000');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--shuffles must be a whole number from 0 to 100');
  });
});

describe('bench:day --qualified', () => {
  it('qualifies each clerk for 1–3 more services, the same for a seed, leaving the rest of the roster as generated', () => {
    const { roster } = generateFamilyDay(3);
    const q = withQualified(roster, 3);
    expect(withQualified(roster, 3)).toEqual(q);
    expect({ ...q, counters: q.counters.map(({ qualified: _, ...c }) => c) }).toEqual(roster);
    q.counters.forEach((c, i) => {
      const extra = c.qualified!.filter((s) => !c.services.includes(s));
      expect(c.qualified!.slice(0, c.services.length)).toEqual(roster.counters[i]!.services);
      expect(extra.length).toBeGreaterThanOrEqual(Math.min(1, roster.services.length - c.services.length));
      expect(extra.length).toBeLessThanOrEqual(3);
      expect(new Set(c.qualified).size).toBe(c.qualified!.length);
    });
    expect(generateFamilyDay(3, undefined, 3).trace).toEqual(generateFamilyDay(3).trace);
    expect(generateFamilyDay(3, undefined, 3001).trace).not.toEqual(generateFamilyDay(3).trace);
  });
});

// The same hall, visit lengths varying (120–480 s), so reshuffling them changes the day.
function variedDay() {
  const rows: [number, string, number][] = [];
  let k = 0;
  for (let t = 32_400; t < 37_800; t += 150) rows.push([t, 'A', 120 + 60 * (k++ % 7)]);
  for (let t = 32_460; t < 37_800; t += 600) rows.push([t, 'B', 120 + 60 * (k++ % 7)]);
  rows.sort((a, b) => a[0] - b[0]);
  return buildDay(parseRoster(JSON.stringify(ROSTER)), parseTrace(['arrival_s,service,service_s,priority', ...rows.map(([t, s, l]) => `${t},${s},${l},0`)].join('\n')));
}
const lengths = (d: ReturnType<typeof variedDay>, serviceId: number) => d.visitors.filter((v) => v.serviceId === serviceId).map((v) => v.serviceS);

describe("a day's luck (bench/advisor/luck.ts)", () => {
  it('deals each service its own visit lengths again, to other visitors, at the same arrivals', () => {
    const d = variedDay();
    const copy = reshuffled(d, 7);
    expect(copy.visitors.map((v) => [v.arrivalS, v.serviceId])).toEqual(d.visitors.map((v) => [v.arrivalS, v.serviceId]));
    for (const id of [1, 2]) {
      expect([...lengths(copy, id)].sort()).toEqual([...lengths(d, id)].sort());
      expect(lengths(copy, id)).not.toEqual(lengths(d, id));
    }
    expect(reshuffled(d, 7)).toEqual(copy);
  });

  it('finds no copy worse when nothing was switched', () => {
    expect(luckOf(variedDay(), [], 10)).toEqual({ copies: 10, worse: 0, worseWithUnserved: 0 });
  });

  it('finds a switch that helps the long line better on every copy, and one that strands a service worse on every copy', () => {
    // c2 also serves A from 9:00: A's one counter gets help, B keeps c3.
    expect(luckOf(variedDay(), [{ atS: 32_400, counterId: 2, serviceIds: [2, 1] }], 10)).toEqual({ copies: 10, worse: 0, worseWithUnserved: 0 });
    // c1 stops serving A at 9:30 and serves B: A's visitors from then on are never called.
    expect(luckOf(variedDay(), [{ atS: 34_200, counterId: 1, serviceIds: [2] }], 10).worseWithUnserved).toBe(10);
  });
});
