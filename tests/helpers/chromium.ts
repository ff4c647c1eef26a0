import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';

// Which Chromium the browser tests drive: CHROMIUM_PATH, else the system's, else the one
// @sparticuz/chromium brings from npm (unpacked once into the temporary folder).

export interface ChromiumBinary {
  executablePath: string;
  /** Extra environment it needs: the packaged one runs with its own NSS libraries. */
  env?: Record<string, string>;
}

const SYSTEM = '/usr/bin/chromium';

export async function findChromium(): Promise<ChromiumBinary> {
  if (process.env.CHROMIUM_PATH) return { executablePath: process.env.CHROMIUM_PATH };
  if (existsSync(SYSTEM)) return { executablePath: SYSTEM };
  const { default: packaged } = await import('@sparticuz/chromium');
  // Built for Amazon Linux, whose libraries (NSS, NSPR, expat) it ships beside itself; its
  // executablePath() unpacks them only on AWS, so they are unpacked here for every machine.
  const libs = join(tmpdir(), 'al2023', 'lib');
  if (!existsSync(libs)) {
    const bin = join(dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')), '..', '..', 'bin');
    untarBrotli(join(bin, 'al2023.tar.br'), dirname(libs));
  }
  return { executablePath: await packaged.executablePath(), env: { LD_LIBRARY_PATH: libs } };
}

function untarBrotli(file: string, dir: string): void {
  mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['-x', '-C', dir], { input: brotliDecompressSync(readFileSync(file)) });
}
