import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths.js';

/** The package version plus the build's stamp, so displays can reload when the server changes. */
function readVersion(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  try {
    return `${pkg.version}+${readFileSync(join(ROOT, 'dist', '.build-stamp'), 'utf8').trim()}`;
  } catch {
    return `${pkg.version}+dev`;
  }
}

export const VERSION = readVersion();
