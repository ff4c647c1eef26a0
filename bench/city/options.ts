import { parseArgs } from 'node:util';
import { PROFILES } from '../day/generate.js';

// The command line of `npm run bench:city` (see BENCHMARKS.md, ## City, for each option).

const { values } = parseArgs({
  options: {
    halls: { type: 'string', default: '10' },
    minutes: { type: 'string', default: '5' },
    speed: { type: 'string', default: '10' },
    profile: { type: 'string', default: 'peak' },
    scale: { type: 'string', default: '1' },
    'raw-seconds': { type: 'string', default: '20' },
    'raw-halls': { type: 'string', default: '10' },
    citizens: { type: 'string', default: '0' },
    'citizen-seconds': { type: 'string', default: '90' },
    json: { type: 'boolean', default: false },
  },
  strict: true,
});

function num(name: keyof typeof values, min: number, integer = true): number {
  const n = Number(values[name]);
  if (!Number.isFinite(n) || n < min || (integer && !Number.isInteger(n))) throw new Error(`--${name} must be ${integer ? 'an integer' : 'a number'} ≥ ${min}`);
  return n;
}

if (!(values.profile! in PROFILES)) throw new Error(`--profile must be one of ${Object.keys(PROFILES).join(', ')}`);

export const options = {
  /** Simulated halls replaying a day each. */
  halls: num('halls', 1),
  /** Wall-clock minutes of replay (at --speed, that many × speed minutes of the day from its opening). */
  minutes: num('minutes', 0.1, false),
  speed: num('speed', 0.1, false),
  profile: values.profile!,
  /** Each hall that many times the generated one: visitors and counters. */
  scale: num('scale', 1),
  /** The raw-ingest phase: halls POSTing full batches as fast as the city answers (0: skip it). */
  rawSeconds: num('raw-seconds', 0),
  rawHalls: num('raw-halls', 1),
  /** The citizens' case instead: that many phones reading GET /api/city/waits every 30 s, the halls heartbeating (0: the replay). */
  citizens: num('citizens', 0),
  citizenSeconds: num('citizen-seconds', 1),
  json: values.json!,
};
