import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeHall, generateFamilyDay } from '../../bench/day/families.js';
import { buildDay, DayFormatError, parseRoster, parseTrace, type Day } from '../../bench/sim/day.js';
import { figures, FIGURE_KEYS, percentile, policyFigures } from '../../bench/sim/metrics.js';
import { idleWithWork, simulate } from '../../bench/sim/simulate.js';
import { scaledDay } from '../../bench/sim/variants.js';
import { ROUTING_POLICIES } from '../../server/engine/types.js';

const dir = mkdtempSync(join(tmpdir(), 'dawr-sim-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'bench/sim/cli.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
}

// Service A (target 60 s) at counter c1; counter c2 serves B first, then A. Both open 0–1000 s.
const ROSTER = {
  services: [
    { code: 'A', targetWaitS: 60 },
    { code: 'B', targetWaitS: 30 },
  ],
  counters: [
    { id: 'c1', services: ['A'], startS: 0, endS: 1000 },
    { id: 'c2', services: ['B', 'A'], startS: 0, endS: 1000 },
  ],
};
const TRACE = ['arrival_s,service,service_s,priority', '0,A,100,0', '10,A,50,0', '20,B,30,1'].join('\n');

const day = (roster: object = ROSTER, trace = TRACE): Day => buildDay(parseRoster(JSON.stringify(roster)), parseTrace(trace));

describe('the simulator on a hand-worked day of 3 visitors', () => {
  // 0 s   visitor 1 (A) is called at once by c1 (both idle since 0; c1 first in the roster),
  //       busy until 100. Estimate: a counter is free: 0. Naive: nobody ahead: 0.
  // 10 s  visitor 2 (A): c2 is idle and may serve A: called at once, busy until 60.
  //       Estimate 0, naive 0.
  // 20 s  visitor 3 (B, priority): only c2 serves B; it is busy. Durations learnt from no
  //       completed visits are the priors, the means of an earlier day (the same visitors):
  //       A 75 s, B 30 s. c1 would be free in
  //       75 − 20 = 55 s but cannot serve B; c2 in 75 − 10 = 65 s. Estimate 65 s; naive: nobody
  //       ahead, 0 s. c2 is free at 60: visitor 3 waits 40 s, past B's 30 s target.
  const d = day();
  const run = simulate(d, 'default', { priorDay: day() });

  it('calls whom the engine picks, when it picks', () => {
    expect(run.visits.map((v) => v.waitS)).toEqual([0, 0, 40]);
    expect(run.visits.map((v) => v.counterId)).toEqual([1, 2, 2]);
    expect(run.visits.map((v) => v.etaS)).toEqual([0, 0, 65]);
    expect(run.visits.map((v) => v.naiveS)).toEqual([0, 0, 0]);
    expect(run.idleWhileEligible).toBe(0);
  });

  it('gives each estimate the range the server would show, calibrated only on those called before', () => {
    // Nobody called yet at 0 s: the prior ±0.5 × (0 + 2 min) → 0–1 min. At 10 s visitor 1 is on
    // record (estimate 0, wait 0, held): the high end is 10/11 × 0.5 − 0.004, still shown 1 min.
    // At 20 s both are: 65 s + (10/12 × 0.5 − 0.008) × 185 s = 2m21s, shown 0–2 min (the
    // nearest minute; the estimate, 65 s, shows as 2 min).
    expect(run.visits.map((v) => v.range)).toEqual([
      { lowS: 0, highS: 60 },
      { lowS: 0, highS: 60 },
      { lowS: 0, highS: 120 },
    ]);
  });

  it('computes every figure of FORMAT.md', () => {
    expect(figures(d, run)).toEqual({
      meanWaitS: 13.3,
      p90WaitS: 40,
      maxWaitS: 40,
      withinTargetPct: 66.7,
      priorityMeanWaitS: 40,
      idleWhileEligible: 0,
      etaMaeS: 8.3, // (0 + 0 + |65 − 40|) / 3
      etaNaiveMaeS: 13.3, // (0 + 0 + |0 − 40|) / 3
      etaRangeCoveragePct: 100,
      etaRangeMeanWidthS: 80, // (60 + 60 + 120) / 3
      served: 3,
      unserved: 0,
    });
  });

  it('never takes the prior from the day itself: without an earlier day, every service is thought to take 300 s', () => {
    // c2 would be free in 300 − 10 = 290 s, whatever the day's own visits take.
    expect(simulate(d, 'default').visits[2]!.etaS).toBe(290);
    const slower = day(ROSTER, TRACE.replace('0,A,100,0', '0,A,900,0'));
    expect(simulate(slower, 'default').visits[2]!.etaS).toBe(290);
  });

  it('uses the roster\'s configured average as the prior when it has one', () => {
    const configured = { ...ROSTER, services: [{ code: 'A', targetWaitS: 60, avgServiceS: 40 }, ROSTER.services[1]!] };
    // c2 would be free in max(40 − 10, 40/4) = 30 s.
    expect(simulate(day(configured), 'default').visits[2]!.etaS).toBe(30);
  });

  it('counts a wait inside the range given at issue, ends included, over served visitors', () => {
    const visit = (waitS: number | null, lowS: number, highS: number) => ({ waitS, etaS: 0, naiveS: 0, counterId: 1, range: { lowS, highS } });
    const f = figures(d, { idleWhileEligible: 0, visits: [visit(60, 60, 120), visit(121, 60, 120), visit(null, 0, 60)] });
    expect(f.etaRangeCoveragePct).toBe(50);
    expect(f.etaRangeMeanWidthS).toBe(60);
  });

  it('p90 is the nearest rank', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([3, 1, 2], 90)).toBe(3);
    expect(percentile([], 90)).toBe(0);
  });
});

