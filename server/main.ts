import { buildApp } from './app.js';
import { readConfig } from './config.js';
import { writePidFile } from './ops/pidfile.js';

// env → app → listen; signals; nothing else.

const config = readConfig();
const app = await buildApp({ config });

function printWelcome(address: string) {
  const base = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
  const lines = [
    '',
    'دَوْر Dawr is running: ' + base,
    `  kiosk            ${base}/kiosk/`,
    `  hall display     ${base}/display/`,
    `  counter display  ${base}/counter-display/?number=<the number on the counter>`,
    `  staff app        ${base}/clerk/`,
    `  API docs         ${base}/docs`,
  ];
  const lan = app
    .addresses()
    .filter((a) => typeof a !== 'string')
    .filter((a) => a.family === 'IPv4' && !a.address.startsWith('127.') && a.address !== '0.0.0.0')
    .map((a) => `${base.split('://')[0]}://${a.address}:${a.port}`);
  if (lan.length) lines.push(`  on the hall's network: ${lan.join(', ')}`);
  const seed = app.seedReport;
  if (seed) {
    lines.push('', 'A new database was created in ' + config.DATA_DIR + '. Shown once, keep them safe:');
    if (seed.generatedAdminPassword) lines.push(`  admin password   ${seed.generatedAdminPassword}   (user: admin)`);
    for (const { username, password } of seed.generatedDemoPasswords ?? []) lines.push(`  ${username} password   ${password}   (user: ${username})`);
    for (const d of seed.devices) lines.push(`  ${d.kind} device   ${d.name}: ${d.token}`);
    const kiosk = seed.devices.find((d) => d.kind === 'kiosk');
    const display = seed.devices.find((d) => d.kind === 'display');
    if (kiosk) lines.push(`  pair the kiosk:   ${base}/kiosk/?token=${kiosk.token}`);
    if (display) lines.push(`  pair the display: ${base}/display/?token=${display.token}`);
  }
  console.log(lines.join('\n') + '\n');
}

let closing = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, async () => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    try {
      await app.close();
      removePidFile();
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  });
}

// DATA_DIR/dawr.pid while the server runs: `npm run restore` refuses to work under it.
let removePidFile = () => {};
try {
  const address = await app.listen({ port: config.PORT, host: config.HOST });
  removePidFile = writePidFile(config.DATA_DIR);
  printWelcome(address);
} catch (err) {
  app.log.error({ err }, 'could not start');
  process.exit(1);
}
