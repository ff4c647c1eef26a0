import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sleep, wallNow } from './stats.js';

// The kiosks' printers are files (`file:` targets): printing is done when they stop growing.

const QUIET_MS = 1500;

/** Waits until no printer file in `dir` has grown for a while (at most `maxMs`); answers when the last grew, and the bytes. */
export async function printsSettled(dir: string, maxMs: number): Promise<{ at: number; bytes: number }> {
  const begin = wallNow();
  let bytes = -1;
  let at = begin;
  while (wallNow() - at < QUIET_MS && wallNow() - begin < maxMs) {
    const now = total(dir);
    if (now !== bytes) {
      bytes = now;
      at = wallNow();
    }
    await sleep(50);
  }
  return { at, bytes };
}

function total(dir: string): number {
  let sum = 0;
  for (const name of safeList(dir)) sum += statSync(join(dir, name)).size;
  return sum;
}

const safeList = (dir: string) => {
  try {
    return readdirSync(dir);
  } catch {
    return []; // nothing printed yet
  }
};