describe('opening hours', () => {
  it('finishes the visit in progress at endS, calls nobody after, and counts the rest unserved', () => {
    const roster = { ...ROSTER, counters: [{ id: 'c1', services: ['A', 'B'], startS: 100, endS: 200 }] };
    const trace = ['arrival_s,service,service_s,priority', '50,A,150,0', '60,B,10,0', '300,A,10,0'].join('\n');
    const d = day(roster, trace);
    const run = simulate(d, 'oldest-first');
    // Visitor 1 waits for the counter to open (50 s), is served 100–250, past endS: finished.
    expect(run.visits.map((v) => v.waitS)).toEqual([50, null, null]);
    const f = figures(d, run);
    expect(f.served).toBe(1);
    expect(f.unserved).toBe(2);
    expect(f.idleWhileEligible).toBe(0);
  });

  it('a counter opening calls at once whoever waited for it', () => {
    const roster = { ...ROSTER, counters: [{ id: 'c1', services: ['A'], startS: 30, endS: 100 }] };
    const d = day(roster, ['arrival_s,service,service_s,priority', '0,A,10,0', '5,A,10,0'].join('\n'));
    const run = simulate(d, 'default');
    expect(run.visits.map((v) => v.waitS)).toEqual([30, 35]);
    expect(run.idleWhileEligible).toBe(0);
  });
});

describe('the idle check, apart from the dispatch', () => {
  it('counts each idle counter that may serve someone waiting', () => {
    const waiting = [{ id: 1, serviceId: 2, priority: false, issuedAt: 0, targetCounterId: null, slotAt: null }];
    const c = (id: number, serviceIds: number[]) => ({ id, serviceIds, priorityStreak: 0 });
    expect(idleWithWork([c(1, [1]), c(2, [2, 1]), c(3, [2])], waiting)).toBe(2);
    expect(idleWithWork([c(1, [1])], waiting)).toBe(0);
    expect(idleWithWork([c(1, [1])], [{ ...waiting[0]!, targetCounterId: 1 }])).toBe(1);
  });
});

describe('what-if rosters', () => {
  it('scales the roster with the same mix', () => {
    const d = day();
    expect(scaledDay(d, 4).counters.map((c) => c.code)).toEqual(['c1', 'c1#2', 'c2', 'c2#2']);
    expect(scaledDay(d, 1).counters.map((c) => [c.code, c.serviceIds])).toEqual([['c1', [1]]]);
  });
});

describe('bad files', () => {
  it('says what is wrong and where', () => {
    const bad = (trace: string) => () => parseTrace(trace, 't.csv');
    expect(bad('time,service\n')).toThrow(/t\.csv:1: header/);
    expect(bad('arrival_s,service,service_s,priority\n10,A,5,0\n5,A,5,0')).toThrow(/t\.csv:3: .*sorted/);
    expect(bad('arrival_s,service,service_s,priority\n10,A,-5,0')).toThrow(DayFormatError);
    expect(bad('arrival_s,service,service_s,priority\n10,A,5,2')).toThrow(/t\.csv:2: priority/);
    expect(bad('arrival_s,service,service_s,priority\n10,A,5')).toThrow(/expected 4 columns/);
    expect(() => parseRoster('{"services": []}', 'r.json')).toThrow(/r\.json: services/);
    expect(() => parseRoster(JSON.stringify({ ...ROSTER, counters: [{ id: 'x', services: ['Z'], startS: 0, endS: 1 }] }), 'r.json')).toThrow(
      /counter x serves unknown service Z/,
    );
    expect(() => buildDay(parseRoster(JSON.stringify(ROSTER)), parseTrace('arrival_s,service,service_s,priority\n1,Z,5,0'))).toThrow(
      /service Z is not in the roster/,
    );
  });
});

