import { parseArgs } from 'node:util';
import { parseTarget, transportFor } from '../printing/transport.js';
import { PrintAgent } from './agent.js';

// npm run print-agent -- --server http://192.168.1.10:3000 --token dev_… --printer /dev/usb/lp0
//
// Runs next to a printer the server cannot reach itself (USB on the kiosk's PC). The token is
// the printer device's (POST /api/admin/devices {kind: "printer"}); the server's printer row
// names this agent with the target `agent:<deviceId>`.

const USAGE = `usage: print-agent --server URL --token TOKEN --printer TARGET [--status-every MS]
  TARGET: tcp://host:port | /dev/usb/lp0 (a device file) | file:/path (a virtual printer) | usb[:vid:pid]
  TOKEN may also come from the environment, DAWR_PRINTER_TOKEN (kept out of the process list).`;

function fail(message: string): never {
  console.error(`print-agent: ${message}\n${USAGE}`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: {
      server: { type: 'string' },
      token: { type: 'string' },
      printer: { type: 'string' },
      'status-every': { type: 'string', default: '10000' },
      help: { type: 'boolean', short: 'h' },
    },
  }).values;
} catch (err) {
  fail((err as Error).message);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}

const token = args.token ?? process.env.DAWR_PRINTER_TOKEN;
if (!args.server || !URL.canParse(args.server)) fail('--server must be the server\'s address, e.g. http://192.168.1.10:3000');
if (!token) fail('--token (or DAWR_PRINTER_TOKEN) is required');
const target = args.printer ? parseTarget(args.printer) : null;
if (!target || target.kind === 'agent') fail(`--printer ${JSON.stringify(args.printer ?? '')} is not a printer this agent can drive`);
const statusEveryMs = Number(args['status-every']);
if (!Number.isInteger(statusEveryMs) || statusEveryMs < 100) fail('--status-every must be a whole number of milliseconds, at least 100');

const log = (line: string) => console.log(`${new Date().toISOString()} ${line}`);
const agent = new PrintAgent({
  server: args.server,
  token,
  printer: transportFor(target, null),
  statusEveryMs,
  sendTimeoutMs: 10_000,
  statusTimeoutMs: 1000,
  log,
});

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    await agent.stop();
    process.exit(0);
  });
}

log(`printing on ${args.printer}`);
agent.start();
