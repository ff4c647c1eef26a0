// Builds what `npm start` runs: the server bundle (dist/server.mjs) and the threads beside it,
// that draw tickets (dist/render-worker.mjs, started by server/printing/pool.ts) and that make the
// staffing advice (dist/advise-worker.mjs, server/plugins/advice.ts), the city
// server's bundle (dist/city.mjs, `npm run central`), the UIs (dist/ui), then a stamp that
// ensure-build compares with the sources.
import { build } from 'esbuild';
import { build as buildUi } from 'vite';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';

// A production build whoever asks for it: run from a test (NODE_ENV=test), Vite and Preact would
// otherwise build with their development code (preact/debug, socket.io's debug build).
process.env.NODE_ENV = 'production';

mkdirSync('dist', { recursive: true });
await build({
  entryPoints: { server: 'server/main.ts', city: 'server/city/main.ts', 'render-worker': 'server/printing/render-worker.ts', 'advise-worker': 'server/engine/advisor/worker.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
const pages = ['kiosk-ui', 'display-ui', 'clerk-ui', 'city-ui'].flatMap((dir) =>
  existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.html')) : [],
);
if (pages.length > 0) {
  await buildUi({ logLevel: 'warn' });
  console.log(`built dist/ui (${pages.length} pages)`);
}
writeFileSync('dist/.build-stamp', new Date().toISOString().replace(/[-:.]/g, '').slice(0, 15) + '\n');
console.log('built dist/server.mjs, dist/city.mjs, dist/render-worker.mjs and dist/advise-worker.mjs');