describe('npm run bench:sim -- --json', () => {
  const trace = write('tiny.trace.csv', TRACE + '\n30,A,20,0\n40,B,15,0\n45,A,30,1\n');
  const roster = write('tiny.roster.json', JSON.stringify(ROSTER));

  it('prints exactly one JSON object with every figure for every policy and pooledFcfs', () => {
    const out = cli('--trace', trace, '--roster', roster, '--json');
    expect(out.status, out.stderr).toBe(0);
    const lines = out.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const json = JSON.parse(lines[0]!);
    expect(Object.keys(json).sort()).toEqual(['policies', 'references']);
    expect(Object.keys(json.policies).sort()).toEqual([...ROUTING_POLICIES].sort());
    const runs = [...ROUTING_POLICIES.map((p) => json.policies[p]), json.references.pooledFcfs];
    for (const f of runs) {
      expect(Object.keys(f).sort()).toEqual([...FIGURE_KEYS].sort());
      for (const k of FIGURE_KEYS) if (k !== 'priorityMeanWaitS') expect(typeof f[k], k).toBe('number');
      expect(f.idleWhileEligible).toBe(0);
      expect(f.served + f.unserved).toBe(6);
    }
    expect(json.policies.default.priorityMeanWaitS).toEqual(expect.any(Number));
    expect(json.references.pooledFcfs.priorityMeanWaitS).toBeNull(); // nobody has priority there
  });

  it('answers what-if and sizing questions', () => {
    const whatIf = JSON.parse(cli('--trace', trace, '--roster', roster, '--json', '--counters', '4').stdout);
    expect(whatIf.policies.default.served).toBe(6);
    const sizing = JSON.parse(cli('--trace', trace, '--roster', roster, '--json', '--find-counters').stdout);
    expect(sizing.findCounters).toMatchObject({ policy: 'default', sharePct: 90, counters: expect.any(Number) });
  });

  it('prints a readable report without --json', () => {
    const out = cli('--trace', trace, '--roster', roster);
    expect(out.status, out.stderr).toBe(0);
    for (const p of ROUTING_POLICIES) expect(out.stdout).toContain(p);
    expect(out.stdout).toContain('Who wins what');
  });

  it('takes the configured averages the roster lacks from an earlier day (--prior-day)', () => {
    write('earlier.trace.csv', TRACE);
    write('earlier.roster.json', JSON.stringify(ROSTER));
    const hand = write('hand.trace.csv', TRACE);
    const eta = (...args: string[]) => JSON.parse(cli('--trace', hand, '--roster', roster, '--json', ...args).stdout).policies.default.etaMaeS;
    expect(eta('--prior-day', join(dir, 'earlier'))).toBe(8.3); // the hand-worked day above, A 75 s and B 30 s
    expect(eta()).toBe(83.3); // 300 s for each
    const missing = cli('--trace', hand, '--roster', roster, '--json', '--prior-day', join(dir, 'nowhere'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nowhere\.roster\.json/);
  });

  it('rejects a bad file with a clear message and exit code 2', () => {
    const bad = write('bad.trace.csv', 'arrival_s,service,service_s,priority\n10,A,5,0\n5,A,5,0\n');
    const out = cli('--trace', bad, '--roster', roster, '--json');
    expect(out.status).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/bad\.trace\.csv:3: .*sorted/);
  });
});

describe('npm run bench:compare -- --json', () => {
  const compare = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'bench/sim/compare.ts', ...args], { encoding: 'utf8', timeout: 60_000 });

  it("judges each day as bench:sim does, tallies the bar, and runs jittered copies", () => {
    const out = compare('--no-bank', '--profiles', 'normal', '--seeds', '1', '--jitter', '2', '--json');
    expect(out.status, out.stderr).toBe(0);
    const json = JSON.parse(out.stdout);
    // normal-1 is the committed bench/data/normal-day: the same figures as bench:sim gives it.
    expect(json.days.map((d: { name: string }) => d.name)).toEqual(['normal-1']);
    const sim = JSON.parse(cli('--trace', 'bench/data/normal-day.trace.csv', '--roster', 'bench/data/normal-day.roster.json', '--json').stdout);
    expect(json.days[0].policies).toEqual(sim.policies);
    const verdicts = json.days[0].verdicts;
    expect(verdicts.map((v: { criterion: string }) => v.criterion)).toEqual(['within', 'mean', 'longest', 'priority']);
    const within = verdicts[0];
    expect(within.ok).toBe(within.own >= Math.max(...Object.values(within.peers as Record<string, number>)));
    for (const c of ['within', 'mean', 'longest', 'priority']) {
      expect(json.tally[c].of).toBe(1);
      expect(json.tally[c].pass).toBe(verdicts.find((v: { criterion: string }) => v.criterion === c).ok ? 1 : 0);
      expect(json.jitter.tally[c].of).toBe(2);
      expect(json.tallyByPolicy.default[c]).toEqual(json.tally[c]);
      for (const p of ROUTING_POLICIES) expect(json.shortfall[p][c].worst).toBeGreaterThanOrEqual(0);
    }
  });

  it('names a profile it does not know', () => {
    const out = compare('--no-bank', '--profiles', 'rush', '--json');
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('no profile "rush"');
  });
});

