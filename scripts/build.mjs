// Builds what `npm start` runs: the server bundle (dist/server.mjs), later the UIs, then a
// stamp that ensure-build compares with the sources.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';

mkdirSync('dist', { recursive: true });
await build({
  entryPoints: ['server/main.ts'],
  outfile: 'dist/server.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
writeFileSync('dist/.build-stamp', new Date().toISOString().replace(/[-:.]/g, '').slice(0, 15) + '\n');
console.log('built dist/server.mjs');
