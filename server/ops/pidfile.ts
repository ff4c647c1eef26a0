import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// DATA_DIR/dawr.pid: written by a running server, removed when it exits cleanly, so that
// `npm run restore` can refuse to pull the database from under it.

export const PID_FILE = 'dawr.pid';

/** Writes this process's pid; answers a function that removes the file if it is still ours. */
export function writePidFile(dataDir: string): () => void {
  const file = join(dataDir, PID_FILE);
  writeFileSync(file, `${process.pid}\n`);
  return () => {
    try {
      if (readFileSync(file, 'utf8').trim() === String(process.pid)) unlinkSync(file);
    } catch {
      // already gone
    }
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, owned by someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid of a server still running on `dataDir`, or null (no file, or a stale one after a crash). */
export function runningServerPid(dataDir: string): number | null {
  let pid: number;
  try {
    pid = Number(readFileSync(join(dataDir, PID_FILE), 'utf8').trim());
  } catch {
    return null;
  }
  if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid) return null;
  if (!alive(pid)) return null;
  // After a crash and a reboot the number may belong to another program now.
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (!/node|server\.mjs|main\.ts/.test(cmdline)) return null;
  } catch {
    // no /proc (not Linux): trust the pid
  }
  return pid;
}