describe('appointments (trace column slot_s)', () => {
  // One counter for A (target 60 s). 0 s: walk-in 1, called at once, busy until 100. 10 s: an
  // appointment checks in for the 300 s slot. 20 s: walk-in 3. At 100 the walk-in is due and the
  // appointment is not: walk-in 3 (waited 80 s), busy until 150; then nobody else waits, so the
  // appointment is called early, at 150. TheQ's strict precedence calls the appointment at 100.
  const roster = { services: [{ code: 'A', targetWaitS: 60 }], counters: [{ id: 'c1', services: ['A'], startS: 0, endS: 1000 }] };
  const trace = ['arrival_s,service,service_s,priority,slot_s', '0,A,100,0,', '10,A,50,0,300', '20,A,50,0,'].join('\n');

  it('reads slot_s, empty for a walk-in, and rejects a bad one', () => {
    expect(parseTrace(trace).map((r) => r.slotS)).toEqual([null, 300, null]);
    expect(() => parseTrace('arrival_s,service,service_s,priority,slot_s\n1,A,5,0,soon')).toThrow(/slot_s/);
    expect(() => parseTrace('arrival_s,service,service_s,priority,slot_s\n1,A,5,0')).toThrow(/expected 5 columns, got 4/);
  });

  it('waits for the slot under the default policy; strict precedence calls the appointment first', () => {
    const d = day(roster, trace);
    expect(simulate(d, 'default').visits.map((v) => v.waitS)).toEqual([0, 140, 80]);
    expect(simulate(d, 'strict-appointments').visits.map((v) => v.waitS)).toEqual([0, 90, 130]);
  });

  it('prints appointments and walkIns per policy, and strict-appointments, in the JSON', () => {
    const out = cli('--trace', write('appt.trace.csv', trace), '--roster', write('appt.roster.json', JSON.stringify(roster)), '--json');
    expect(out.status, out.stderr).toBe(0);
    const { policies } = JSON.parse(out.stdout);
    expect(Object.keys(policies).sort()).toEqual([...ROUTING_POLICIES, 'strict-appointments'].sort());
    expect(policies.default.appointments).toEqual({ count: 1, punctualPct: 100, meanLatenessS: 0 });
    expect(policies.default.walkIns).toMatchObject({ served: 2, meanWaitS: 40, maxWaitS: 80 });
    // Called at 100, 200 s before its slot: still not late.
    expect(policies['strict-appointments'].appointments).toEqual({ count: 1, punctualPct: 100, meanLatenessS: 0 });
    expect(policies['strict-appointments'].walkIns).toMatchObject({ served: 2, meanWaitS: 65 });
    expect(policies.default.served).toBe(3);
  });

  it('counts an appointment called more than 5 minutes after its slot as not punctual, lateness from the later of slot and check-in', () => {
    // The appointment checks in at 50 for the 0 s slot; the counter is busy until 700.
    const late = ['arrival_s,service,service_s,priority,slot_s', '0,A,700,0,', '50,A,50,0,0'].join('\n');
    const d = day(roster, late);
    const f = policyFigures(d, simulate(d, 'default'));
    expect(f.appointments).toEqual({ count: 1, punctualPct: 0, meanLatenessS: 650 });
  });
});

describe('bench/sim/appointments.ts', () => {
  it('measures a day with appointments against the same day walking in', () => {
    const args = ['--import', 'tsx', 'bench/sim/appointments.ts', '--profiles', 'normal', '--seeds', '1', '--family-seeds', '2', '--no-bank', '--json'];
    const out = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 60_000 });
    expect(out.status, out.stderr).toBe(0);
    const rows = JSON.parse(out.stdout);
    expect(rows.map((r: { day: string }) => r.day)).toEqual(['normal-1', 'families-2']);
    expect(rows[1].hall).toBe(describeHall(generateFamilyDay(2).hall));
    for (const row of rows) {
      expect(row.appointments).toBeGreaterThan(0.1 * row.visitors);
      for (const p of ['default', 'strict'] as const) {
        expect(row.punctualPct[p]).toBeGreaterThan(0);
        expect(row.walkInsWithinPct[p]).toBeGreaterThan(0);
      }
      expect(row.walkInsWithinPct.allWalkIns).toBeGreaterThan(0);
    }
  });
});
