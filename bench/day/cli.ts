import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { generateDay, PROFILES, traceCsv } from './generate.js';

// npm run bench:day -- --profile normal|busy|peak --seed N --out PREFIX [--visitors N] [--priority-share X]
// writes PREFIX.trace.csv and PREFIX.roster.json (shared/bench/FORMAT.md).

const USAGE = 'usage: npm run bench:day -- --profile normal|busy|peak --seed N --out PREFIX [--visitors N] [--priority-share 0.08]';

function main(): number {
  const { values } = parseArgs({
    options: {
      profile: { type: 'string', default: 'normal' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      visitors: { type: 'string' },
      'priority-share': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return console.log(USAGE), 0;
  const base = PROFILES[values.profile!];
  const seed = Number(values.seed);
  if (!base || !Number.isInteger(seed) || !values.out) return console.error(USAGE), 2;
  const spec = { ...base };
  if (values.visitors !== undefined) spec.visitors = Number(values.visitors);
  if (values['priority-share'] !== undefined) spec.priorityShare = Number(values['priority-share']);
  if (!(spec.visitors > 0) || !(spec.priorityShare >= 0 && spec.priorityShare <= 1)) return console.error(USAGE), 2;

  const { trace, roster } = generateDay(spec, seed);
  mkdirSync(dirname(values.out), { recursive: true });
  writeFileSync(`${values.out}.trace.csv`, traceCsv(trace));
  writeFileSync(`${values.out}.roster.json`, JSON.stringify(roster, null, 1) + '\n');
  console.error(`wrote ${values.out}.trace.csv (${trace.length} visitors) and ${values.out}.roster.json (${roster.counters.length} counters)`);
  return 0;
}

process.exitCode = main();
