import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The project root, found from this module whether it runs from source (server/paths.ts)
// or from the bundle (dist/server.mjs).
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('Dawr: cannot find the project root (package.json)');
    dir = up;
  }
  return dir;
}

export const ROOT = findRoot();
export const MIGRATIONS_DIR = join(ROOT, 'db', 'migrations');
export const PUBLIC_DIR = join(ROOT, 'server', 'public');
