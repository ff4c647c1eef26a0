// Runs before `npm start`: builds when the build is missing or older than any source, so
// `npm install && npm start` always runs what is in the tree.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['server', 'db', 'ui-kit', 'kiosk-ui', 'display-ui', 'clerk-ui', 'city-ui', 'assets/fonts/web', 'package.json', 'vite.config.ts', 'scripts/build.mjs'];
const STAMP = 'dist/.build-stamp';

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    max = Math.max(max, newest(join(path, entry)));
  }
  return max;
}

const built = existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0;
const sources = Math.max(...SOURCES.map(newest));
if (sources > built) {
  console.log(built ? 'Sources changed since the last build: building…' : 'No build yet: building…');
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
