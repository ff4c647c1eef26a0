import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

// Real Chromium (Debian's, installed by .ci/run) driven by playwright-core.

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
}

/**
 * Builds what is stale (`npm test` builds first; this keeps `npx vitest run` honest when the
 * build is stale), then fails early if `page` (a built file under dist/) is missing.
 */
export function ensureBuilt(page?: { file: string; name: string }): void {
  execFileSync(process.execPath, ['scripts/ensure-build.mjs'], { stdio: 'ignore' });
  if (page && !existsSync(page.file)) throw new Error(`${page.name} is not built`);
}
