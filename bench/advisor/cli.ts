import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Advice } from '../../server/engine/advisor/types.js';
import { DayFormatError, loadDay, type Day } from '../sim/day.js';
import { HISTORY_DAYS, SPLIT, type DaySet } from './days.js';
import { runAdvisorDay, type Waits } from './run.js';
import { renderDay, renderSuite, runSuite } from './suite.js';

const USAGE = `usage: npm run bench:advisor -- --trace DAY.trace.csv --roster DAY.roster.json [--history DIR] [--accept 1|0.6] [--true-arrivals] [--json]
                                     one day: the fixed roster, with the advisor, and pooled FCFS; DIR holds the
                                     same weekday's earlier days (*.trace.csv, the roster's services; the names
                                     sorting last are the most recent; at most ${HISTORY_DAYS} are read)
                                     a counter with a shift and no services ("services": []) is a reserve clerk,
                                     closed until the advisor's "open a counter" is taken
       npm run bench:advisor -- --set ${Object.keys(SPLIT).join('|')} [--accept 1|0.6] [--true-arrivals] [--reserve 0|1|2] [--shuffles K] [--json]
                                     the generated days of bench/advisor/HELD-OUT.md
  --reserve N                        N reserve clerks more in each day's roster
  --shuffles K                       each day's switches replayed on K copies with its visit lengths reshuffled (luck.ts)
  --true-arrivals                    the forecast is fed the day's own arrivals (to tell forecast error from choices)`;

function main(argv: string[]): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        trace: { type: 'string' },
        roster: { type: 'string' },
        history: { type: 'string' },
        accept: { type: 'string', default: '1' },
        'true-arrivals': { type: 'boolean', default: false },
        set: { type: 'string' },
        reserve: { type: 'string', default: '0' },
        shuffles: { type: 'string', default: '0' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (e) {
    return console.error(`${(e as Error).message}\n${USAGE}`), 2;
  }
  if (values.help) return console.log(USAGE), 0;
  const accept = Number(values.accept);
  if (!(accept >= 0 && accept <= 1)) return console.error(`bench:advisor: --accept must be between 0 and 1\n${USAGE}`), 2;
  const trueArrivals = values['true-arrivals'];
  const reserve = Number(values.reserve);
  if (!Number.isInteger(reserve) || reserve < 0 || reserve > 5) return console.error(`bench:advisor: --reserve must be a whole number from 0 to 5\n${USAGE}`), 2;

  const shuffles = Number(values.shuffles);
  if (!Number.isInteger(shuffles) || shuffles < 0 || shuffles > 100) return console.error(`bench:advisor: --shuffles must be a whole number from 0 to 100\n${USAGE}`), 2;

  if (values.set !== undefined) {
    if (!(values.set in SPLIT)) return console.error(`bench:advisor: --set must be ${Object.keys(SPLIT).join(' or ')}\n${USAGE}`), 2;
    const report = runSuite(values.set as DaySet, { accept, trueArrivals, reserve, shuffles }, values.json ? undefined : (d) => console.log(renderDay(d)));
    console.log(values.json ? JSON.stringify(report) : renderSuite(report));
    return 0;
  }
  if (!values.trace || !values.roster) return console.error(USAGE), 2;

  let day: Day;
  let history: Day[] = [];
  try {
    day = loadDay(values.trace, values.roster);
    if (values.history !== undefined) history = loadHistory(values.history, values.roster);
  } catch (e) {
    if (e instanceof DayFormatError) return console.error(`bench:advisor: ${e.message}`), 2;
    throw e;
  }
  const { log, calls, applied: _, ...report } = runAdvisorDay(day, { history, accept, trueArrivals });
  if (values.json) console.log(JSON.stringify(report));
  else {
    const line = (name: string, f: Waits) => `  ${name.padEnd(12)} mean wait ${f.meanWaitS} s, p90 ${f.p90WaitS} s`;
    console.log(
      [
        `${values.trace}: ${day.visitors.length} visitors, ${day.counters.length} counters, ${history.length} history days, acceptance ${accept}`,
        line('fixed roster', report.fixedRoster),
        `${line('advisor', report.advisor)}, ${report.advisor.switches} switches (${report.advisor.switchesPerClerkHour} per clerk-hour), ${report.advisor.opened} reserve counters opened`,
        line('pooled FCFS', report.pooledFcfs),
        `  with the unserved counted as waiting until closing: fixed ${report.withUnserved.fixedRoster.meanWaitS} s (p90 ${report.withUnserved.fixedRoster.p90WaitS}), ` +
          `advisor ${report.withUnserved.advisor.meanWaitS} s (p90 ${report.withUnserved.advisor.p90WaitS}); unserved ${report.fixedRoster.unserved} → ${report.advisor.unserved}`,
        ...(report.switchCostAlone ? [line("switches' idle alone", report.switchCostAlone)] : []),
        `  gap closed: ${report.gapClosedPct === null ? '— (no gap)' : `${report.gapClosedPct}%`}`,
        `  next-hour forecast error: ${report.forecast.nextHourMae} arrivals per service (same time last week: ${report.forecast.sameTimeLastWeekMae ?? '—'})`,
        ...log.map(({ t, advice, taken }) => `  ${clock(t)} ${describe(advice, day)} ${taken ? 'taken' : 'dismissed'}`),
      ].join('\n'),
    );
  }
  return 0;
}

/** The history days in `dir`, most recent (last by name) first. */
function loadHistory(dir: string, rosterPath: string): Day[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.trace.csv'));
  } catch (e) {
    throw new DayFormatError(`cannot read ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return names
    .sort()
    .reverse()
    .slice(0, HISTORY_DAYS)
    .map((n) => loadDay(join(dir, n), rosterPath));
}

const clock = (t: number) => `${String(Math.floor(t / 3600)).padStart(2, '0')}:${String(Math.floor((t % 3600) / 60)).padStart(2, '0')}`;

function describe(a: Advice, day: Day): string {
  const code = (id: number) => day.services.find((s) => s.id === id)?.code ?? String(id);
  const counter = (id: number | null) => (id === null ? 'a new counter' : (day.counters.find((c) => c.id === id)?.code ?? String(id)));
  const effect = `${code(a.effect.serviceId)} wait ${a.effect.waitBeforeS} → ${a.effect.waitAfterS} s, others ${a.effect.othersDeltaS >= 0 ? '+' : ''}${a.effect.othersDeltaS} s`;
  if (a.kind === 'open-counter') return `open ${counter(a.counterId)} for ${a.serviceIds.map(code).join(', ')}: ${effect}`;
  return `${counter(a.counterId)}: ${a.kind === 'add-service' ? 'also serve' : 'stop serving'} ${code(a.serviceId)} for ~${a.forMinutes} min: ${effect}`;
}

process.exitCode = main(process.argv.slice(2));
