import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../helpers/browser.js';

// The phone pages load on a cheap phone over a weak line: all the JavaScript a page loads (its
// entry, the chunks it shares with the kiosk, and whatever those import) stays under 30 kB
// gzipped. A size budget read from the build, not a speed test.

const UI = 'dist/ui';
const BUDGET_BYTES = 30_000;

beforeAll(() => {
  ensureBuilt();
}, 180_000);

/** `/ui/assets/x.js` → dist/ui/assets/x.js */
const fileOf = (url: string) => join(UI, url.replace(/^\/ui\//, ''));

/** Every JS file the page's HTML names (entry, modulepreload) and, transitively, what they import. */
function scriptsOf(html: string): string[] {
  const page = readFileSync(join(UI, html), 'utf8');
  const queue = [...page.matchAll(/(?:src|href)="(\/ui\/[^"]+\.js)"/g)].map((m) => fileOf(m[1]!));
  const seen = new Set<string>();
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*\(?\s*["'](\.\/[^"']+\.js)["']/g)) queue.push(join(file, '..', m[1]!));
  }
  return [...seen];
}

const gzipped = (files: string[]) => files.reduce((sum, f) => sum + gzipSync(readFileSync(f)).length, 0);

describe('the phone pages stay light', () => {
  it.each(['kiosk-ui/track.html', 'kiosk-ui/join.html', 'kiosk-ui/book.html'])('%s: at most 30 kB of JavaScript, gzipped', (html) => {
    expect(existsSync(join(UI, html))).toBe(true);
    const files = scriptsOf(html);
    expect(files.length).toBeGreaterThan(0);
    const total = gzipped(files);
    console.log(`${html}: ${files.length} scripts, ${(total / 1000).toFixed(1)} kB gzipped`);
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('counts what a page imports, not just what its HTML names', () => {
    // The track page follows its ticket over socket.io: that client must be among what it loads.
    const code = scriptsOf('kiosk-ui/track.html').map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(code).toContain('socket.io');
  });
});
