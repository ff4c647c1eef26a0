import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { APPOINTMENT_DEFAULTS, bookAppointments } from './appointments.js';
import { describeHall, generateFamilyDay, LOAD_RANGE } from './families.js';
import { generateDay, PROFILES, traceCsv } from './generate.js';
import { withQualified } from './qualified.js';

// npm run bench:day -- [--generator profiles] --profile normal|busy|peak --seed N --out PREFIX [--visitors N] [--priority-share X]
// npm run bench:day -- --generator families --seed N --out PREFIX [--load 0.6…1] [--day-seed M]   (a hall of the family, families.ts; M: another day of it)
//   either with [--qualified] (each clerk qualified for 1–3 more services: the roster's `qualified`)
//   either with [--appointments SHARE [--no-show-share 0.1] [--late-share 0.05] [--bookable 0.4]]
// writes PREFIX.trace.csv and PREFIX.roster.json (shared/bench/FORMAT.md); with --appointments the
// trace has slot_s, and PREFIX.walk-ins.trace.csv is the same day with every visitor walking in.

const USAGE = `usage: npm run bench:day -- [--generator profiles] --profile normal|busy|peak --seed N --out PREFIX [--visitors N] [--priority-share 0.08]
       npm run bench:day -- --generator families --seed N --out PREFIX [--load ${LOAD_RANGE[0]}…${LOAD_RANGE[1]}] [--day-seed M]
  [--qualified]                      each clerk qualified for 1–3 more services than it serves (the roster's "qualified")
  [--appointments 0.2 [--no-show-share ${APPOINTMENT_DEFAULTS.noShowShare}] [--late-share ${APPOINTMENT_DEFAULTS.lateShare}] [--bookable ${APPOINTMENT_DEFAULTS.bookableShare}]]`;

const isShare = (x: number) => x >= 0 && x <= 1;

function main(): number {
  const { values } = parseArgs({
    options: {
      generator: { type: 'string', default: 'profiles' },
      profile: { type: 'string', default: 'normal' },
      load: { type: 'string' },
      'day-seed': { type: 'string' },
      qualified: { type: 'boolean', default: false },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      visitors: { type: 'string' },
      'priority-share': { type: 'string' },
      appointments: { type: 'string' },
      'no-show-share': { type: 'string', default: String(APPOINTMENT_DEFAULTS.noShowShare) },
      'late-share': { type: 'string', default: String(APPOINTMENT_DEFAULTS.lateShare) },
      bookable: { type: 'string', default: String(APPOINTMENT_DEFAULTS.bookableShare) },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return console.log(USAGE), 0;
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || !values.out) return console.error(USAGE), 2;
  const generated = generate(values, seed);
  if (!generated) return console.error(USAGE), 2;
  const { trace, openS, closeS } = generated;
  const roster = values.qualified ? withQualified(generated.roster, seed) : generated.roster;
  const booking = {
    share: Number(values.appointments ?? 0),
    noShowShare: Number(values['no-show-share']),
    lateShare: Number(values['late-share']),
    bookableShare: Number(values.bookable),
    openS,
    closeS,
  };
  if (![booking.share, booking.noShowShare, booking.lateShare, booking.bookableShare].every(isShare)) return console.error(USAGE), 2;

  if (generated.about) console.error(`hall ${seed}: ${generated.about}`);
  mkdirSync(dirname(values.out), { recursive: true });
  writeFileSync(`${values.out}.roster.json`, JSON.stringify(roster, null, 1) + '\n');
  if (values.appointments === undefined) {
    writeFileSync(`${values.out}.trace.csv`, traceCsv(trace));
    console.error(`wrote ${values.out}.trace.csv (${trace.length} visitors) and ${values.out}.roster.json (${roster.counters.length} counters)`);
    return 0;
  }
  const day = bookAppointments(trace, roster, booking, seed);
  writeFileSync(`${values.out}.trace.csv`, traceCsv(day.booked));
  writeFileSync(`${values.out}.walk-ins.trace.csv`, traceCsv(day.walkIns));
  const count = day.booked.filter((r) => r.slotS !== null).length;
  console.error(
    `wrote ${values.out}.trace.csv (${day.booked.length} visitors, ${count} of them by appointment; ${day.noShows} more booked and never came), ` +
      `${values.out}.walk-ins.trace.csv (the same visitors walking in) and ${values.out}.roster.json (${roster.counters.length} counters)`,
  );
  return 0;
}

/** The day the options ask for, or null if they are not valid. */
function generate(values: Record<string, string | boolean | undefined>, seed: number) {
  if (values.generator === 'families') {
    const load = values.load === undefined ? undefined : Number(values.load);
    if (load !== undefined && !(load >= LOAD_RANGE[0] && load <= LOAD_RANGE[1])) return null;
    const daySeed = values['day-seed'] === undefined ? seed : Number(values['day-seed']);
    if (!Number.isInteger(daySeed)) return null;
    const day = generateFamilyDay(seed, load, daySeed);
    return { ...day, about: describeHall(day.hall) };
  }
  const base = PROFILES[values.profile as string];
  if (values.generator !== 'profiles' || !base) return null;
  const spec = { ...base };
  if (values.visitors !== undefined) spec.visitors = Number(values.visitors);
  if (values['priority-share'] !== undefined) spec.priorityShare = Number(values['priority-share']);
  if (!(spec.visitors > 0) || !isShare(spec.priorityShare)) return null;
  return { ...generateDay(spec, seed), openS: spec.openH * 3600, closeS: spec.closeH * 3600, about: '' };
}

process.exitCode = main();
