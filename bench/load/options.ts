import { parseArgs } from 'node:util';

// The command line of `npm run bench:load` (see BENCHMARKS.md, ## Load, for each option).

const { values } = parseArgs({
  options: {
    displays: { type: 'string', default: '100' },
    json: { type: 'boolean', default: false },
    issues: { type: 'string', default: '2000' },
    queue: { type: 'string', default: '100' },
    round: { type: 'string', default: '100' },
    concurrency: { type: 'string', default: '16' },
    calls: { type: 'string', default: '100' },
    'storm-calls': { type: 'string', default: '3' },
    processes: { type: 'string' },
    'display-devices': { type: 'string' },
    restart: { type: 'string', default: 'term' },
    'gap-ms': { type: 'string', default: '30' },
    'cpu-prof': { type: 'string' },
    print: { type: 'boolean', default: true },
    'time-limit-s': { type: 'string', default: '600' },
  },
  strict: true,
  allowNegative: true,
});

function int(name: keyof typeof values, min: number): number {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}`);
  return n;
}

if (values.restart !== 'term' && values.restart !== 'kill') throw new Error('--restart must be term or kill');
const displays = int('displays', 1);

export const options = {
  displays,
  json: values.json!,
  /** Tickets measured, in rounds of `round` on top of a standing queue of `queue`. */
  issues: int('issues', 1),
  queue: int('queue', 0),
  round: int('round', 1),
  concurrency: int('concurrency', 1),
  calls: int('calls', 1),
  /** Calls made while the displays are away (a snapshot holds the last 10). */
  stormCalls: Math.min(int('storm-calls', 0), 8),
  gapMs: int('gap-ms', 0),
  displayDevices: values['display-devices'] ? int('display-devices', 1) : Math.min(displays, 100),
  processes: values.processes ? int('processes', 1) : Math.min(displays, Math.max(4, Math.min(8, Math.ceil(displays / 250)))),
  restartSignal: values.restart === 'term' ? ('SIGTERM' as const) : ('SIGKILL' as const),
  cpuProfDir: values['cpu-prof'],
  /** Kiosks with a printer each (a file: target, as a hall has one per kiosk); --no-print: none. */
  print: values.print!,
  timeLimitMs: int('time-limit-s', 10) * 1000,
};
