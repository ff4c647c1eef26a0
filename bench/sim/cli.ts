import { parseArgs } from 'node:util';
import { ROUTING_POLICIES, type RoutingPolicy } from '../../server/engine/types.js';
import { DayFormatError, loadDay, UNKNOWN_AVERAGE_S, type Day } from './day.js';
import { findPolicy, loadHistory, renderAdvice } from './find-policy.js';
import { findCounters, report, runDay } from './run.js';
import { renderReport, renderSizing } from './table.js';
import { scaledDay } from './variants.js';

const USAGE = `usage: npm run bench:sim -- --trace DAY.trace.csv --roster DAY.roster.json [--json]
  [--prior-day PREFIX]               an earlier day (PREFIX.trace.csv, PREFIX.roster.json): the configured
                                     average of each service the roster gives none for (else ${UNKNOWN_AVERAGE_S} s)
  [--counters N]                     what if: the roster's mix of skills and shifts scaled to N counters
  [--find-counters [--share 90] [--policy default]]
                                     the fewest counters meeting every service's target for that share
       npm run bench:sim -- --find-policy --history DIR [--json]
                                     the rule for a hall, from its past days in DIR (NAME.trace.csv with
                                     NAME.roster.json, or one DIR/roster.json for all)`;

function main(argv: string[]): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        trace: { type: 'string' },
        roster: { type: 'string' },
        json: { type: 'boolean', default: false },
        counters: { type: 'string' },
        'prior-day': { type: 'string' },
        'find-counters': { type: 'boolean', default: false },
        share: { type: 'string', default: '90' },
        policy: { type: 'string', default: 'default' },
        'find-policy': { type: 'boolean', default: false },
        history: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) return console.log(USAGE), 0;
  if (values['find-policy']) {
    if (!values.history) return console.error(`bench:sim: --find-policy needs --history DIR\n${USAGE}`), 2;
    let history;
    try {
      history = loadHistory(values.history);
    } catch (e) {
      if (e instanceof DayFormatError) return console.error(`bench:sim: ${e.message}`), 2;
      throw e;
    }
    const advice = findPolicy(history);
    console.log(values.json ? JSON.stringify({ findPolicy: advice }) : renderAdvice(advice));
    return 0;
  }
  if (!values.trace || !values.roster) return console.error(USAGE), 2;

  let day;
  let priorDay: Day | undefined;
  try {
    day = loadDay(values.trace, values.roster);
    const prior = values['prior-day'];
    if (prior !== undefined) priorDay = loadDay(`${prior}.trace.csv`, `${prior}.roster.json`);
  } catch (e) {
    if (e instanceof DayFormatError) return console.error(`bench:sim: ${e.message}`), 2;
    throw e;
  }
  const rosterSize = day.counters.length;
  if (values.counters !== undefined) {
    const n = Number(values.counters);
    if (!Number.isInteger(n) || n < 1) return console.error(`bench:sim: --counters must be a whole number ≥ 1\n${USAGE}`), 2;
    day = scaledDay(day, n);
  }

  if (values['find-counters']) {
    const share = Number(values.share);
    const policy = values.policy as RoutingPolicy;
    if (!(share > 0 && share <= 100) || !ROUTING_POLICIES.includes(policy)) return console.error(USAGE), 2;
    const sizing = findCounters(day, policy, share);
    console.log(values.json ? JSON.stringify({ findCounters: sizing }) : renderSizing(sizing, rosterSize));
    return 0;
  }

  const runs = runDay(day, { priorDay });
  const r = report(runs);
  if (values.json) console.log(JSON.stringify(r));
  else {
    const title = `${values.trace}: ${day.visitors.length} visitors, ${day.counters.length} counters${values.counters ? ` (roster of ${rosterSize} scaled)` : ''}, ${day.services.length} services`;
    console.log(renderReport(runs, r, title));
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
